package dev.retort.mysql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares SQL expressions the way MariaDB and MySQL may have rewritten them: a check comes back with its names in
 * backticks and its operators spaced ({@code `price` > 0}), a default as the literal or function the server keeps
 * ({@code 1.50}, {@code current_timestamp(6)}, {@code (1 + 1)}). Expressions are compared by a fingerprint: the
 * literals and names they mention, without quotes, parentheses, operators or keywords; {@code TRUE} is 1, as the
 * server stores it.
 */
final class MySqlExpressions {

    private static final Pattern TOKEN = Pattern.compile("'(?:[^'\\\\]|''|\\\\.)*'|`(?:[^`]|``)*`|\"(?:[^\"]|\"\")*\"|-?\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z0-9_$]*");
    private static final Set<String> NOISE = Set.of("and", "or", "not", "in", "is", "null", "between", "like", "regexp", "cast", "as", "char",
            "signed", "unsigned", "binary", "collate", "utf8mb4_bin");

    private MySqlExpressions() {
    }

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
                tokens.add(token.replace("\\'", "''"));
            } else if (token.startsWith("`") || token.startsWith("\"")) {
                tokens.add(token.substring(1, token.length() - 1).toLowerCase(Locale.ROOT));
            } else {
                String lower = token.toLowerCase(Locale.ROOT);
                if (lower.equals("true")) {
                    tokens.add("1");
                } else if (lower.equals("false")) {
                    tokens.add("0");
                } else if (lower.equals("now") || lower.equals("localtimestamp") || lower.equals("localtime")) {
                    tokens.add("current_timestamp");
                } else if (!NOISE.contains(lower)) {
                    tokens.add(Character.isDigit(lower.charAt(0)) || lower.startsWith("-") ? stripZeros(lower) : lower);
                }
            }
        }
        return tokens.stream().distinct().sorted().toList();
    }

    private static String stripZeros(String number) {
        if (!number.contains(".")) {
            return number;
        }
        String stripped = number.replaceAll("0+$", "");
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
