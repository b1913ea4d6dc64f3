package dev.retort.postgresql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares SQL expressions the way PostgreSQL may have rewritten them. PostgreSQL stores defaults,
 * checks and index predicates in its own canonical form ({@code status IN ('A','B')} comes back as
 * {@code (status)::text = ANY ((ARRAY['A'::character varying, …])::text[])}, {@code -3} as {@code '-3'::integer}),
 * so expressions are compared by their normal form ({@link ExpressionTree}): operators and their operands count,
 * casts, parentheses and the order of {@code AND}'s operands do not. An expression outside the grammar that reads
 * is compared, as a last resort, by its fingerprint: the set of literals and names it mentions. A default of
 * {@code NULL} is no default, as PostgreSQL stores none for it.
 */
final class PostgresExpressions {

    private static final Pattern TOKEN = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|-?\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z0-9_$]*");
    private static final Set<String> NOISE = Set.of("and", "or", "not", "in", "is", "null", "any", "all", "array", "between", "like", "ilike",
            "text", "character", "varying", "varchar", "integer", "int", "bigint", "smallint", "numeric", "boolean", "bool", "timestamp",
            "time", "with", "without", "zone", "date", "double", "precision", "real", "bpchar", "uuid", "jsonb", "json", "regclass",
            "interval", "cast", "as");

    private PostgresExpressions() {
    }

    /** Whether two expressions say the same thing; null (none) and the NULL literal are the same. */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return (a == null || ExpressionTree.isNull(a)) && (b == null || ExpressionTree.isNull(b));
        }
        try {
            return ExpressionTree.normalForm(a).equals(ExpressionTree.normalForm(b));
        } catch (ExpressionTree.Unreadable e) {
            return fingerprint(a).equals(fingerprint(b));
        }
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

    private static final String COLUMN = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final String CAST = "(?:::[a-z ]+(?:\\[\\])?)?";
    private static final Pattern ANY_ARRAY = Pattern.compile("\\(?" + COLUMN + "\\)?" + CAST + " = ANY \\(\\(?ARRAY\\[((?:'(?:[^']|'')*'|[^\\]'])*)\\]\\)?" + CAST + "\\)");
    private static final Pattern ARRAY_ELEMENT = Pattern.compile("\\s*('(?:[^']|'')*')" + CAST + "\\s*(,|$)");
    private static final Pattern RANGE = Pattern.compile("\\(" + COLUMN + " >= (-?\\d+)\\) AND \\(" + COLUMN + " <= (-?\\d+)\\)");

    /**
     * A check as PostgreSQL prints it, written the way a person writes it: a list of literals compared with
     * {@code = ANY (ARRAY[…])} becomes {@code column IN ('A', 'B')}, a pair of bounds becomes
     * {@code column BETWEEN 0 AND 2}. Anything else comes back as it was.
     */
    static String readable(String expression) {
        if (expression == null) {
            return null;
        }
        String inner = withoutOuterParentheses(expression.strip());
        Matcher any = ANY_ARRAY.matcher(inner);
        if (any.matches()) {
            List<String> literals = new ArrayList<>();
            Matcher element = ARRAY_ELEMENT.matcher(any.group(2));
            int end = 0;
            while (element.find() && element.start() == end) {
                literals.add(element.group(1));
                end = element.end();
            }
            if (end == any.group(2).length() && !literals.isEmpty()) {
                return any.group(1) + " IN (" + String.join(", ", literals) + ")";
            }
        }
        Matcher range = RANGE.matcher(inner);
        if (range.matches() && range.group(1).equals(range.group(3))) {
            return range.group(1) + " BETWEEN " + range.group(2) + " AND " + range.group(4);
        }
        return expression;
    }

    private static String withoutOuterParentheses(String text) {
        String t = text;
        while (t.startsWith("(") && t.endsWith(")") && encloses(t)) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** Whether the first parenthesis closes at the very end, so the pair encloses everything. */
    private static boolean encloses(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && (ch == '(' || ch == ')')) {
                depth += ch == '(' ? 1 : -1;
                if (depth == 0 && i < text.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    private static String stripZeros(String number) {
        return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }
}
