package dev.retort.schema;

/**
 * What autogenerate itself could not settle and a person must confirm or finish: a guessed rename, a change the
 * downgrade cannot undo, a change it does not write. Dangers (data loss, locks, rewrites) are not reviews but lint
 * findings ({@link dev.retort.lint.Finding}), judged the same way for generated and hand-written migrations.
 *
 * @param kind    what sort of note
 * @param message one or two sentences: what and what to do
 */
public record Review(Kind kind, String message) {

    /** The sorts of note autogenerate writes. */
    public enum Kind {
        /** A drop and an add of the same shape were turned into a rename; confirm it is one. */
        POSSIBLE_RENAME,
        /** The downgrade cannot undo this exactly. */
        IRREVERSIBLE,
        /** Something autogenerate cannot write (or cannot write completely); it says what to write by hand. */
        NOT_WRITTEN,
        /**
         * Where one history serves several databases, a change another of them cannot run as written: it is written
         * for this database only, for a person to give the others a form of their own or leave them without it.
         */
        NOT_PORTABLE;

        /** The label printed in generated files and on the console. */
        public String label() {
            return switch (this) {
                case POSSIBLE_RENAME -> "possible rename";
                case IRREVERSIBLE -> "irreversible";
                case NOT_WRITTEN -> "write by hand";
                case NOT_PORTABLE -> "not portable";
            };
        }
    }

    @Override
    public String toString() {
        return kind.label() + ": " + message;
    }
}
