package dev.retort.internal.hibernate.reader;

import java.util.ArrayList;
import java.util.List;

import dev.retort.operation.Constraint;

/**
 * Reads the SQL clauses a mapping hands Hibernate verbatim (a {@code @ForeignKey(foreignKeyDefinition)}, JPA 3.2's
 * {@code options} of columns, sequences, indexes and keys) into what the schema model holds, and gives back, as text,
 * what it does not: that part is said in the generated migration rather than dropped.
 */
final class Clauses {

    private final List<String> words;
    private int at;

    private Clauses(String sql) {
        this.words = words(sql == null ? "" : sql);
    }

    /** The words of a clause: names, quoted names, literals and parenthesised groups each one word. */
    static Clauses of(String sql) {
        return new Clauses(sql);
    }

    boolean atEnd() {
        return at >= words.size();
    }

    /** The words not read yet, as SQL; empty when all were read. */
    String rest() {
        return String.join(" ", words.subList(Math.min(at, words.size()), words.size()));
    }

    /** The next word, as written. */
    String next() {
        return atEnd() ? null : words.get(at++);
    }

    /** Takes the keywords (case-insensitive) if they come next, all of them, and says whether they did. */
    boolean accept(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (at + i >= words.size() || !words.get(at + i).equalsIgnoreCase(keywords[i])) {
                return false;
            }
        }
        at += keywords.length;
        return true;
    }

    /** Whether the next word is a parenthesised group. */
    boolean atGroup() {
        return !atEnd() && words.get(at).startsWith("(");
    }

    /** The next word, a parenthesised group, without its parentheses. */
    String group() {
        String group = next();
        return group.substring(1, group.length() - 1).strip();
    }

    /** The next word as a whole number, or null (and nothing taken) when it is not one. */
    Long number() {
        if (!atEnd() && words.get(at).matches("[+-]?\\d+")) {
            return Long.valueOf(words.get(at++));
        }
        return null;
    }

    /** A foreign key's trailing clauses ({@code ON DELETE …}, {@code ON UPDATE …}, {@code DEFERRABLE …}) read into the key. */
    Constraint.ForeignKey foreignKeyClauses(Constraint.ForeignKey key) {
        Constraint.ForeignKey result = key;
        while (!atEnd()) {
            int mark = at;
            if (accept("on", "delete") || accept("on", "update")) {
                boolean delete = words.get(at - 1).equalsIgnoreCase("delete");
                Constraint.Action action = action();
                if (action == null) {
                    at = mark;
                    return result;
                }
                result = delete ? result.onDelete(action) : result.onUpdate(action);
            } else if (accept("not", "deferrable") || accept("initially", "immediate")) {
                continue;
            } else if (accept("deferrable")) {
                result = result.deferrable(accept("initially", "deferred") || result.initiallyDeferred());
                accept("initially", "immediate");
            } else if (accept("initially", "deferred")) {
                result = result.deferrable(true);
            } else {
                return result;
            }
        }
        return result;
    }

    private Constraint.Action action() {
        if (accept("cascade")) {
            return Constraint.Action.CASCADE;
        } else if (accept("restrict")) {
            return Constraint.Action.RESTRICT;
        } else if (accept("no", "action")) {
            return Constraint.Action.NO_ACTION;
        } else if (accept("set", "null")) {
            return Constraint.Action.SET_NULL;
        } else if (accept("set", "default")) {
            return Constraint.Action.SET_DEFAULT;
        }
        return null;
    }

    /** Comma-separated names in a group, each as written (quotes kept). */
    static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** Whether a name is written in quotes (and so keeps its case). */
    static boolean quoted(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"");
    }

    /** A name without its quotes. */
    static String unquoted(String name) {
        return quoted(name) ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    private static List<String> words(String sql) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            int end;
            if (ch == '(') {
                end = closing(sql, i);
            } else if (ch == '\'' || ch == '"') {
                end = sql.indexOf(ch, i + 1);
                while (end > 0 && end + 1 < sql.length() && sql.charAt(end + 1) == ch) {
                    end = sql.indexOf(ch, end + 2);
                }
                end = end < 0 ? sql.length() : end + 1;
            } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '$' || ch == '.' || ch == '-' || ch == '+') {
                end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || "_$.".indexOf(sql.charAt(end)) >= 0)) {
                    end++;
                }
            } else {
                end = i + 1;
            }
            words.add(sql.substring(i, end));
            i = end;
        }
        return words;
    }

    /** The index after the parenthesis closing the one at {@code open}, quotes respected. */
    private static int closing(String sql, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return sql.length();
    }
}
