package dev.retort.schema;

/**
 * Something a person should look at before applying a generated change.
 *
 * @param kind    what sort of risk
 * @param message one sentence: what and why
 */
public record Review(Kind kind, String message) {

    /** The sorts of risk autogenerate flags. */
    public enum Kind {
        /** Data is deleted or may not fit (drops, narrowing types, NOT NULL on existing rows). */
        DATA_LOSS,
        /** A drop and an add of the same shape were turned into a rename; confirm it is one. */
        POSSIBLE_RENAME,
        /** The downgrade cannot undo this exactly. */
        IRREVERSIBLE;

        /** The label printed in generated files and on the console. */
        public String label() {
            return switch (this) {
                case DATA_LOSS -> "data loss";
                case POSSIBLE_RENAME -> "possible rename";
                case IRREVERSIBLE -> "irreversible";
            };
        }
    }

    @Override
    public String toString() {
        return kind.label() + ": " + message;
    }
}
