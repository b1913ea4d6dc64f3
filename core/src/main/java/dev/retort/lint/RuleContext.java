package dev.retort.lint;

import java.util.List;
import java.util.Optional;

import dev.retort.command.Direction;
import dev.retort.operation.Operation;
import dev.retort.platform.Platform;

/**
 * What a {@link LintRule} sees of one operation: the operation, its revision, and what is known of the schema just
 * before it runs. That knowledge comes from the revisions before (replayed without a database) or, while generating,
 * from the database the entities were compared with; objects created by raw SQL are unknown to it, and an unknown
 * table counts as one that existed (and may hold rows), except on a database built from base, where nothing did.
 *
 * <p>Lint judges a <em>run</em>: the revisions one upgrade applies together. A table an earlier revision of the same
 * run created holds no rows and serves no running code, so lock, scan, rewrite and rolling-deploy hazards do not
 * apply to it.
 */
public interface RuleContext {

    /** The operation judged. */
    Operation operation();

    /** Whether it is in the revision's upgrade or downgrade. */
    Direction direction();

    /** The operations before it in the same list, in order. */
    List<Operation> preceding();

    /** The operations after it in the same list, in order. */
    List<Operation> following();

    /** The names the operation gives objects (tables, columns, constraints, indexes, sequences, types), as written. */
    List<String> newNames();

    /** The revision's upgrade operations (a downgrade rule asks what the upgrade created). */
    List<Operation> upgrade();

    /** Whether the revision runs in one transaction. */
    boolean transactional();

    /** The database platform: its rules for types and its rendering. */
    Platform platform();

    /**
     * Whether the table existed before this run (and so may hold rows and serve the version of the application still
     * running), rather than being created by this revision or an earlier one of the same run.
     */
    boolean tableExisted(String schema, String table);

    /** Whether the type (an enum type) existed before this run, rather than being created by it. */
    boolean typeExisted(String schema, String type);

    /** The table an index belongs to, when known. */
    Optional<String> tableOfIndex(String schema, String index);

    /** Whether, at this point, the table has a validated check constraint saying that the column is not null. */
    boolean validNotNullCheck(String schema, String table, String column);

    /** Whether this revision added the constraint (earlier in the same list). */
    boolean addedInThisRevision(String schema, String table, String constraint);

    /** The labels of an enum type before this operation, when known. */
    Optional<List<String>> enumValues(String schema, String type);

    /** Whether the run sets a lock timeout on its sessions (a revision may still set its own, before this operation). */
    boolean runSetsLockTimeout();

    /** {@code schema.name}, with the platform's default schema for a null schema: how messages name objects. */
    String qualified(String schema, String name);

    /**
     * Reports a finding of the rule's own severity. In a downgrade, which runs deliberately and mostly undoes what its
     * upgrade did, an error counts as a warning.
     */
    void report(String problem, String safeAlternative);

    /**
     * Reports a finding of the rule's own severity (as {@link #report(String, String)}) about a part of the operation,
     * which the finding quotes instead of the operation's whole statement: the columns of a CREATE TABLE that a type
     * rule is about, for example.
     */
    void reportAbout(String part, String problem, String safeAlternative);

    /** Reports a finding of exactly this severity, in either direction (for what fails whatever the data). */
    void report(Severity severity, String problem, String safeAlternative);
}
