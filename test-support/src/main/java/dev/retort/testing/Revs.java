package dev.retort.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.retort.Migration;
import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.operation.Operations;
import dev.retort.revision.RevisionScript;

/** Builds in-memory revisions for tests: each creates (and its downgrade drops) a table named after it. */
public final class Revs {

    private final List<RevisionScript> scripts = new ArrayList<>();

    public static Revs graph() {
        return new Revs();
    }

    /** A revision that creates table {@code t_<id>} and drops it on downgrade. */
    public Revs rev(String id, String... parents) {
        return sql(id, "create table t_" + id + " (id int)", "drop table t_" + id, parents);
    }

    /** A revision with the given upgrade and downgrade SQL (statements separated by {@code ;;}). */
    public Revs sql(String id, String up, String down, String... parents) {
        return add(new RevisionScript(id, Arrays.asList(parents), "create " + id, "2026-11-27T00:00:00Z", true, "test " + id,
                () -> new Migration() {
                    @Override
                    public void upgrade(Operations op) {
                        for (String s : up.split(";;")) {
                            op.execute(s);
                        }
                    }

                    @Override
                    public void downgrade(Operations op) {
                        for (String s : down.split(";;")) {
                            op.execute(s);
                        }
                    }
                }));
    }

    /** A revision written with the operations DSL. */
    public static RevisionScript script(String id, List<String> parents, boolean transactional,
                                        java.util.function.Consumer<Operations> up, java.util.function.Consumer<Operations> down) {
        return new RevisionScript(id, parents, "create " + id, "", transactional, "test " + id, () -> new Migration() {
            @Override
            public void upgrade(Operations op) {
                up.accept(op);
            }

            @Override
            public void downgrade(Operations op) {
                down.accept(op);
            }
        });
    }

    public Revs add(RevisionScript script) {
        scripts.add(script);
        return this;
    }

    public List<RevisionScript> scripts() {
        return List.copyOf(scripts);
    }

    /** A Retort over a test database with these revisions, quiet. */
    public Retort retort(dev.retort.testing.TestDatabase db) {
        return configure(db).revisions(scripts).listener(dev.retort.MigrationListener.none()).load();
    }

    /** A Retort over these revisions with no database at all. */
    public Retort retortWithoutDatabase() {
        return configureWithoutDatabase().load();
    }

    /**
     * A configuration of these revisions with no database, quiet; with several platform modules on the class path (the
     * suites carry them all), for PostgreSQL, which the revisions' SQL is written for.
     */
    public Retort.Builder configureWithoutDatabase() {
        Retort.Builder builder = Retort.configure().revisions(scripts).listener(MigrationListener.none());
        return dev.retort.platform.Platforms.all().size() > 1 ? builder.platform(dev.retort.platform.Platforms.named("postgresql")) : builder;
    }

    /** A configuration connected to the test database (URL, user and password). */
    public static Retort.Builder configure(dev.retort.testing.TestDatabase db) {
        return Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password());
    }
}
