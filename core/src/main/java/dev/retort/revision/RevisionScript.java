package dev.retort.revision;

import java.util.List;
import java.util.function.Supplier;

import dev.retort.Migration;
import dev.retort.Revision;

/**
 * One revision as the graph sees it: its declaration and a way to obtain the migration.
 *
 * @param id            the revision id
 * @param parents       parent ids: empty for a root, two or more for a merge
 * @param message       the one-line description
 * @param created       creation time as written on the class (ISO-8601), possibly empty
 * @param transactional whether it runs in one transaction with its version-table update
 * @param source        where it was declared, for messages: the class name, or a SQL revision file's class path resource
 *                      ({@code db/migrations/0004_audit.sql})
 * @param migration     creates the migration instance
 * @param checksum      the checksum of its upgrade SQL as recorded at build time in a revision index, or null to render
 *                      it when needed
 * @param phase         which half of an expand/contract change it is, if either
 * @param expand        for a contract, the id of its expand revision; otherwise empty
 */
public record RevisionScript(String id, List<String> parents, String message, String created, boolean transactional,
                             String source, Supplier<Migration> migration, String checksum, Revision.Phase phase, String expand) {

    public RevisionScript {
        parents = List.copyOf(parents);
        phase = phase == null ? Revision.Phase.ORDINARY : phase;
        expand = expand == null ? "" : expand;
    }

    /** An ordinary revision (neither expand nor contract). */
    public RevisionScript(String id, List<String> parents, String message, String created, boolean transactional, String source,
                          Supplier<Migration> migration, String checksum) {
        this(id, parents, message, created, transactional, source, migration, checksum, Revision.Phase.ORDINARY, "");
    }

    /** This revision with another phase and expand. */
    public RevisionScript withPhase(Revision.Phase newPhase, String newExpand) {
        return new RevisionScript(id, parents, message, created, transactional, source, migration, checksum, newPhase, newExpand);
    }

    /** Whether it is the contract half of an expand/contract change. */
    public boolean isContract() {
        return phase == Revision.Phase.CONTRACT;
    }

    /** A revision whose checksum is rendered when needed. */
    public RevisionScript(String id, List<String> parents, String message, String created, boolean transactional, String source,
                          Supplier<Migration> migration) {
        this(id, parents, message, created, transactional, source, migration, null);
    }

    /** Whether this revision joins two or more branches. */
    public boolean isMerge() {
        return parents.size() > 1;
    }

    /** Whether this revision has no parent. */
    public boolean isRoot() {
        return parents.isEmpty();
    }

    @Override
    public String toString() {
        return id + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
