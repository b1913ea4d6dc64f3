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
        /** A repeatable changed since it last ran, or never ran: the next upgrade to head applies it. */
        REPEATABLE_PENDING,
        /** The database (at head) holds a schema the migrations do not produce: it was changed outside them. */
        DATABASE_DRIFT,
        /** A pending revision does something a lint rule calls an error, and the migration does not acknowledge it. */
        LINT_ERROR,
        /** The entities could not be read. */
        UNREADABLE_ENTITIES,
        /** {@code verify}: a revision's upgrade or downgrade failed on a fresh database. */
        FAILED,
        /** {@code verify}: after a revision's downgrade, the schema is not what it was before its upgrade. */
        DOWNGRADE_DIFFERS,
        /** {@code verify}: upgrading a revision again after its downgrade gives another schema than the first time. */
        UPGRADE_NOT_REPEATABLE,
        /** {@code verify}: a revision renders different SQL each time it is read. */
        NOT_DETERMINISTIC,
        /** {@code release}: the database has no Retort tables, and its schema is not the one of the revision to adopt it at. */
        BASELINE_DIFFERS,
        /** {@code release}: a contract revision waits while an instance built before its expand still runs. */
        CONTRACT_REFUSED
    }

    @Override
    public String toString() {
        return message;
    }
}
