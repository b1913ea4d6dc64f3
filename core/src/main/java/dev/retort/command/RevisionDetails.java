package dev.retort.command;

import java.util.List;

import dev.retort.revision.RevisionScript;

/**
 * One revision as {@code show} prints it.
 *
 * @param revision  the revision
 * @param head      whether no revision follows it
 * @param children  the revisions whose parent it is
 * @param checksum  the SHA-256 of its upgrade SQL, as recorded when it is applied
 * @param upgrade   the statements its upgrade runs, parameters written in
 * @param downgrade the statements its downgrade runs, parameters written in
 */
public record RevisionDetails(RevisionScript revision, boolean head, List<String> children, String checksum,
                              List<String> upgrade, List<String> downgrade) {

    public RevisionDetails {
        children = List.copyOf(children);
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }
}
