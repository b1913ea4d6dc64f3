package dev.retort.internal.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares SQL expressions the way PostgreSQL may have rewritten them. PostgreSQL stores defaults,
 * checks and index predicates in its own canonical form ({@code status IN ('A','B')} comes back as
 * {@code (status)::text = ANY ((ARRAY['A'::character varying, …])::text[])}), so expressions are
 * compared by a fingerprint: the set of literals and names they mention, without casts, type names,
 * operators, keywords or parentheses ({@code a BETWEEN 0 AND 2} and {@code (a >= 0) AND (a <= 2)} agree).
 */
final class PostgresExpressions {

    private static final Pattern TOKEN = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|-?\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z0-9_$]*");
    private static final Set<String> NOISE = Set.of("and", "or", "not", "in", "is", "null", "any", "all", "array", "between", "like", "ilike",
            "text", "character", "varying", "varchar", "integer", "int", "bigint", "smallint", "numeric", "boolean", "bool", "timestamp",
            "time", "with", "without", "zone", "date", "double", "precision", "real", "bpchar", "uuid", "jsonb", "json", "regclass",
            "interval", "cast", "as");

    private PostgresExpressions() {
    }

    /** Whether two expressions say the same thing, as far as the fingerprint can tell. */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return fingerprint(a).equals(fingerprint(b));
    }

    static List<String> fingerprint(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(expression);
        while (m.find()) {
            String token = m.group();
            if (token.startsWith("'")) {
                tokens.add(token);
            } else if (token.startsWith("\"")) {
                tokens.add(token.substring(1, token.length() - 1).replace("\"\"", "\""));
            } else {
                String lower = token.toLowerCase(Locale.ROOT);
                if (!NOISE.contains(lower)) {
                    tokens.add(Character.isDigit(lower.charAt(0)) || lower.startsWith("-") ? stripZeros(lower) : lower);
                }
            }
        }
        return tokens.stream().distinct().sorted().toList();
    }

    private static String stripZeros(String number) {
        return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }
}
