package dev.retort.h2.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.retort.operation.DataType;
import dev.retort.platform.Conversion;
import dev.retort.platform.SchemaRules;

/**
 * H2's rules: type names as H2 reports them, expressions as H2 rewrites them (names quoted, keywords upper-cased,
 * parentheses and casts added, the operands of AND and OR reordered), conversions (H2 converts values itself, rewriting
 * the table, and takes no expression), names folded to upper case, and PostgreSQL's names for what nobody named.
 */
final class H2SchemaRules implements SchemaRules {

    private static final Pattern CAST = Pattern.compile("(?i)CAST\\(\\s*([^()]*?)\\s+AS\\s+[A-Z ]+(?:\\(\\d+(?:,\\s*\\d+)?\\))?\\s*\\)");

    private final H2Types types;

    H2SchemaRules(H2Types types) {
        this.types = types;
    }

    @Override
    public DataType parseType(String sqlType) {
        return types.parse(sqlType);
    }

    @Override
    public boolean sameType(DataType a, DataType b) {
        return types.same(a, b);
    }

    @Override
    public boolean sameExpression(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return normal(a).equals(normal(b));
    }

    /**
     * An expression in a form two writings of it share: outside string literals, upper case without quotes, casts of
     * literals and whitespace; then the operands of a top-level AND or OR sorted, since H2 reorders them.
     */
    static String normal(String expression) {
        StringBuilder out = new StringBuilder();
        String text = expression.strip();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < text.length() && !(text.charAt(end) == '\'' && (end + 1 >= text.length() || text.charAt(end + 1) != '\''))) {
                    end += text.charAt(end) == '\'' ? 2 : 1;
                }
                out.append(text, i, Math.min(text.length(), end + 1));
                i = end + 1;
            } else if (c == '"') {
                i++;
            } else {
                out.append(Character.isWhitespace(c) ? ' ' : Character.toUpperCase(c));
                i++;
            }
        }
        String s = out.toString();
        String before;
        do {
            before = s;
            s = CAST.matcher(s).replaceAll("$1");
        } while (!s.equals(before));
        s = s.replaceAll("\\s+", " ").replaceAll(" ?([(),<>=+*/-]) ?", "$1").replace("::", "").strip();
        List<String> parts = new ArrayList<>();
        for (String part : s.replace("(", " ").replace(")", " ").split(" (?:AND|OR) ")) {
            parts.add(part.replaceAll("\\s+", ""));
        }
        Collections.sort(parts);
        return String.join("|", parts) + "#" + s.replaceAll("[()\\s]", "").length();
    }

    @Override
    public Conversion conversion(String column, DataType from, DataType to) {
        if (types.same(from, to)) {
            return new Conversion(null, true, false, Conversion.Risk.NONE);
        }
        DataType.Kind a = from instanceof DataType.Builtin b ? b.kind() : null;
        DataType.Kind b = to instanceof DataType.Builtin t ? t.kind() : null;
        if (a == null || b == null) {
            return new Conversion(null, true, true, Conversion.Risk.UNKNOWN);
        }
        if (b == DataType.Kind.TEXT || b == DataType.Kind.VARCHAR && ((DataType.Builtin) to).precision() == null) {
            return new Conversion(null, true, true, Conversion.Risk.NONE);
        }
        List<DataType.Kind> numbers = List.of(DataType.Kind.SMALLINT, DataType.Kind.INTEGER, DataType.Kind.BIGINT, DataType.Kind.NUMERIC);
        if (numbers.contains(a) && numbers.contains(b)) {
            boolean widening = numbers.indexOf(b) > numbers.indexOf(a) && b != DataType.Kind.NUMERIC
                    || b == DataType.Kind.NUMERIC && ((DataType.Builtin) to).precision() == null;
            return new Conversion(null, true, true, widening ? Conversion.Risk.NONE : Conversion.Risk.LOSSY);
        }
        if (a == b) {
            Integer p = ((DataType.Builtin) from).precision();
            Integer q = ((DataType.Builtin) to).precision();
            boolean widening = q == null || p != null && q >= p;
            return new Conversion(null, true, !(a == DataType.Kind.VARCHAR && widening), widening ? Conversion.Risk.NONE : Conversion.Risk.LOSSY);
        }
        if (a == DataType.Kind.VARCHAR || a == DataType.Kind.TEXT || a == DataType.Kind.CHAR) {
            return new Conversion(null, true, true, Conversion.Risk.MAY_FAIL);
        }
        return new Conversion(null, true, true, Conversion.Risk.LOSSY);
    }

    @Override
    public int maxIdentifierBytes() {
        return H2Names.MAX_LENGTH;
    }

    /** An unquoted name is folded to upper case, and reported as the model has it; a quoted one is stored as written. */
    @Override
    public String storedName(String name, boolean quoted) {
        if (name == null) {
            return null;
        }
        if (name.length() > 1 && (name.startsWith("`") && name.endsWith("`") || name.startsWith("\"") && name.endsWith("\""))) {
            return H2Names.model(name.substring(1, name.length() - 1));
        }
        return H2Names.model(quoted ? name : name.toUpperCase(Locale.ROOT));
    }

    @Override
    public String objectName(String table, String column, String label) {
        return H2Names.objectName(table, column, label);
    }

    @Override
    public String uniqueName(String name, Set<String> taken) {
        return H2Names.unique(name, taken);
    }
}
