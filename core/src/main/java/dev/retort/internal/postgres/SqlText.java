package dev.retort.internal.postgres;

import java.util.List;
import java.util.function.Function;

/** Lexical helpers that must not be fooled by quotes, comments or dollar-quoted bodies. */
final class SqlText {

    private SqlText() {
    }

    /** Replaces each {@code ?} bind marker outside quotes and comments with the rendered value. */
    static String replaceParameterMarkers(String sql, List<Object> parameters, Function<Object, String> literal) {
        StringBuilder out = new StringBuilder(sql.length() + 16 * parameters.size());
        int next = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end = skipQuotedOrComment(sql, i);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
                continue;
            }
            if (c == '?') {
                if (i + 1 < n && sql.charAt(i + 1) == '?') {
                    out.append('?'); // "??" is JDBC's escape for a literal "?", e.g. the jsonb operator
                    i += 2;
                    continue;
                }
                if (next >= parameters.size()) {
                    throw new IllegalArgumentException("The statement has more ? markers than the " + parameters.size()
                            + " parameter(s) given: " + sql);
                }
                out.append(literal.apply(parameters.get(next++)));
                i++;
                continue;
            }
            out.append(c);
            i++;
        }
        if (next != parameters.size()) {
            throw new IllegalArgumentException("The statement has " + next + " ? marker(s) but " + parameters.size()
                    + " parameter(s) were given: " + sql);
        }
        return out.toString();
    }

    /** The index just after a quoted string, quoted identifier, comment or dollar-quoted body at {@code i}, else {@code i}. */
    private static int skipQuotedOrComment(String sql, int i) {
        char c = sql.charAt(i);
        int n = sql.length();
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < n) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < n && sql.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return n;
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            int eol = sql.indexOf('\n', i);
            return eol < 0 ? n : eol + 1;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? n : close + 2;
        }
        if (c == '$') {
            int j = i + 1;
            while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                j++;
            }
            if (j < n && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
                String tag = sql.substring(i, j + 1);
                int close = sql.indexOf(tag, j + 1);
                return close < 0 ? n : close + tag.length();
            }
        }
        return i;
    }
}
