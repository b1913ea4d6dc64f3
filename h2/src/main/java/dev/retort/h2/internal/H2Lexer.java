package dev.retort.h2.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.platform.ScriptPiece;

/**
 * H2's lexical rules as its {@code RunScript} tool applies them: a semicolon ends a statement outside quoted strings
 * ({@code '…'}), quoted names ({@code "…"}), dollar-quoted bodies ({@code $$…$$}), and comments ({@code --} and
 * {@code //} to the end of the line, {@code /* … *}{@code /}). A statement without a semicolon at the end is one too.
 * Comments before a statement and after its last token are left out; a line comment {@code -- retort:…} at the start
 * of a line, outside any statement, is a directive.
 */
final class H2Lexer {

    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*retort:(.*)", Pattern.DOTALL);

    private H2Lexer() {
    }

    /** The statements and directives of a script (line breaks {@code \n}). */
    static List<ScriptPiece> split(String text) {
        List<ScriptPiece> pieces = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        int significant = 0;
        int statementLine = 0;
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-' && lineStart && statement.toString().isBlank()) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                Matcher m = DIRECTIVE.matcher(text.substring(i, end));
                if (m.matches()) {
                    pieces.add(new ScriptPiece.Directive(m.group(1).strip(), line));
                    statement.setLength(0);
                    significant = 0;
                    i = end;
                    continue;
                }
            }
            int end = endOfQuotedOrComment(text, i, line);
            if (end > i) {
                String part = text.substring(i, end);
                boolean comment = c == '-' || c == '/';
                if (!comment || !statement.toString().isBlank()) {
                    if (statement.toString().isBlank() && !comment) {
                        statement.setLength(0);
                        statementLine = line;
                    }
                    statement.append(part);
                    if (!comment) {
                        significant = statement.length();
                    }
                }
                line += count(part, '\n');
                i = end;
                continue;
            }
            if (c == ';') {
                addStatement(pieces, statement, significant, statementLine);
                statement.setLength(0);
                significant = 0;
                i++;
                continue;
            }
            if (statement.toString().isBlank() && !Character.isWhitespace(c)) {
                statement.setLength(0);
                statementLine = line;
            }
            statement.append(c);
            if (!Character.isWhitespace(c)) {
                significant = statement.length();
            }
            if (c == '\n') {
                line++;
            }
            i++;
        }
        addStatement(pieces, statement, significant, statementLine);
        return pieces;
    }

    private static void addStatement(List<ScriptPiece> pieces, StringBuilder statement, int significant, int line) {
        String sql = statement.substring(0, Math.min(significant, statement.length())).strip();
        if (!sql.isEmpty()) {
            pieces.add(new ScriptPiece.Statement(sql, line));
        }
    }

    /** The index after the string, name, body or comment that starts at {@code i}, or {@code i} when none does. */
    private static int endOfQuotedOrComment(String text, int i, int line) {
        char c = text.charAt(i);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
        if (c == '-' && next == '-' || c == '/' && next == '/') {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end;
        }
        if (c == '/' && next == '*') {
            int end = text.indexOf("*/", i + 2);
            if (end < 0) {
                throw new IllegalArgumentException("line " + line + ": a comment is not closed");
            }
            return end + 2;
        }
        if (c == '$' && next == '$') {
            int end = text.indexOf("$$", i + 2);
            if (end < 0) {
                throw new IllegalArgumentException("line " + line + ": a $$ string is not closed");
            }
            return end + 2;
        }
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < text.length()) {
                if (text.charAt(j) == c) {
                    if (j + 1 < text.length() && text.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            throw new IllegalArgumentException("line " + line + ": a " + (c == '\'' ? "string" : "quoted name") + " is not closed");
        }
        return i;
    }

    private static int count(String text, char c) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }

    /** Each {@code ?} outside strings, names and comments replaced with its parameter's literal. */
    static String replaceParameterMarkers(String sql, List<Object> parameters, Function<Object, String> literal) {
        StringBuilder out = new StringBuilder(sql.length() + 16 * parameters.size());
        int next = 0;
        int i = 0;
        while (i < sql.length()) {
            int end = endOfQuotedOrComment(sql, i, 1);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else if (sql.charAt(i) == '?') {
                if (next >= parameters.size()) {
                    throw new IllegalArgumentException("The statement has more ? markers than the " + parameters.size()
                            + " parameter(s) given: " + sql);
                }
                out.append(literal.apply(parameters.get(next++)));
                i++;
            } else {
                out.append(sql.charAt(i++));
            }
        }
        if (next != parameters.size()) {
            throw new IllegalArgumentException("The statement has " + next + " ? marker(s) but " + parameters.size()
                    + " parameter(s) were given: " + sql);
        }
        return out.toString();
    }
}
