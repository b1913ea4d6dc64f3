package dev.retort.mysql.internal;

import static dev.retort.operation.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.mysql.MySql;
import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.DataType;
import dev.retort.operation.Index;
import dev.retort.operation.Operation;
import dev.retort.operation.Operations;
import dev.retort.platform.Platform;
import dev.retort.platform.SqlStatement;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/** Every operation rendered for MariaDB, run by the server, and the catalog read back: what was written is what is there. */
class MariaDbRenderingTest {

    private static final Platform PLATFORM = new MariaDbPlatform();
    private static TestDatabase db;
    private static Connection connection;

    @BeforeAll
    static void database() throws SQLException {
        db = TestDatabases.server("mariadb").createDatabase("rendering");
        connection = db.connect();
    }

    @AfterAll
    static void drop() throws SQLException {
        connection.close();
        db.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        db.reset();
        connection.setCatalog(db.name());
    }

    private static void run(Operations op) throws SQLException {
        for (Operation operation : op.recorded()) {
            for (SqlStatement statement : PLATFORM.dialect().render(operation)) {
                try (Statement s = connection.createStatement()) {
                    s.execute(PLATFORM.dialect().inline(statement));
                }
            }
        }
    }

    private static SchemaModel catalog() throws SQLException {
        return PLATFORM.catalogReader(t -> true).read(connection, Set.of(""));
    }

    private static Table table(String name) throws SQLException {
        return catalog().table("", name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    private static Column columnOf(String table, String name) throws SQLException {
        return table(table).columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aTableWithEveryKindOfColumnAndConstraintIsReadBackAsWritten() throws SQLException {
        Operations op = new Operations();
        op.createTable("author", column("id", bigint()).identity(), column("name", varchar(100)).notNull().comment("the name"),
                primaryKey("pk_author", "id"), unique("uk_author_name", "name")).comment("who writes");
        op.createTable("book",
                column("id", bigint()).notNull(),
                column("author_id", bigint()),
                column("title", varchar(200)).notNull().defaultValue("'untitled'"),
                column("price", numeric(10, 2)).defaultValue("1.50"),
                column("published", bool()).notNull().defaultValue("FALSE"),
                column("flag", MySql.bit()),
                column("status", MySql.enumOf("DRAFT", "PUBLISHED")).defaultValue("'DRAFT'"),
                column("created_at", timestampWithZone()).defaultValue("current_timestamp(6)"),
                column("body", text()),
                column("summary", MySql.type("tinytext", text())),
                column("ref", uuid()),
                column("meta", json()),
                column("picture", binary()),
                primaryKey(null, "id"),
                foreignKey("fk_book_author", "author_id").references("author", "id").onDelete(Constraint.Action.CASCADE),
                check("ck_book_price", "price >= 0"));
        op.createIndex("ix_book_title_desc", "book", Index.Element.column("title").desc(), Index.Element.column("id"));
        run(op);

        Table book = table("book");
        assertEquals(List.of("id", "author_id", "title", "price", "published", "flag", "status", "created_at", "body", "summary", "ref",
                "meta", "picture"), book.columns().stream().map(Column::name).toList());
        assertTrue(PLATFORM.rules().sameType(varchar(200), columnOf("book", "title").type()));
        assertEquals(numeric(10, 2), columnOf("book", "price").type());
        assertEquals(bool(), columnOf("book", "published").type());
        assertTrue(PLATFORM.rules().sameType(MySql.bit(), columnOf("book", "flag").type()));
        assertTrue(PLATFORM.rules().sameType(MySql.enumOf("DRAFT", "PUBLISHED"), columnOf("book", "status").type()));
        assertTrue(PLATFORM.rules().sameType(timestampWithZone(), columnOf("book", "created_at").type()), "datetime(6)");
        assertEquals(text(), columnOf("book", "body").type());
        assertTrue(PLATFORM.rules().sameType(MySql.type("tinytext", text()), columnOf("book", "summary").type()));
        assertEquals(uuid(), columnOf("book", "ref").type());
        assertEquals(json(), columnOf("book", "meta").type(), "MariaDB's json: longtext with its json_valid check, read back as json");
        assertEquals(binary(), columnOf("book", "picture").type());
        assertTrue(PLATFORM.rules().sameExpression("'untitled'", columnOf("book", "title").defaultValue()));
        assertTrue(PLATFORM.rules().sameExpression("1.50", columnOf("book", "price").defaultValue()));
        assertTrue(PLATFORM.rules().sameExpression("FALSE", columnOf("book", "published").defaultValue()));
        assertTrue(PLATFORM.rules().sameExpression("current_timestamp(6)", columnOf("book", "created_at").defaultValue()));
        assertFalse(columnOf("book", "title").acceptsNull());

        assertEquals(List.of("id"), book.primaryKey().columns());
        assertEquals("PRIMARY", book.primaryKey().name());
        assertEquals(1, book.foreignKeys().size());
        assertEquals("fk_book_author", book.foreignKeys().get(0).name());
        assertEquals(Constraint.Action.CASCADE, book.foreignKeys().get(0).onDelete());
        assertEquals(List.of("ck_book_price"), book.checks().stream().map(Constraint.Check::name).toList(), "the json check is the type's");
        assertTrue(PLATFORM.rules().sameExpression("price >= 0", book.checks().get(0).expression()));
        assertEquals(List.of("ix_book_title_desc"), book.indexes().stream().map(Index::name).toList(),
                "InnoDB's index behind fk_book_author is left out");
        assertEquals(List.of(Index.Element.column("title").desc(), Index.Element.column("id")), book.indexes().get(0).elements());

        Table author = table("author");
        assertEquals("who writes", author.comment());
        assertEquals("the name", columnOf("author", "name").comment());
        assertTrue(columnOf("author", "id").identityGeneration() != null, "AUTO_INCREMENT");
        assertEquals(List.of("uk_author_name"), author.uniques().stream().map(Constraint.Unique::name).toList());
    }

    @Test
    void changesToAColumnRestateItWithoutLosingWhatElseItHas() throws SQLException {
        Operations op = new Operations();
        op.createTable("item", column("id", integer()).notNull(), column("code", varchar(10)).notNull().defaultValue("'x'").comment("the code"),
                column("note", varchar(20)), primaryKey(null, "id"));
        op.alterColumnType("item", "code", varchar(40));
        run(op);
        Column code = columnOf("item", "code");
        assertEquals(varchar(40), code.type());
        assertFalse(code.acceptsNull(), "NOT NULL kept");
        assertEquals("the code", code.comment(), "comment kept");
        assertTrue(PLATFORM.rules().sameExpression("'x'", code.defaultValue()), "default kept");

        op = new Operations();
        op.dropNotNull("item", "code");
        op.setColumnComment("item", "code", "it's new");
        op.setDefault("item", "note", "concat('a', 'b')");
        op.setNotNull("item", "note");
        run(op);
        code = columnOf("item", "code");
        assertTrue(code.acceptsNull());
        assertEquals("it's new", code.comment());
        assertEquals(varchar(40), code.type(), "type kept");
        assertFalse(columnOf("item", "note").acceptsNull());
        assertTrue(PLATFORM.rules().sameExpression("concat('a','b')", columnOf("item", "note").defaultValue()));

        op = new Operations();
        op.renameColumn("item", "note", "remark");
        op.dropDefault("item", "remark");
        op.dropColumnComment("item", "code");
        op.addIdentity("item", "id");
        run(op);
        assertNull(columnOf("item", "remark").defaultValue());
        assertNull(columnOf("item", "code").comment());
        assertTrue(columnOf("item", "id").identityGeneration() != null);
        op = new Operations();
        op.dropIdentity("item", "id");
        run(op);
        assertNull(columnOf("item", "id").identityGeneration());
        assertFalse(columnOf("item", "id").acceptsNull());

        Operations missing = new Operations();
        missing.setNotNull("item", "nothing_here");
        SQLException e = assertThrows(SQLException.class, () -> run(missing));
        assertTrue(e.getMessage().contains("Table item has no column nothing_here."), e.getMessage());
    }

    @Test
    void constraintsIndexesTablesAndSequencesComeAndGo() throws SQLException {
        Operations op = new Operations();
        op.createTable("parent", column("id", integer()).notNull(), primaryKey(null, "id"));
        op.createTable("child", column("id", integer()).notNull(), column("parent_id", integer()), column("qty", integer()),
                column("name", varchar(50)));
        op.addPrimaryKey("child", "pk_child", "id");
        op.addForeignKey("child", foreignKey("fk_child_parent", "parent_id").references("parent", "id"));
        op.addUnique("child", "uk_child_name", "name");
        op.addCheck("child", "ck_child_qty", "qty > 0");
        op.createIndex("ix_child_qty", "child", "qty").concurrently();
        op.createIndex("ix_child_qty", "child", "qty").ifNotExists();
        op.renameIndex("ix_child_qty", "ix_child_quantity");
        op.renameConstraint("child", "uk_child_name", "uk_child_label");
        op.setTableComment("child", "children");
        op.renameTable("child", "kid");
        run(op);
        Table kid = table("kid");
        assertEquals("children", kid.comment());
        assertEquals(List.of("uk_child_label"), kid.uniques().stream().map(Constraint.Unique::name).toList());
        assertEquals(List.of("ix_child_quantity"), kid.indexes().stream().map(Index::name).toList());
        assertEquals(List.of("ck_child_qty"), kid.checks().stream().map(Constraint.Check::name).toList());

        // The server cannot rename a check or a foreign key: each is dropped and added under the new name, its index too.
        Operations renames = new Operations();
        renames.renameConstraint("kid", "ck_child_qty", "ck_kid_qty");
        renames.renameConstraint("kid", "fk_child_parent", "fk_kid_parent");
        run(renames);
        kid = table("kid");
        assertEquals(List.of("ck_kid_qty"), kid.checks().stream().map(Constraint.Check::name).toList());
        assertEquals(List.of("fk_kid_parent"), kid.foreignKeys().stream().map(Constraint.ForeignKey::name).toList());
        assertEquals(List.of("fk_kid_parent"), db.column("select distinct index_name from information_schema.statistics where table_schema = "
                + "database() and table_name = 'kid' and index_name like 'fk%'"), "the foreign key's index is renamed with it");
        Operations missing = new Operations();
        missing.renameConstraint("kid", "ck_nothing", "ck_still_nothing");
        SQLException refused = assertThrows(SQLException.class, () -> run(missing));
        assertTrue(refused.getMessage().contains("Table kid has no constraint ck_nothing"), refused.getMessage());

        op = new Operations();
        op.dropConstraint("kid", "fk_kid_parent");
        op.dropConstraint("kid", "ck_kid_qty");
        op.dropConstraint("kid", "uk_child_label");
        op.dropIndex("ix_child_quantity");
        op.dropIndex("ix_gone").ifExists();
        op.dropConstraint("kid", "PRIMARY");
        run(op);
        kid = table("kid");
        assertTrue(kid.foreignKeys().isEmpty() && kid.checks().isEmpty() && kid.uniques().isEmpty() && kid.primaryKey() == null);
        assertEquals(List.of(), db.column("select index_name from information_schema.statistics where table_schema = database() "
                + "and table_name = 'kid'"), "the index InnoDB made for the foreign key goes with it, as a fresh create has none");

        op = new Operations();
        op.createSequence("seq_kid", sequenceOptions().start(10).increment(5));
        op.bulkInsert("kid", List.of("id", "qty"), List.of(List.of(100, 1), List.of(7, 2)));
        op.syncSequence("seq_kid", "kid", "id");
        run(op);
        assertEquals("105", db.value("select nextval(seq_kid)"));
        op = new Operations();
        op.alterSequence("seq_kid", sequenceOptions().increment(50));
        op.renameSequence("seq_kid", "seq_child");
        run(op);
        assertEquals(List.of("seq_child"), catalog().sequences().stream().map(dev.retort.operation.Sequence::name).toList());
        assertEquals(Long.valueOf(50), catalog().sequences().get(0).options().increment());
        op = new Operations();
        op.dropSequence("seq_child");
        op.dropTable("kid");
        run(op);
        assertTrue(catalog().sequences().isEmpty());
        assertFalse(db.tableExists("kid"));
    }

    @Test
    void whatMariaDbCannotHoldIsRefusedByName() {
        var dialect = PLATFORM.dialect();
        assertThrows(IllegalArgumentException.class, () -> dialect.render(new Operation.CreateEnum(null, "mood", List.of("a"))));
        IllegalArgumentException pg = assertThrows(IllegalArgumentException.class,
                () -> dialect.render(new Operation.Specific() {
                    @Override
                    public String platform() {
                        return "postgresql";
                    }

                    @Override
                    public String describe() {
                        return "create extension pg_trgm";
                    }

                    @Override
                    public Call source() {
                        return new Call("dev.retort.postgresql.PostgreSQL", "createExtension", List.of("pg_trgm"));
                    }
                }));
        assertEquals("'create extension pg_trgm' is an operation of postgresql, which MariaDB cannot run; give the MariaDB form of this "
                + "change in the migration.", pg.getMessage());
        assertThrows(IllegalArgumentException.class, () -> dialect.typeName(interval()));
        assertThrows(IllegalArgumentException.class, () -> dialect.typeName(arrayOf(text())));
        assertEquals("varchar(255)", dialect.typeName(new DataType.Specific("postgresql", "citext", varchar(255))));
    }
}
