package dev.retort.h2.internal;

import static dev.retort.operation.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.retort.h2.H2;
import dev.retort.internal.diff.SchemaDiffer;
import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.Identity;
import dev.retort.operation.Index;
import dev.retort.operation.Operation;
import dev.retort.operation.Sequence;
import dev.retort.operation.SequenceOptions;
import dev.retort.schema.Comparison;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;

/** Every operation rendered and run by H2 itself, and the schema read back equal to what was rendered. */
class H2RenderingTest {

    private final H2Platform h2 = new H2Platform();

    private List<Column> authorColumns() {
        return List.of(column("id", bigint()).identity(), column("name", varchar(100)).notNull().comment("the name"),
                column("email", varchar(320)).defaultValue("'nobody@example.com'"), column("bio", text()), column("born", date()),
                column("active", bool()).notNull().defaultValue("TRUE"), column("score", numeric(10, 2)), column("ratio", doublePrecision()),
                column("seen_at", timestampWithZone(6)), column("created", timestamp(3)), column("uuid", uuid()), column("doc", json()),
                column("tags", arrayOf(varchar(20))), column("kind", H2.enumOf("A", "B")), column("photo", binary()),
                column("Mixed Case", integer()), column("value", integer()));
    }

    private SchemaModel model() {
        Table author = new Table("", "author", authorColumns(), new Constraint.PrimaryKey("author_pkey", List.of("id")), List.of(),
                List.of(new Constraint.Unique("author_email_key", List.of("email"))),
                List.of(new Constraint.Check("author_score_check", "score >= 0 AND score < 100 OR score IS NULL", false)),
                List.of(new Index("", "ix_author_name", "author", List.of(Index.Element.column("name").desc()), false, null, null, false)),
                "writers");
        Table book = new Table("", "book", List.of(column("id", bigint()).notNull(), column("author_id", bigint())),
                new Constraint.PrimaryKey("book_pkey", List.of("id")),
                List.of(foreignKey("fk_book_author", "author_id").references("author", "id").onDelete(Constraint.Action.CASCADE)),
                List.of(), List.of(), List.of(), null);
        return new SchemaModel(Set.of(""), List.of(author, book),
                List.of(new Sequence("", "book_seq", new SequenceOptions(1L, 50L, 1L, Long.MAX_VALUE, 32L, false), null)), List.of());
    }

    @Test
    void aSchemaRenderedAndReadBackComparesEqualToItself() throws Exception {
        try (H2Db db = new H2Db("roundtrip")) {
            SchemaModel wanted = model();
            Comparison create = SchemaDiffer.compare(h2, wanted, SchemaModel.empty(Set.of("")));
            for (var change : create.changes()) {
                for (Operation op : change.upgrade()) {
                    db.run(h2.dialect().render(op));
                }
            }
            SchemaModel read = h2.catalogReader(t -> true).read(db.connection, Set.of(""));
            assertEquals(List.of("AUTHOR", "BOOK"), db.column("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                    + "ORDER BY 1"), "unquoted lower-case names are H2's upper-case names, as Hibernate's unquoted SQL looks for them");
            assertTrue(db.column("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'AUTHOR'").containsAll(
                    List.of("Mixed Case", "value")), "other names are kept as written, in quotes");
            Comparison again = SchemaDiffer.compare(h2, wanted, read);
            assertTrue(again.isEmpty(), again.changes().toString());
        }
    }

    @Test
    void constraintsH2NamedItselfAreReportedAndDroppedUnderPostgresNames() throws Exception {
        try (H2Db db = new H2Db("generated")) {
            db.execute("CREATE TABLE shelf (id BIGINT PRIMARY KEY, label VARCHAR(20) UNIQUE, n INT CHECK (n > 0), parent BIGINT, "
                    + "FOREIGN KEY (parent) REFERENCES shelf (id))");
            Table shelf = h2.catalogReader(t -> true).read(db.connection, Set.of("")).tables().get(0);
            assertEquals("shelf_pkey", shelf.primaryKey().name());
            assertEquals("shelf_label_key", shelf.uniques().get(0).name());
            assertEquals("shelf_n_check", shelf.checks().get(0).name());
            assertEquals("shelf_parent_fkey", shelf.foreignKeys().get(0).name());
            db.run(h2.dialect().render(new Operation.DropConstraint("", "shelf", "shelf_parent_fkey", shelf.foreignKeys().get(0))));
            db.run(h2.dialect().render(new Operation.RenameConstraint("", "shelf", "shelf_label_key", "uq_shelf_label")));
            db.run(h2.dialect().render(new Operation.DropConstraint("", "shelf", "shelf_n_check", shelf.checks().get(0))));
            db.run(h2.dialect().render(new Operation.DropConstraint("", "shelf", "shelf_pkey", shelf.primaryKey())));
            Table after = h2.catalogReader(t -> true).read(db.connection, Set.of("")).tables().get(0);
            assertEquals(List.of("uq_shelf_label"), after.uniques().stream().map(Constraint::name).toList());
            assertTrue(after.checks().isEmpty());
            assertTrue(after.foreignKeys().isEmpty());
            assertEquals(null, after.primaryKey());
        }
    }

    @Test
    void columnChangesSequencesAndIndexesRunOnH2() throws Exception {
        try (H2Db db = new H2Db("changes")) {
            db.execute("CREATE TABLE item (id BIGINT NOT NULL, code VARCHAR(10), qty INT)");
            db.execute("INSERT INTO item VALUES (41, 'a', 1)");
            List<Operation> ops = List.of(
                    new Operation.AlterColumnType("", "item", "code", varchar(40), null, varchar(10)),
                    new Operation.SetNullable("", "item", "qty", false),
                    new Operation.SetDefault("", "item", "qty", "0", null),
                    new Operation.RenameColumn("", "item", "qty", "quantity"),
                    new Operation.AddIdentity("", "item", "id", Identity.generatedByDefault()),
                    new Operation.SyncSequence("", null, "item", "id"),
                    new Operation.SetColumnComment("", "item", "code", "the code", null),
                    new Operation.CreateIndex(new Index("", "ix_item_code", "item", List.of(Index.Element.column("code")), true, null, null,
                            false), true),
                    new Operation.RenameIndex("", "ix_item_code", "ux_item_code"),
                    new Operation.CreateSequence(new Sequence("", "item_seq", new SequenceOptions(5L, 2L, null, null, null, null), null)),
                    new Operation.AlterSequence("", "item_seq", new SequenceOptions(null, 3L, null, null, null, null), null),
                    new Operation.RenameSequence("", "item_seq", "stock_seq"),
                    new Operation.RenameTable("", "item", "stock"),
                    new Operation.BulkInsert("", "stock", List.of("code", "quantity"), List.of(List.of("b", 2), List.of("c", 3))));
            for (Operation op : ops) {
                db.run(h2.dialect().render(op));
            }
            assertEquals(List.of("41", "42", "43"), db.column("SELECT id FROM stock ORDER BY id"), "the identity continues after 41");
            assertEquals(List.of("5"), db.column("SELECT NEXT VALUE FOR stock_seq"), "the renamed sequence continues where it stood");
            assertEquals(List.of("3"), db.column("SELECT INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'STOCK_SEQ'"));
            db.run(h2.dialect().render(new Operation.DropIdentity("", "stock", "id", Identity.generatedByDefault())));
            db.run(h2.dialect().render(new Operation.DropIndex("", "ux_item_code", false, true, null)));
            assertEquals(List.of("NO"), db.column("SELECT IS_IDENTITY FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'ID'"));
        }
    }

    @Test
    void cleanDropsViewsTablesSequencesAndDomainsButNotTheLockTable() throws Exception {
        try (H2Db db = new H2Db("clean")) {
            h2.lock().acquire(db.connection, "retort_version", java.time.Duration.ofSeconds(1), dev.retort.MigrationListener.none());
            db.execute("CREATE DOMAIN email AS VARCHAR(320)");
            db.execute("CREATE TABLE author (id BIGINT PRIMARY KEY, mail email)");
            db.execute("CREATE TABLE book (id BIGINT PRIMARY KEY, author_id BIGINT REFERENCES author (id))");
            db.execute("CREATE VIEW book_view AS SELECT * FROM book");
            db.execute("CREATE SEQUENCE book_seq");
            var objects = h2.objects(db.connection, Set.of(""));
            assertEquals(List.of("domain email", "sequence book_seq", "table author", "table book", "view book_view"),
                    objects.stream().map(o -> o.type() + " " + o.name()).toList());
            db.run(h2.dropAll(db.connection, Set.of("")));
            assertEquals(List.of("RETORT_LOCK"), db.column("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"));
            assertEquals(List.of(), h2.objects(db.connection, Set.of("")));
        }
        assertEquals("view book_view", h2.createdBy("create or replace view book_view as select 1").map(o -> o.type() + " " + o.name())
                .orElseThrow());
    }

    @Test
    void whatH2CannotHoldIsRefusedByName() {
        var dialect = h2.dialect();
        assertEquals("H2 has no enum types (mood): an enum is a column type of its own there, H2.enumOf(\"A\", \"B\") (ENUM('A', 'B')); "
                + "give the column that type on H2 (op.onlyOn/notOn).", assertThrows(IllegalArgumentException.class,
                () -> dialect.render(new Operation.CreateEnum(null, "mood", List.of("ok")))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> dialect.render(new Operation.CreateIndex(new Index(null, "ix_p", "t",
                List.of(Index.Element.column("a")), false, null, "a > 0", false), false))).getMessage().startsWith("H2 has no partial indexes (index ix_p"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> dialect.render(new Operation.CreateIndex(new Index(null, "ix_e", "t",
                List.of(Index.Element.expression("lower(a)")), false, null, null, false), false))).getMessage()
                .startsWith("H2 cannot index an expression (lower(a) in index ix_e)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> dialect.render(new Operation.AlterColumnType(null, "t", "a", integer(),
                "a::integer", text()))).getMessage().startsWith("H2 converts a column's values itself and takes no conversion expression"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> dialect.typeName(specific("postgresql", "tsvector", null))).getMessage()
                .startsWith("Type tsvector is postgresql's own"));
    }

    @Test
    void typesReadBackAsH2ReportsThemCompareEqualToTheirPortableForms() {
        var rules = h2.rules();
        assertTrue(rules.sameType(rules.parseType("character varying(255)"), varchar(255)));
        assertTrue(rules.sameType(rules.parseType("timestamp(6) with time zone"), timestampWithZone()));
        assertTrue(rules.sameType(rules.parseType("float(53)"), doublePrecision()));
        assertTrue(rules.sameType(rules.parseType("character varying"), varchar()));
        assertTrue(rules.sameType(rules.parseType("character large object"), text()), "long text is what Hibernate makes a CLOB on H2");
        assertTrue(rules.sameType(rules.parseType("enum ('A','B')"), H2.enumOf("A", "B")));
        assertTrue(rules.sameExpression("a > 0 and b is not null or a in (1,2)", "(\"A\" IN(1, 2))\n    OR ((\"A\" > 0)\n    AND (\"B\" IS NOT NULL))"));
        assertTrue(rules.sameExpression("n > 0", "\"N\" > CAST(0 AS BIGINT)"));
        assertEquals("book", rules.storedName("Book", false));
        assertEquals("Book", rules.storedName("Book", true));
        assertEquals("\"order\"", h2.dialect().identifier("order"));
    }
}
