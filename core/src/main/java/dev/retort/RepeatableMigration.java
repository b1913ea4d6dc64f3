package dev.retort;

import dev.retort.operation.Operations;

/**
 * A repeatable revision written in Java: views, functions, procedures and grants that are applied again whenever what
 * they render changes (Flyway's {@code R__} migrations). A class in the migrations package that implements this
 * interface is one; its simple class name is its name, which orders it among the repeatables and identifies it in the
 * history.
 *
 * <p>Repeatables run after the versioned revisions of an upgrade that reaches head, ordered by name, each in its own
 * transaction where the database's DDL is transactional. One runs again only when its checksum (the SHA-256 of the SQL
 * {@link #apply} renders) differs from the one recorded when it last ran, so write it to run again on a database that
 * has it already: {@code create or replace view}, {@code drop … if exists} first.
 *
 * <pre>{@code
 * public final class ActiveAuthors implements RepeatableMigration {
 *     @Override public void apply(Operations op) {
 *         op.execute("create or replace view active_authors as select id, name from author where active");
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RepeatableMigration {

    /** Records the operations that (re)create what this repeatable owns; they must succeed on a database that has it already. */
    void apply(Operations op);
}
