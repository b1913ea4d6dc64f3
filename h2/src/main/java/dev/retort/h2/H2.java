package dev.retort.h2;

import dev.retort.operation.DataType;
import dev.retort.operation.Types;

/**
 * What only H2 has, for migrations that serve H2 beside other databases: its platform id and its own types, each with
 * the portable type the other databases use.
 */
public final class H2 {

    /** The platform id settings and {@code op.onlyOn(…)} use for H2. */
    public static final String PLATFORM = "h2";

    private H2() {
    }

    /**
     * H2's {@code ENUM('A', 'B')} column type, which Hibernate writes on H2 for an {@code @Enumerated(STRING)} field; other
     * databases store the label as {@code varchar(255)}.
     *
     * @param values the labels, in order
     */
    public static DataType enumOf(String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("An ENUM needs at least one value.");
        }
        StringBuilder sql = new StringBuilder("enum(");
        for (int i = 0; i < values.length; i++) {
            sql.append(i == 0 ? "" : ", ").append('\'').append(values[i].replace("'", "''")).append('\'');
        }
        return new DataType.Specific(PLATFORM, sql.append(')').toString(), Types.varchar(255));
    }
}
