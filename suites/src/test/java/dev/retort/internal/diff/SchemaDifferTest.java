package dev.retort.internal.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.Types;
import dev.retort.schema.Change;
import dev.retort.schema.Comparison;
import dev.retort.schema.EnumType;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;
import dev.retort.testing.Catalog;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** Diffs that must run on PostgreSQL as ordered: each target is derived from the live schema, applied, compared again, undone. */
@PostgresTest
class SchemaDifferTest {

    private final TestDatabase db;

    SchemaDifferTest(TestDatabase db) {
        this.db = db;
    }

    /** Applies the diff from the live schema to the edited one, checks nothing is left to do, downgrades, checks the catalog is back. */
    private void roundTrip(String setup, UnaryOperator<SchemaModel> edit) {
        db.reset();
        db.execute(setup);
        List<String> before = Catalog.snapshot(db);
        try (Retort reader = Revs.graph().retort(db)) {
            SchemaModel target = edit.apply(reader.introspect(Set.of("public")));
            Comparison comparison = reader.compare(target);
            assertTrue(!comparison.isEmpty(), "the edit must make a difference");
            try (Retort retort = Revs.graph().add(Revs.script("df0001", List.of(), true, op -> comparison.upgrade().forEach(op::add),
                    op -> comparison.downgrade().forEach(op::add))).retort(db)) {
                retort.upgrade();
                assertTrue(retort.compare(target).isEmpty(), () -> "left to do: " + retort.compare(target).changes());
                retort.downgrade("base");
            }
        }
        assertEquals(before, Catalog.snapshot(db));
    }

    private static SchemaModel withTable(SchemaModel model, String name, UnaryOperator<Table> edit) {
        List<Table> tables = new ArrayList<>();
        for (Table t : model.tables()) {
            tables.add(t.name().equals(name) ? edit.apply(t) : t);
        }
        return new SchemaModel(model.schemas(), tables, model.sequences(), model.enums());
    }

    @Test
    void anInitialRevisionsDowngradeDropsItsTablesWithTheirIndexesNotEachIndexFirst() {
        db.reset();
        db.execute("create table author (id bigint primary key, name text not null); create index ix_author_name on author (name);"
                + "create table book (id bigint primary key, author_id bigint references author (id), title text);"
                + "create index ix_book_title on book (title); create unique index ux_book_author_title on book (author_id, title)");
        SchemaModel wanted;
        try (Retort reader = Revs.graph().retort(db)) {
            wanted = reader.introspect(Set.of("public"));
        }
        db.reset();
        try (Retort reader = Revs.graph().retort(db)) {
            Comparison comparison = reader.compare(wanted);
            assertEquals(List.of("DropTable", "DropTable"), comparison.downgrade().stream().map(op -> op.getClass().getSimpleName()).toList(),
                    comparison.downgrade()::toString);
            try (Retort retort = Revs.graph().add(Revs.script("df0003", List.of(), true, op -> comparison.upgrade().forEach(op::add),
                    op -> comparison.downgrade().forEach(op::add))).retort(db)) {
                assertEquals(List.of(), retort.lint().findings().stream().filter(f -> f.direction() == dev.retort.command.Direction.DOWN)
                        .map(dev.retort.lint.Finding::describe).toList());
                retort.upgrade();
                assertEquals("3", db.value("select count(*) from pg_indexes where schemaname = 'public' and indexname like 'ix%' "
                        + "or indexname like 'ux%'"));
                retort.downgrade("base");
            }
        }
        assertEquals("0", db.value("select count(*) from pg_class where relnamespace = 'public'::regnamespace "
                + "and relname not like 'retort%'"));
    }

    @Test
    void enumValuesAddedAtTheStartAnchorOnValuesThatExistByThen() {
        db.reset();
        db.execute("create type mood as enum ('ok')");
        try (Retort reader = Revs.graph().retort(db)) {
            SchemaModel live = reader.introspect(Set.of("public"));
            SchemaModel target = new SchemaModel(live.schemas(), live.tables(), live.sequences(),
                    List.of(new EnumType("public", "mood", List.of("sad", "meh", "ok", "great"))));
            Comparison comparison = reader.compare(target);
            try (Retort retort = Revs.graph().add(Revs.script("df0002", List.of(), true, op -> comparison.upgrade().forEach(op::add),
                    op -> { })).retort(db)) {
                retort.upgrade();
            }
            assertEquals(List.of("sad", "meh", "ok", "great"), reader.introspect(Set.of("public")).enums().get(0).values());
        }
    }

    @Test
    void aTypeChangeDropsTheOldDefaultFirstAndSetsTheNewOneAfter() {
        UnaryOperator<SchemaModel> edit = model -> withTable(model, "t", t -> new Table(t.schema(), t.name(),
                List.of(t.columns().get(0), Column.of("c", Types.bigint()).defaultValue("2")), t.primaryKey(), t.foreignKeys(),
                t.uniques(), t.checks(), t.indexes(), t.comment()));
        roundTrip("create table t (id int primary key, c integer default 1)", edit);
        db.reset();
        db.execute("create table t (id int primary key, c integer default 1)");
        try (Retort reader = Revs.graph().retort(db)) {
            // PostgreSQL converts the old default along with the column and refuses one it cannot cast, so it goes first.
            assertEquals(List.of("drop default of public.t.c for its type change", "alter type of public.t.c from integer to bigint",
                            "change default of public.t.c"),
                    reader.compare(edit.apply(reader.introspect(Set.of("public")))).changes().stream().map(Change::summary).toList());
        }
    }

    @Test
    void aNewTablesForeignKeyToAKeyAddedInTheSameRunComesAfterTheKey() {
        roundTrip("create table a (id int primary key, code int not null)", model -> {
            SchemaModel withKey = withTable(model, "a", t -> new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), t.foreignKeys(),
                    List.of(new Constraint.Unique("uq_a_code", List.of("code"))), t.checks(), t.indexes(), t.comment()));
            List<Table> tables = new ArrayList<>(withKey.tables());
            tables.add(new Table("public", "b", List.of(Column.of("code", Types.integer()).notNull()), null,
                    List.of(Types.foreignKey("fk_b_code", "code").references("a", "code")), List.of(), List.of(), List.of(), null));
            return new SchemaModel(withKey.schemas(), tables, withKey.sequences(), withKey.enums());
        });
    }

    @Test
    void checksReadFromTheCatalogAreWrittenBackAsAPersonWritesThemAndReAddedToTheSameCatalog() {
        String setup = "create table t (id int primary key, status varchar(20) constraint t_status_check check (status in ('A','B')), "
                + "level smallint constraint t_level_check check (level between 0 and 2))";
        db.reset();
        db.execute(setup);
        try (Retort reader = Revs.graph().retort(db)) {
            assertEquals(List.of("level BETWEEN 0 AND 2", "status IN ('A', 'B')"),
                    reader.introspect(Set.of("public")).tables().get(0).checks().stream().map(Constraint.Check::expression).toList());
        }
        // The downgrade re-adds the dropped checks from that form; the catalog must come back exactly as it was.
        roundTrip(setup, model -> withTable(model, "t", t -> new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), t.foreignKeys(),
                t.uniques(), List.of(), t.indexes(), t.comment())));
    }
}
