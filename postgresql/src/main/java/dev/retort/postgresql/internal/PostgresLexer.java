package dev.retort.postgresql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.platform.ScriptPiece;

/**
 * PostgreSQL's lexical rules, as psql applies them, in one place: where quoted strings, quoted identifiers,
 * comments and dollar-quoted bodies begin and end. It splits SQL revision files into statements and finds the bind
 * markers of a statement an offline script writes its values into.
 *
 * <p>Splitting works as psql does: a semicolon ends a statement only outside
 * quoted strings ({@code '…'}, {@code E'…'} with backslash escapes, {@code "…"}), dollar-quoted strings ({@code $$…$$},
 * {@code $tag$…$tag$}), comments ({@code --} to the end of the line, {@code /* … *}{@code /} nested), parentheses,
 * and the {@code BEGIN … END} body of a SQL-standard {@code CREATE FUNCTION}/{@code PROCEDURE}. A statement left
 * without a semicolon at the end is a statement too, as psql runs it.
 *
 * <p>Comments and blank lines before a statement are dropped, and so are those after its last token, so an offline
 * script can append the semicolon without commenting it out; comments inside a statement are kept. A line comment
 * {@code -- retort:…} at the start of a line, outside any string, is a directive: it ends the statement before it.
 */
final class PostgresLexer {

    /** Thrown for text that cannot be split: an unterminated string or comment, a psql meta-command. */
    static final class SyntaxProblem extends IllegalArgumentException {
        SyntaxProblem(int line, String problem) {
            super("line " + line + ": " + problem);
        }
    }

    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*retort:(.*)", Pattern.DOTALL);
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_\\u0080-\\uffff][A-Za-z0-9_\\u0080-\\uffff]*)?\\$");

    private final String text;
    private final List<ScriptPiece> pieces = new ArrayList<>();
    private final StringBuilder statement = new StringBuilder();
    /** The length of {@link #statement} up to its last token: what follows is whitespace and comments. */
    private int significant;
    private int statementLine;
    private int line = 1;
    private int parenDepth;
    private int beginDepth;
    /** The first letters of the statement's first words, where they are CREATE, OR, REPLACE, FUNCTION or PROCEDURE (psql's heuristic). */
    private final char[] firstWords = new char[4];
    private int wordCount;

    private PostgresLexer(String text) {
        this.text = text;
    }

    /**
     * The statements and directives of {@code text} (line breaks already {@code \n}).
     *
     * @throws SyntaxProblem naming the line of an unterminated string or comment, or of a psql meta-command
     */
    static List<ScriptPiece> split(String text) {
        PostgresLexer splitter = new PostgresLexer(text);
        splitter.run();
        return splitter.pieces;
    }

    /**
     * Replaces each {@code ?} bind marker outside quotes and comments with the rendered value; {@code ??}, JDBC's
     * escape for a literal {@code ?} (the jsonb operator), becomes {@code ?}.
     *
     * @throws IllegalArgumentException when the markers and the parameters do not pair up
     */
    static String replaceParameterMarkers(String sql, List<Object> parameters, Function<Object, String> literal) {
        StringBuilder out = new StringBuilder(sql.length() + 16 * parameters.size());
        PostgresLexer lexer = new PostgresLexer(sql);
        int next = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            int end = lexer.endOfQuotedOrComment(i);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else if (sql.charAt(i) == '?' && i + 1 < n && sql.charAt(i + 1) == '?') {
                out.append('?');
                i += 2;
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

    /**
     * The index just after the quoted string, quoted identifier, comment or dollar-quoted body that starts at {@code i},
     * or {@code i} when none starts there. An unclosed one runs to the end of the text.
     */
    private int endOfQuotedOrComment(int i) {
        char c = text.charAt(i);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
        try {
            if (c == '-' && next == '-') {
                int end = text.indexOf('\n', i);
                return end < 0 ? text.length() : end;
            } else if (c == '/' && next == '*') {
                return endOfBlockComment(i);
            } else if (c == '\'' || c == '"') {
                return endOfQuoted(i, c, c == '\'' && escapesBackslashes(i), "");
            } else if (c == '$' && (i == 0 || !isIdentifierPart(text.charAt(i - 1))) && dollarTag(i) != null) {
                return endOfDollarQuoted(i, dollarTag(i));
            }
        } catch (SyntaxProblem unclosed) {
            return text.length();
        }
        return i;
    }

    private void run() {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                i = lineComment(i);
            } else if (c == '/' && next == '*') {
                i = blockComment(i);
            } else if (c == '\'') {
                i = token(i, endOfQuoted(i, '\'', escapesBackslashes(i), "a quoted string"));
            } else if (c == '"') {
                i = token(i, endOfQuoted(i, '"', false, "a quoted identifier"));
            } else if (c == '$' && (i == 0 || !isIdentifierPart(text.charAt(i - 1))) && dollarTag(i) != null) {
                i = token(i, endOfDollarQuoted(i, dollarTag(i)));
            } else if (c == ';' && parenDepth == 0 && beginDepth == 0) {
                flush();
                i++;
            } else if (isIdentifierStart(c) && (i == 0 || !isIdentifierPart(text.charAt(i - 1)))) {
                i = word(i);
            } else if (c == '\\' && significant == 0) {
                throw new SyntaxProblem(line, "backslash commands (\\" + metaCommand(i) + ") belong to a command-line client and are "
                        + "not supported; a SQL revision holds plain SQL only");
            } else {
                if (c == '(') {
                    parenDepth++;
                } else if (c == ')' && parenDepth > 0) {
                    parenDepth--;
                }
                append(String.valueOf(c), !Character.isWhitespace(c));
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        flush();
    }

    private int lineComment(int start) {
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        String comment = text.substring(start, end);
        Matcher directive = DIRECTIVE.matcher(comment);
        if (directive.matches() && startsLine(start)) {
            flush();
            pieces.add(new ScriptPiece.Directive(directive.group(1).strip(), line));
        } else {
            append(comment, false);
        }
        return end;
    }

    private boolean startsLine(int index) {
        for (int i = index - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private int blockComment(int start) {
        int end = endOfBlockComment(start);
        append(text.substring(start, end), false);
        line += count(start, end);
        return end;
    }

    /** Appends the quoted token from {@code start} to {@code end}, counting its lines. */
    private int token(int start, int end) {
        append(text.substring(start, end), true);
        line += count(start, end);
        return end;
    }

    private int count(int start, int end) {
        int lines = 0;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The end of a {@code /* … *}{@code /} comment, nested ones included. */
    private int endOfBlockComment(int start) {
        int depth = 1;
        int i = start + 2;
        while (i < text.length() && depth > 0) {
            if (text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
            } else {
                i++;
            }
        }
        if (depth > 0) {
            throw new SyntaxProblem(line, "a /* comment is not closed");
        }
        return i;
    }

    /** Whether the string at {@code start} is an {@code E'…'} string, whose backslashes escape. */
    private boolean escapesBackslashes(int start) {
        return start > 0 && (text.charAt(start - 1) == 'E' || text.charAt(start - 1) == 'e')
                && (start < 2 || !isIdentifierPart(text.charAt(start - 2)));
    }

    /** The end of a quoted string or identifier; a doubled quote is one quote character. */
    private int endOfQuoted(int start, char quote, boolean backslashEscapes, String what) {
        int i = start + 1;
        while (true) {
            if (i >= text.length()) {
                throw new SyntaxProblem(line, what + " (" + quote + ") is not closed");
            }
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\' && i + 1 < text.length()) {
                i += 2;
            } else if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
    }

    private String dollarTag(int start) {
        Matcher m = DOLLAR_TAG.matcher(text).region(start, text.length());
        return m.lookingAt() ? m.group() : null;
    }

    private int endOfDollarQuoted(int start, String tag) {
        int close = text.indexOf(tag, start + tag.length());
        if (close < 0) {
            throw new SyntaxProblem(line, "the dollar-quoted string " + tag + " is not closed");
        }
        return close + tag.length();
    }

    private int word(int start) {
        int i = start;
        while (i < text.length() && isIdentifierPart(text.charAt(i))) {
            i++;
        }
        String word = text.substring(start, i);
        String lower = word.toLowerCase(Locale.ROOT);
        // psql's heuristic: in CREATE [OR REPLACE] FUNCTION|PROCEDURE, BEGIN … END (and CASE … END inside it) holds semicolons.
        if (wordCount < firstWords.length) {
            firstWords[wordCount] = switch (lower) {
                case "create", "or", "replace", "function", "procedure" -> lower.charAt(0);
                default -> '\0';
            };
        }
        wordCount++;
        if (definesRoutine() && parenDepth == 0) {
            if (lower.equals("begin")) {
                beginDepth++;
            } else if (lower.equals("case") && beginDepth > 0) {
                beginDepth++;
            } else if (lower.equals("end") && beginDepth > 0) {
                beginDepth--;
            }
        }
        append(word, true);
        return i;
    }

    private boolean definesRoutine() {
        char[] w = firstWords;
        return w[0] == 'c' && (w[1] == 'f' || w[1] == 'p' || w[1] == 'o' && w[2] == 'r' && (w[3] == 'f' || w[3] == 'p'));
    }

    private String metaCommand(int start) {
        int i = start + 1;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.substring(start + 1, i);
    }

    /** Adds text to the statement; whitespace and comments before its first token are dropped. */
    private void append(String part, boolean token) {
        if (significant == 0 && !token) {
            return;
        }
        if (significant == 0) {
            statementLine = line;
        }
        statement.append(part);
        if (token) {
            significant = statement.length();
        }
    }

    private void flush() {
        if (significant > 0) {
            pieces.add(new ScriptPiece.Statement(statement.substring(0, significant), statementLine));
        }
        statement.setLength(0);
        significant = 0;
        parenDepth = 0;
        beginDepth = 0;
        wordCount = 0;
        java.util.Arrays.fill(firstWords, '\0');
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c) || c == '$';
    }
}
