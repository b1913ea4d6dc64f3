package dev.retort.spring.boot.actuate;

import java.time.Instant;
import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.retort.Retort;
import dev.retort.command.RevisionStatus;

/**
 * {@code /actuator/retort}: every revision, oldest first, applied or pending, and the heads of the migrations and of the
 * database, read from the database on each request.
 */
@Endpoint(id = "retort")
public class RetortEndpoint {

    private final Retort retort;

    /** An endpoint over the application's Retort. */
    public RetortEndpoint(Retort retort) {
        this.retort = retort;
    }

    /** The revisions and heads. */
    @ReadOperation
    public RetortReport revisions() {
        List<RevisionDescriptor> revisions = retort.status().stream().map(RevisionDescriptor::of).toList();
        return new RetortReport(retort.graph().heads(), List.copyOf(new java.util.TreeSet<>(retort.currentHeads())), revisions);
    }

    /**
     * What the endpoint returns.
     *
     * @param heads     the migrations' heads
     * @param current   the database's current revisions (empty at base)
     * @param revisions every revision, oldest first
     */
    public record RetortReport(List<String> heads, List<String> current, List<RevisionDescriptor> revisions) {
    }

    /**
     * One revision.
     *
     * @param id        its id
     * @param parents   its parents' ids
     * @param message   its message
     * @param state     {@code applied} or {@code pending}
     * @param current   the database is at it
     * @param head      no revision descends from it
     * @param appliedAt when its last upgrade ran, or null
     */
    public record RevisionDescriptor(String id, List<String> parents, String message, String state, boolean current, boolean head,
                                     Instant appliedAt) {

        static RevisionDescriptor of(RevisionStatus status) {
            return new RevisionDescriptor(status.revision().id(), status.revision().parents(), status.revision().message(),
                    status.applied() ? "applied" : "pending", status.current(), status.head(), status.appliedAt());
        }
    }
}
