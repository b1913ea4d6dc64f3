package dev.retort.postgresql.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A SQL expression (a default, a check, an index predicate) parsed with PostgreSQL's grammar and precedence into a
 * normal form that says the same thing however it was spelt, so an expression as written and as PostgreSQL stores it
 * compare equal, and two that mean different things do not:
 *
 * <ul>
 *   <li>parentheses and casts go ({@code (status)::text} is {@code status}), and a literal keeps its value
 *       ({@code '-3'::integer} is {@code -3}, {@code (0)::numeric} is {@code 0});</li>
 *   <li>the operands of {@code AND} and {@code OR} are a set ({@code (a) AND (b)} is {@code (b) AND (a)});</li>
 *   <li>{@code x BETWEEN a AND b} is {@code x >= a AND x <= b}, {@code x IN (…)} is {@code x = ANY (ARRAY[…])} and
 *       its values a set, {@code LIKE} is {@code ~~}, {@code !=} is {@code <>}, and {@code =} and {@code <>} compare
 *       their operands as an unordered pair;</li>
 *   <li>operators, their order and everything else count: {@code a > 0} is not {@code a < 0}.</li>
 * </ul>
 *
 * Anything outside the grammar read here fails with {@link Unreadable}.
 */
final class ExpressionTree {

    /** An expression outside the grammar this reads. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static final Set<String> NUMERIC_TYPES = Set.of("integer", "int", "int2", "int4", "int8", "smallint", "bigint", "numeric",
            "decimal", "real", "float", "float4", "float8", "double");
    private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "with", "without", "time", "zone");
    private static final Set<String> COMPARISON = Set.of("<", ">", "=", "<=", ">=", "<>");
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "is", "in", "between", "like", "ilike", "then", "else", "end",
            "when", "as", "from", "isnull", "notnull", "similar", "escape");

    private final List<String> tokens;
    private int at;

    private ExpressionTree(String expression) {
        this.tokens = Lexer.tokens(expression);
    }

    /** The normal form of an expression; two expressions with the same normal form say the same. */
    static String normalForm(String expression) {
        ExpressionTree tree = new ExpressionTree(expression);
        String result = tree.expression(0);
        if (tree.at != tree.tokens.size()) {
            throw new Unreadable("unexpected '" + tree.tokens.get(tree.at) + "'");
        }
        return result;
    }

    /** Whether the expression is the NULL literal (cast or not): a default of NULL is no default. */
    static boolean isNull(String expression) {
        try {
            return "null".equals(normalForm(expression));
        } catch (Unreadable e) {
            return false;
        }
    }

    // ---- precedence climbing, lowest first: OR, AND, NOT, IS, comparison, BETWEEN/IN/LIKE, other operators, + -, * / %, ^

    private String expression(int level) {
        return switch (level) {
            case 0 -> chain("or", 1);
            case 1 -> chain("and", 2);
            case 2 -> not();
            default -> throw new IllegalStateException();
        };
    }

    private String chain(String word, int next) {
        String first = expression(next);
        if (!peekWord(word)) {
            return first;
        }
        String result = first;
        while (acceptWord(word)) {
            result = junction(word, result, expression(next));
        }
        return result;
    }

    /** {@code a AND b} (or {@code OR}) as the chain of the two would read. */
    private static String junction(String word, String a, String b) {
        Set<String> operands = new TreeSet<>();
        addFlat(operands, word, a);
        addFlat(operands, word, b);
        return operands.size() == 1 ? operands.iterator().next() : "(" + word + " " + String.join(" ", operands) + ")";
    }

    private static void addFlat(Set<String> operands, String word, String operand) {
        String prefix = "(" + word + " ";
        if (operand.startsWith(prefix)) {
            operands.addAll(split(operand.substring(prefix.length(), operand.length() - 1)));
        } else {
            operands.add(operand);
        }
    }

    private String not() {
        if (acceptWord("not")) {
            return "(not " + not() + ")";
        }
        return is();
    }

    private String is() {
        String left = comparison();
        while (true) {
            if (acceptWord("isnull")) {
                left = "(isnull " + left + ")";
            } else if (acceptWord("notnull")) {
                left = "(notnull " + left + ")";
            } else if (acceptWord("is")) {
                boolean negated = acceptWord("not");
                if (acceptWord("null")) {
                    left = "(" + (negated ? "notnull " : "isnull ") + left + ")";
                } else if (acceptWord("distinct")) {
                    expectWord("from");
                    left = "(" + (negated ? "not-distinct " : "distinct ") + left + " " + comparison() + ")";
                } else {
                    left = "(" + (negated ? "is-not " : "is ") + word() + " " + left + ")";
                }
            } else {
                return left;
            }
        }
    }

    private String comparison() {
        String left = range();
        while (peek() != null && (COMPARISON.contains(peek()) || "!=".equals(peek()))) {
            String operator = next();
            operator = "!=".equals(operator) ? "<>" : operator;
            if (peekWord("any") || peekWord("some") || peekWord("all")) {
                String quantifier = next().toLowerCase(Locale.ROOT);
                expect("(");
                String array = expression(0);
                expect(")");
                left = quantified(operator, "all".equals(quantifier) ? "all" : "any", left, array);
            } else {
                String right = range();
                left = "=".equals(operator) || "<>".equals(operator) ? unordered(operator, left, right) : "(" + operator + " " + left + " " + right + ")";
            }
        }
        return left;
    }

    /** {@code x op ANY (ARRAY[…])} over a set of values; one value is a plain comparison, as PostgreSQL makes {@code x IN (v)}. */
    private static String quantified(String operator, String quantifier, String left, String array) {
        if (array.startsWith("(array ")) {
            Set<String> values = new TreeSet<>(split(array.substring("(array ".length(), array.length() - 1)));
            if (values.size() == 1) {
                String value = values.iterator().next();
                return "=".equals(operator) || "<>".equals(operator) ? unordered(operator, left, value) : "(" + operator + " " + left + " " + value + ")";
            }
            return "(" + quantifier + " " + operator + " " + left + " (set " + String.join(" ", values) + "))";
        }
        return "(" + quantifier + " " + operator + " " + left + " " + array + ")";
    }

    private static String unordered(String operator, String a, String b) {
        return a.compareTo(b) <= 0 ? "(" + operator + " " + a + " " + b + ")" : "(" + operator + " " + b + " " + a + ")";
    }

    private String range() {
        String left = other();
        while (true) {
            int mark = at;
            boolean negated = acceptWord("not");
            if (acceptWord("between")) {
                acceptWord("symmetric");
                String low = other();
                expectWord("and");
                String high = other();
                left = negated ? junction("or", "(< " + left + " " + low + ")", "(> " + left + " " + high + ")")
                        : junction("and", "(<= " + left + " " + high + ")", "(>= " + left + " " + low + ")");
            } else if (acceptWord("in")) {
                expect("(");
                List<String> values = new ArrayList<>();
                do {
                    values.add(expression(0));
                } while (accept(","));
                expect(")");
                left = quantified(negated ? "<>" : "=", negated ? "all" : "any", left, "(array " + String.join(" ", values) + ")");
            } else if (acceptWord("like") || acceptWord("ilike")) {
                boolean caseless = tokens.get(at - 1).equalsIgnoreCase("ilike");
                String pattern = other();
                left = "(" + (negated ? "!" : "") + (caseless ? "~~*" : "~~") + " " + left + " " + pattern + ")";
            } else {
                at = mark;
                return left;
            }
        }
    }

    /** Any other operator ({@code ||}, {@code ~~}, {@code @>}, …), left-associative. */
    private String other() {
        String left = additive();
        while (peek() != null && isOperator(peek()) && !COMPARISON.contains(peek()) && !"!=".equals(peek())
                && !List.of("+", "-", "*", "/", "%", "^").contains(peek())) {
            String operator = next();
            left = "(" + operator + " " + left + " " + additive() + ")";
        }
        return left;
    }

    private String additive() {
        String left = multiplicative();
        while ("+".equals(peek()) || "-".equals(peek())) {
            String operator = next();
            left = "(" + operator + " " + left + " " + multiplicative() + ")";
        }
        return left;
    }

    private String multiplicative() {
        String left = power();
        while ("*".equals(peek()) || "/".equals(peek()) || "%".equals(peek())) {
            String operator = next();
            left = "(" + operator + " " + left + " " + power() + ")";
        }
        return left;
    }

    private String power() {
        String left = unary();
        while (accept("^")) {
            left = "(^ " + left + " " + unary() + ")";
        }
        return left;
    }

    private String unary() {
        if (accept("-")) {
            String operand = unary();
            return operand.startsWith("n:") ? number(new BigDecimal(operand.substring(2)).negate()) : "(neg " + operand + ")";
        }
        if (accept("+")) {
            return unary();
        }
        return postfix();
    }

    /** Casts ({@code ::type}) and subscripts; a cast is dropped, but a literal cast to a number keeps its value as a number. */
    private String postfix() {
        String value = primary();
        while (true) {
            if (accept("::")) {
                value = cast(value, typeName());
            } else if (accept("[")) {
                String index = expression(0);
                String slice = accept(":") ? ":" + expression(0) : "";
                expect("]");
                value = "(subscript " + value + " " + index + slice + ")";
            } else {
                return value;
            }
        }
    }

    private static String cast(String value, String type) {
        if (value.startsWith("s:") && NUMERIC_TYPES.contains(type)) {
            try {
                return number(new BigDecimal(value.substring(3, value.length() - 1).strip()));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    /** A type name after {@code ::} or {@code AS}: words, a modifier in parentheses, array brackets; its first word, lower-cased. */
    private String typeName() {
        String first = identifier();
        while (peek() != null) {
            if (TYPE_WORDS.contains(peek().toLowerCase(Locale.ROOT))) {
                next();
            } else if (accept(".")) {
                first = identifier();
            } else if ("(".equals(peek())) {
                next();
                while (!accept(")")) {
                    if (next() == null) {
                        throw new Unreadable("unclosed type modifier");
                    }
                }
            } else if ("[".equals(peek()) && "]".equals(peekAt(1))) {
                next();
                next();
            } else {
                break;
            }
        }
        return first;
    }

    private String primary() {
        String token = next();
        if (token == null) {
            throw new Unreadable("the expression ends early");
        }
        if (token.equals("(")) {
            List<String> items = new ArrayList<>();
            do {
                items.add(expression(0));
            } while (accept(","));
            expect(")");
            return items.size() == 1 ? items.get(0) : "(row " + String.join(" ", items) + ")";
        }
        if (token.startsWith("'")) {
            return "s:" + token;
        }
        if (Character.isDigit(token.charAt(0)) || token.startsWith(".")) {
            return number(new BigDecimal(token));
        }
        if (token.startsWith("\"")) {
            return name(token.substring(1, token.length() - 1).replace("\"\"", "\""));
        }
        if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
            throw new Unreadable("unexpected '" + token + "'");
        }
        String word = token.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(word)) {
            throw new Unreadable("unexpected '" + token + "'");
        }
        switch (word) {
            case "null", "true", "false" -> {
                return word;
            }
            case "array" -> {
                return array();
            }
            case "cast" -> {
                expect("(");
                String value = expression(0);
                expectWord("as");
                String type = typeName();
                expect(")");
                return cast(value, type);
            }
            case "case" -> {
                return caseExpression();
            }
            case "row" -> {
                if ("(".equals(peek())) {
                    next();
                    List<String> items = new ArrayList<>();
                    if (!accept(")")) {
                        do {
                            items.add(expression(0));
                        } while (accept(","));
                        expect(")");
                    }
                    return "(row " + String.join(" ", items) + ")";
                }
            }
            default -> {
            }
        }
        if (peek() != null && peek().startsWith("'")) {
            // A typed literal: DATE '2020-01-01', E'…', interval '1 day'.
            return "s:" + next();
        }
        if (accept("(")) {
            List<String> arguments = new ArrayList<>();
            if (!accept(")")) {
                acceptWord("distinct");
                do {
                    arguments.add("*".equals(peek()) ? next() : expression(0));
                } while (accept(","));
                expect(")");
            }
            return "(call " + word + (arguments.isEmpty() ? "" : " " + String.join(" ", arguments)) + ")";
        }
        String name = word;
        while (accept(".")) {
            String part = next();
            name += "." + (part.startsWith("\"") ? part.substring(1, part.length() - 1) : part.toLowerCase(Locale.ROOT));
        }
        return name(name);
    }

    private String array() {
        expect("[");
        List<String> items = new ArrayList<>();
        if (!accept("]")) {
            do {
                items.add(expression(0));
            } while (accept(","));
            expect("]");
        }
        return "(array " + String.join(" ", items) + ")";
    }

    private String caseExpression() {
        StringBuilder out = new StringBuilder("(case");
        if (!peekWord("when")) {
            out.append(" subject ").append(expression(0));
        }
        while (acceptWord("when")) {
            out.append(" when ").append(expression(0));
            expectWord("then");
            out.append(" then ").append(expression(0));
        }
        if (acceptWord("else")) {
            out.append(" else ").append(expression(0));
        }
        expectWord("end");
        return out.append(")").toString();
    }

    private static String number(BigDecimal value) {
        return "n:" + (value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
    }

    private static String name(String text) {
        return "c:" + text;
    }

    /** The top-level items of a space-separated list of normal forms. */
    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && depth == 0 && ch == ' ') {
                if (i > start) {
                    items.add(list.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (start < list.length()) {
            items.add(list.substring(start));
        }
        return items;
    }

    // ---- tokens

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private String peekAt(int offset) {
        return at + offset < tokens.size() ? tokens.get(at + offset) : null;
    }

    private String next() {
        return at < tokens.size() ? tokens.get(at++) : null;
    }

    private boolean peekWord(String word) {
        return peek() != null && peek().equalsIgnoreCase(word);
    }

    private boolean acceptWord(String word) {
        if (peekWord(word)) {
            at++;
            return true;
        }
        return false;
    }

    private void expectWord(String word) {
        if (!acceptWord(word)) {
            throw new Unreadable("expected " + word.toUpperCase(Locale.ROOT));
        }
    }

    private boolean accept(String token) {
        if (token.equals(peek())) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new Unreadable("expected '" + token + "'");
        }
    }

    private String word() {
        String token = next();
        if (token == null || !Character.isLetter(token.charAt(0))) {
            throw new Unreadable("expected a word");
        }
        return token.toLowerCase(Locale.ROOT);
    }

    private String identifier() {
        String token = next();
        if (token == null) {
            throw new Unreadable("expected a type name");
        }
        if (token.startsWith("\"")) {
            return token.substring(1, token.length() - 1);
        }
        if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
            throw new Unreadable("expected a type name");
        }
        return token.toLowerCase(Locale.ROOT);
    }

    private static boolean isOperator(String token) {
        return Lexer.OPERATOR_CHARS.indexOf(token.charAt(0)) >= 0 && !"::".equals(token);
    }

    /** PostgreSQL's lexical rules, as far as expressions need them. */
    static final class Lexer {

        static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";
        private static final String NOT_LAST = "~!@#%^&|`?";

        private Lexer() {
        }

        static List<String> tokens(String text) {
            List<String> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char ch = text.charAt(i);
                if (Character.isWhitespace(ch)) {
                    i++;
                } else if (ch == '\'') {
                    int end = i + 1;
                    while (true) {
                        if (end >= text.length()) {
                            throw new Unreadable("unclosed string");
                        }
                        if (text.charAt(end) == '\'') {
                            if (end + 1 < text.length() && text.charAt(end + 1) == '\'') {
                                end += 2;
                                continue;
                            }
                            break;
                        }
                        end++;
                    }
                    tokens.add(text.substring(i, end + 1));
                    i = end + 1;
                } else if (ch == '"') {
                    int end = text.indexOf('"', i + 1);
                    while (end >= 0 && end + 1 < text.length() && text.charAt(end + 1) == '"') {
                        end = text.indexOf('"', end + 2);
                    }
                    if (end < 0) {
                        throw new Unreadable("unclosed quoted name");
                    }
                    tokens.add(text.substring(i, end + 1));
                    i = end + 1;
                } else if (Character.isDigit(ch) || ch == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                    int end = i;
                    while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                        end++;
                    }
                    if (end < text.length() && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
                        int exponent = end + 1;
                        if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                            exponent++;
                        }
                        if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
                            end = exponent;
                            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                                end++;
                            }
                        }
                    }
                    tokens.add(text.substring(i, end));
                    i = end;
                } else if (Character.isLetter(ch) || ch == '_') {
                    int end = i;
                    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_' || text.charAt(end) == '$')) {
                        end++;
                    }
                    tokens.add(text.substring(i, end));
                    i = end;
                } else if (ch == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
                    tokens.add("::");
                    i += 2;
                } else if ("()[],.:;".indexOf(ch) >= 0) {
                    tokens.add(String.valueOf(ch));
                    i++;
                } else if (OPERATOR_CHARS.indexOf(ch) >= 0) {
                    int end = i;
                    while (end < text.length() && OPERATOR_CHARS.indexOf(text.charAt(end)) >= 0
                            && !text.startsWith("--", end) && !text.startsWith("/*", end)) {
                        end++;
                    }
                    String operator = text.substring(i, Math.max(end, i + 1));
                    // An operator ends in + or - only when it also holds one of ~ ! @ # % ^ & | ` ? (so >=-3 is >= and -3).
                    while (operator.length() > 1 && (operator.endsWith("+") || operator.endsWith("-"))
                            && operator.chars().noneMatch(c -> NOT_LAST.indexOf(c) >= 0)) {
                        operator = operator.substring(0, operator.length() - 1);
                    }
                    tokens.add(operator);
                    i += operator.length();
                } else {
                    throw new Unreadable("unexpected character '" + ch + "'");
                }
            }
            return tokens;
        }
    }
}
