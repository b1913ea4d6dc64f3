package dev.retort.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.retort.RetortException;
import dev.retort.command.Direction;
import dev.retort.command.Problem;
import dev.retort.internal.diff.ObjectFilter;
import dev.retort.internal.diff.SchemaDiffer;
import dev.retort.internal.runtime.Engine;
import dev.retort.platform.CatalogReader;
import dev.retort.platform.Platform;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;
import dev.retort.schema.Change;
import dev.retort.schema.Comparison;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;

/**
 * {@code verify}, pytest-alembic's suite built in, on a throwaway database at base: every revision upgraded, downgraded
 * and upgraded again in graph order (the stairway), the schema compared after each step; the schema at head compared
 * with the entities; every revision rendered twice.
 */
public final class Verifier {

    private final RevisionGraph graph;
    private final Platform platform;
    private final Engine database;
    private final Predicate<String> tables;
    private final ObjectFilter filter;
    private final boolean repeatables;
    private final List<Problem> problems = new ArrayList<>();

    /**
     * Verifies the graph's revisions on an empty database.
     *
     * @param tables      accepts the tables to compare (Retort's own are left out)
     * @param filter      what comparisons leave out (other tools' tables, excluded objects, what repeatables own)
     * @param repeatables whether there are repeatables to apply at head, twice
     */
    public Verifier(RevisionGraph graph, Platform platform, Engine database, Predicate<String> tables, ObjectFilter filter,
                    boolean repeatables) {
        this.graph = graph;
        this.platform = platform;
        this.database = database;
        this.tables = tables;
        this.filter = filter;
        this.repeatables = repeatables;
    }

    /** The problems found, in revision order, the comparison with the entities (when given, not null) last. */
    public List<Problem> verify(SchemaSource entities) {
        List<String> order = order();
        order.forEach(this::determinism);
        SchemaModel before = read();
        for (String id : order) {
            before = stairway(id, before);
            if (before == null) {
                return problems; // the database is no longer at a known revision: later steps would only repeat this
            }
        }
        if (repeatables && !repeatablesRunTwice()) {
            return problems;
        }
        if (entities != null) {
            compareWithEntities(entities);
        }
        return problems;
    }

    /**
     * The repeatables at head, applied once and then again, as a later change of their source would: the second time must
     * succeed on what the first left and leave the same schema.
     *
     * @return whether both succeeded
     */
    private boolean repeatablesRunTwice() {
        String head = graph.heads().isEmpty() ? null : graph.heads().get(0);
        try {
            database.applyRepeatables();
        } catch (RetortException e) {
            problems.add(new Problem(Problem.Kind.FAILED, null, "the repeatables failed at head on a fresh database: " + e.getMessage()));
            return false;
        }
        SchemaModel once = read();
        try {
            database.applyRepeatables();
        } catch (RetortException e) {
            problems.add(new Problem(Problem.Kind.FAILED, null, "the repeatables ran at head once but not a second time, as they would "
                    + "after a change; write them to run on what they left (create or replace, drop … if exists): " + e.getMessage()));
            return false;
        }
        Comparison left = SchemaDiffer.compare(platform, once, read());
        if (!left.isEmpty()) {
            problems.add(new Problem(Problem.Kind.UPGRADE_NOT_REPEATABLE, head, "running the repeatables a second time changed the schema: "
                    + String.join("; ", left.changes().stream().map(Change::summary).toList())));
        }
        return true;
    }

    /** Every revision, parents before children. */
    public List<String> order() {
        return graph.inOrder(graph.revisions().stream().map(RevisionScript::id).toList());
    }

    private void determinism(String id) {
        for (Direction direction : List.of(Direction.UP, Direction.DOWN)) {
            try {
                List<String> first = database.statements(id, direction);
                List<String> second = database.statements(id, direction);
                if (!first.equals(second)) {
                    int at = 0;
                    while (at < Math.min(first.size(), second.size()) && first.get(at).equals(second.get(at))) {
                        at++;
                    }
                    problems.add(new Problem(Problem.Kind.NOT_DETERMINISTIC, id, "revision " + describe(id) + " renders different SQL "
                            + "each time its " + direction.label() + "grade is read, from statement " + (at + 1) + ": `"
                            + (at < first.size() ? first.get(at) : "(none)") + "`, then `" + (at < second.size() ? second.get(at) : "(none)")
                            + "`; build its SQL from constants, not from the clock, random values or the environment"));
                }
            } catch (RetortException e) {
                problems.add(new Problem(Problem.Kind.FAILED, id, "revision " + describe(id) + " cannot be rendered: " + e.getMessage()));
            }
        }
    }

    /**
     * Up, down, up again, from the schema {@code before} the revision.
     *
     * @return the schema the revision leaves (the next one starts from it), or null when the database is left at an unknown revision
     */
    private SchemaModel stairway(String id, SchemaModel before) {
        if (!step(id, "upgrade", () -> database.upgrade(id, false))) {
            return null;
        }
        SchemaModel after = read();
        if (!step(id, "downgrade", () -> database.downgrade(id + "-1"))) {
            return after; // the failed downgrade rolled back: the revision is still applied
        }
        differences(id, before, read(), Problem.Kind.DOWNGRADE_DIFFERS, "its downgrade does not restore the schema it started from");
        if (!step(id, "upgrade (after its downgrade)", () -> database.upgrade(id, false))) {
            return null;
        }
        SchemaModel again = read();
        differences(id, after, again, Problem.Kind.UPGRADE_NOT_REPEATABLE, "upgrading it again after its downgrade gives another schema "
                + "than the first upgrade");
        return again;
    }

    private boolean step(String id, String what, Supplier<?> run) {
        try {
            run.get();
            return true;
        } catch (RetortException e) {
            problems.add(new Problem(Problem.Kind.FAILED, id, "revision " + describe(id) + ": its " + what + " failed on a fresh database: "
                    + e.getMessage()));
            return false;
        }
    }

    private void differences(String id, SchemaModel expected, SchemaModel actual, Problem.Kind kind, String what) {
        Comparison left = SchemaDiffer.compare(platform, expected, actual);
        if (!left.isEmpty()) {
            problems.add(new Problem(kind, id, "revision " + describe(id) + ": " + what + "; to get back, it would take: "
                    + String.join("; ", left.changes().stream().map(Change::summary).toList())));
        }
    }

    private void compareWithEntities(SchemaSource entities) {
        SchemaModel target;
        try {
            target = entities.read(platform);
        } catch (RetortException e) {
            problems.add(Validator.unreadable(e));
            return;
        }
        target = filter.apply(target);
        Comparison drift = SchemaDiffer.compare(platform, target, read(target.schemas()));
        String head = graph.heads().isEmpty() ? null : graph.heads().get(0);
        for (Change change : drift.changes()) {
            problems.add(new Problem(Problem.Kind.DRIFT, head, "the schema at head differs from " + entities.describe() + ": "
                    + change.summary()));
        }
    }

    private SchemaModel read() {
        CatalogReader reader = platform.catalogReader(tables);
        return filter.apply(database.read("the schema", c -> reader.read(c, reader.userSchemas(c))));
    }

    private SchemaModel read(Set<String> schemas) {
        return filter.apply(database.read("the schema", c -> platform.catalogReader(tables).read(c, schemas)));
    }

    private String describe(String id) {
        return graph.get(id).toString();
    }
}
