package dev.retort.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.internal.json.Json;

/**
 * Whether an artifact may run against the live database: it may when the database is at a revision the artifact
 * knows (at its head, or behind it: {@code release} then applies the rest); it may not when the database is at a
 * revision the artifact does not know, which a newer version applied, so old code would meet a newer schema.
 *
 * @param deployable    whether the artifact may run against the database
 * @param artifactHeads the head(s) the artifact carries
 * @param databaseHeads the database's current revisions
 * @param unknown       the revisions the database has applied that the artifact does not know (why it is not deployable)
 * @param pending       what {@code release} would apply, in order
 * @param verdicts      for the unknown revisions the migrations at hand know, whether older code survives each and why
 *                      (an expand or a revision that only adds: accepted; a contract, a drop, a rename in place: refused),
 *                      in order; empty when none could be judged
 */
public record Deployability(boolean deployable, Set<String> artifactHeads, Set<String> databaseHeads, List<String> unknown,
                            List<String> pending, List<Verdict> verdicts) {

    public Deployability {
        artifactHeads = Set.copyOf(artifactHeads);
        databaseHeads = Set.copyOf(databaseHeads);
        unknown = List.copyOf(unknown);
        pending = List.copyOf(pending);
        verdicts = List.copyOf(verdicts);
    }

    /** Without verdicts. */
    public Deployability(boolean deployable, Set<String> artifactHeads, Set<String> databaseHeads, List<String> unknown,
                         List<String> pending) {
        this(deployable, artifactHeads, databaseHeads, unknown, pending, List.of());
    }

    /**
     * Whether code that does not know a revision keeps working after it.
     *
     * @param revision   the revision
     * @param compatible whether older code survives it
     * @param why        why, one phrase
     */
    public record Verdict(String revision, boolean compatible, String why) {

        /** The verdict for people. */
        public String describe() {
            return revision + " (" + why + ")";
        }
    }

    /** One sentence for people. */
    public String summary() {
        if (deployable && !unknown.isEmpty()) {
            return "Deployable: the database has " + String.join(", ", unknown) + ", which this artifact (head " + Heads.describe(artifactHeads)
                    + ") does not know, but " + (unknown.size() == 1 ? "it is" : "each is") + " backward compatible: "
                    + String.join("; ", verdicts.stream().map(Verdict::describe).toList()) + ".";
        }
        List<Verdict> refused = verdicts.stream().filter(v -> !v.compatible()).toList();
        if (!deployable && !refused.isEmpty()) {
            return "Not deployable: the database has " + String.join(", ", unknown) + ", which this artifact (head "
                    + Heads.describe(artifactHeads) + ") does not know, and older code does not survive " + String.join("; ",
                    refused.stream().map(Verdict::describe).toList()) + ". Deploy a version that knows " + (unknown.size() == 1 ? "that revision"
                    : "those revisions") + ", or downgrade the database with that newer version first.";
        }
        if (!deployable) {
            return "Not deployable: the database has " + String.join(", ", unknown) + ", which this artifact (head "
                    + Heads.describe(artifactHeads) + ") does not know; a newer version migrated it. Deploy a version that knows "
                    + (unknown.size() == 1 ? "that revision" : "those revisions") + ", or downgrade the database with that newer version first.";
        }
        if (pending.isEmpty()) {
            return "Deployable: the database is at the artifact's head " + Heads.describe(artifactHeads) + ".";
        }
        return "Deployable: the database is at " + Heads.describe(databaseHeads) + ", behind the artifact's head "
                + Heads.describe(artifactHeads) + "; release would apply " + pending.size() + (pending.size() == 1 ? " revision" : " revisions")
                + " (" + String.join(", ", pending) + ").";
    }

    /** The result as JSON. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deployable", deployable);
        json.put("artifactHeads", new TreeSet<>(artifactHeads));
        json.put("databaseHeads", new TreeSet<>(databaseHeads));
        json.put("unknown", unknown);
        json.put("pending", pending);
        json.put("verdicts", verdicts.stream().map(v -> {
            Map<String, Object> verdict = new LinkedHashMap<>();
            verdict.put("revision", v.revision());
            verdict.put("compatible", v.compatible());
            verdict.put("why", v.why());
            return verdict;
        }).toList());
        json.put("summary", summary());
        return Json.write(json);
    }
}
