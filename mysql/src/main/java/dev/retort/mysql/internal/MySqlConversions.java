package dev.retort.mysql.internal;

import dev.retort.operation.DataType;
import dev.retort.platform.Conversion;

/**
 * How the server converts a column's values when {@code MODIFY} changes its type: always by itself (there is no
 * {@code USING}), failing in strict mode on a value that does not fit. Lengthening a {@code varchar} within the same
 * length byte is done in place; any other change of type copies the table.
 */
final class MySqlConversions {

    private MySqlConversions() {
    }

    static Conversion of(MySqlTypes types, DataType from, DataType to) {
        String a = MySqlTypes.canonical(render(types, from));
        String b = MySqlTypes.canonical(render(types, to));
        if (a.equals(b)) {
            return new Conversion(null, true, false, Conversion.Risk.NONE);
        }
        int rankA = integerRank(a);
        int rankB = integerRank(b);
        if (rankA > 0 && rankB > 0) {
            return new Conversion(null, true, true, rankB >= rankA ? Conversion.Risk.NONE : Conversion.Risk.LOSSY);
        }
        Integer lengthA = varcharLength(a);
        Integer lengthB = varcharLength(b);
        if (lengthA != null && lengthB != null) {
            // In place while both lengths need the same length byte (up to 255 bytes, or both above).
            boolean inPlace = lengthB >= lengthA && (lengthA * 4 > 255) == (lengthB * 4 > 255);
            return new Conversion(null, true, !inPlace, lengthB >= lengthA ? Conversion.Risk.NONE : Conversion.Risk.LOSSY);
        }
        if (isText(b) && (lengthA != null || isText(a) || rankA > 0)) {
            return new Conversion(null, true, true, Conversion.Risk.NONE);
        }
        if (isText(a) || lengthA != null) {
            return new Conversion(null, true, true, Conversion.Risk.MAY_FAIL);
        }
        return new Conversion(null, true, true, Conversion.Risk.LOSSY);
    }

    private static String render(MySqlTypes types, DataType type) {
        try {
            return types.render(type);
        } catch (IllegalArgumentException e) {
            return type.toString();
        }
    }

    private static int integerRank(String type) {
        return switch (type.replace(" unsigned", "")) {
            case "tinyint(1)", "tinyint" -> 1;
            case "smallint" -> 2;
            case "mediumint" -> 3;
            case "int" -> 4;
            case "bigint" -> 5;
            default -> 0;
        };
    }

    private static Integer varcharLength(String type) {
        return type.matches("varchar\\(\\d+\\)") ? Integer.valueOf(type.substring(8, type.length() - 1)) : null;
    }

    private static boolean isText(String type) {
        return type.endsWith("text");
    }
}
