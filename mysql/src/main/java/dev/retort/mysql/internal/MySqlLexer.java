package dev.retort.mysql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.platform.ScriptPiece;

/**
 * The mysql client's lexical rules in one place: where quoted strings ({@code '…'} and {@code "…"}, with backslash
 * escapes), quoted identifiers ({@code `…`}) and comments ({@code -- } to the end of the line, {@code #} likewise,
 * {@code /* … *}{@code /}) begin and end. It splits SQL revision files as the client does and finds the bind markers
 * a statement of an offline script gets its values in.
 *
 * <p>A statement ends at the delimiter outside quotes and comments, {@code ;} until a {@code DELIMITER} line at the
 * start of a statement sets another (so the body of a procedure or trigger, with its own semicolons, stays whole), or
 * at the client's {@code \g}. A statement left without a delimiter at the end is a statement too, as the client runs
 * it. A line comment {@code -- retort:…} at the start of a line, outside any string, is a directive and ends the
 * statement before it. The client's own commands ({@code source}, {@code \.} and the like) are refused: they are no SQL
 * for the server.
 */
final class MySqlLexer {

    /** Thrown for text that cannot be split: an unterminated string or comment, a command of the client. */
    static final class SyntaxProblem extends IllegalArgumentException {
        SyntaxProblem(int line, String problem) {
            super("line " + line + ": " + problem);
        }
    }

    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*retort:(.*)", Pattern.DOTALL);
    private static final Pattern DELIMITER = Pattern.compile("(?i)delimiter(?:[ \\t]+(\\S+)[ \\t]*)?");
    private static final Pattern CLIENT_COMMAND = Pattern.compile(
            "(?i)(source|\\\\\\.|charset|connect|ego|go|help|nopager|notee|pager|print|prompt|quit|exit|rehash|status|system|tee|warnings|nowarning)(\\s.*|;.*)?");

    private final String text;
    private final List<ScriptPiece> pieces = new ArrayList<>();
    private final StringBuilder statement = new StringBuilder();
    /** The length of {@link #statement} up to its last token: what follows is whitespace and comments. */
    private int significant;
    private int statementLine;
    private int line = 1;
    private String delimiter = ";";

    private MySqlLexer(String text) {
        this.text = text;
    }

    /**
     * The statements and directives of {@code text} (line breaks already {@code \n}).
     *
     * @throws SyntaxProblem naming the line of an unterminated string or comment, or of a command of the client
     */
    static List<ScriptPiece> split(String text) {
        MySqlLexer lexer = new MySqlLexer(text);
        lexer.run();
        return lexer.pieces;
    }

    /**
     * Replaces each {@code ?} bind marker outside quotes and comments with the rendered value.
     *
     * @throws IllegalArgumentException when the markers and the parameters do not pair up
     */
    static String replaceParameterMarkers(String sql, List<Object> parameters, Function<Object, String> literal) {
        StringBuilder out = new StringBuilder(sql.length() + 16 * parameters.size());
        MySqlLexer lexer = new MySqlLexer(sql);
        int next = 0;
        int i = 0;
        while (i < sql.length()) {
            int end = lexer.skip(i, false);
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

    private void run() {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (atLineStart(i) && significant == 0) {
                int handled = lineCommand(i);
                if (handled > i) {
                    i = handled;
                    continue;
                }
            }
            char c = text.charAt(i);
            if (text.startsWith(delimiter, i)) {
                finish();
                i += delimiter.length();
                continue;
            }
            if (c == '\\' && i + 1 < n && (text.charAt(i + 1) == 'g' || text.charAt(i + 1) == 'G')) {
                finish();
                i += 2;
                continue;
            }
            if (c == '\\' && significant == 0) {
                throw new SyntaxProblem(line, "\\" + (i + 1 < n ? text.charAt(i + 1) : "") + " is a command of the mysql client, not SQL "
                        + "the server runs; write it as SQL, or run it outside the revision.");
            }
            if (c == '-' && text.startsWith("-- retort:", i) && atLineStart(i)) {
                i = directive(i);
                continue;
            }
            int end = skip(i, true);
            if (end > i) {
                boolean comment = isComment(i);
                append(i, end, !comment);
                i = end;
            } else {
                append(i, i + 1, !Character.isWhitespace(c));
                i++;
            }
        }
        finish();
    }

    /** A {@code DELIMITER} line or a command of the client at the start of a statement; the index after it, or {@code i}. */
    private int lineCommand(int i) {
        int start = i;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        int end = text.indexOf('\n', start);
        String rest = text.substring(start, end < 0 ? text.length() : end);
        Matcher delimiterLine = DELIMITER.matcher(rest.stripTrailing());
        if (delimiterLine.matches()) {
            if (delimiterLine.group(1) == null || delimiterLine.group(1).contains("\\")) {
                throw new SyntaxProblem(line, "DELIMITER needs the new delimiter after it, without a backslash: DELIMITER $$");
            }
            delimiter = delimiterLine.group(1);
            return end < 0 ? text.length() : end;
        }
        Matcher command = CLIENT_COMMAND.matcher(rest.stripTrailing());
        if (command.matches()) {
            throw new SyntaxProblem(line, command.group(1).toLowerCase(Locale.ROOT) + " is a command of the mysql client, not SQL the "
                    + "server runs; write it as SQL, or run it outside the revision.");
        }
        return i;
    }

    private boolean atLineStart(int i) {
        return i == 0 || text.charAt(i - 1) == '\n';
    }

    private int directive(int i) {
        finish();
        int end = text.indexOf('\n', i);
        String comment = text.substring(i, end < 0 ? text.length() : end);
        Matcher m = DIRECTIVE.matcher(comment);
        if (m.matches()) {
            pieces.add(new ScriptPiece.Directive(m.group(1).strip(), line));
        }
        return end < 0 ? text.length() : end;
    }

    private boolean isComment(int i) {
        char c = text.charAt(i);
        return c == '#' || c == '-' || c == '/' && !text.startsWith("/*!", i) && !text.startsWith("/*+", i);
    }

    /**
     * The index just after the quoted text or comment that starts at {@code i}, or {@code i} when none starts there.
     *
     * @param strict whether an unclosed one is a problem (when splitting) or runs to the end (when finding markers)
     */
    private int skip(int i, boolean strict) {
        char c = text.charAt(i);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
        if (c == '#' || c == '-' && next == '-' && (i + 2 >= text.length() || Character.isWhitespace(text.charAt(i + 2)))) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end;
        }
        if (c == '/' && next == '*') {
            int end = text.indexOf("*/", i + 2);
            if (end < 0) {
                if (strict) {
                    throw new SyntaxProblem(line, "a /* comment is never closed.");
                }
                return text.length();
            }
            return end + 2;
        }
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < text.length()) {
                char d = text.charAt(j);
                if (d == '\\' && c != '`') {
                    j += 2;
                } else if (d == c && j + 1 < text.length() && text.charAt(j + 1) == c) {
                    j += 2;
                } else if (d == c) {
                    return j + 1;
                } else {
                    j++;
                }
            }
            if (strict) {
                throw new SyntaxProblem(line, (c == '`' ? "a quoted identifier" : "a quoted string") + " is never closed.");
            }
            return text.length();
        }
        return i;
    }

    private void append(int from, int to, boolean token) {
        if (statement.length() == 0 && !token) {
            countLines(from, to);
            return;
        }
        if (statement.length() == 0) {
            statementLine = line;
        }
        statement.append(text, from, to);
        countLines(from, to);
        if (token) {
            significant = statement.length();
        }
    }

    private void countLines(int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
    }

    private void finish() {
        if (significant > 0) {
            pieces.add(new ScriptPiece.Statement(statement.substring(0, significant), statementLine));
        }
        statement.setLength(0);
        significant = 0;
    }
}
