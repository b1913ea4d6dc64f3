package dev.retort.command;

/**
 * Something {@code validate} or {@code check} found wrong.
 *
 * @param kind     what sort of problem
 * @param revision the revision concerned, or null
 * @param message  one sentence saying what is wrong and what to do
 */
public record Problem(Kind kind, String revision, String message) {

    /** The sorts of problem, so each entry point can add its own hint (which goal or command to run). */
    public enum Kind {
        /** The graph has two or more heads: merge them. */
        SEVERAL_HEADS,
        /** The database is at a revision no migration declares. */
        UNKNOWN_REVISION,
        /** An applied migration's SQL no longer matches the checksum recorded when it ran. */
        EDITED_MIGRATION,
        /** The database is not at head. */
        NOT_AT_HEAD,
        /** A pending revision's objects are in the database already: it was applied by hand, or the version table is behind. */
        OBJECTS_EXIST,
        /** The entities describe a schema the migrations do not produce. */
        DRIFT,
        /** The database (at head) holds a schema the migrations do not produce: it was changed outside them. */
        DATABASE_DRIFT,
        /** The entities could not be read. */
        UNREADABLE_ENTITIES
    }

    @Override
    public String toString() {
        return message;
    }
}
