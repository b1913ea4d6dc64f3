package dev.retort.operation;

import dev.retort.testing.Revs;
import static dev.retort.operation.RoundTrip.roundTrip;
import static dev.retort.operation.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.testing.PostgresTest;
import dev.retort.testing.Catalog;
import dev.retort.testing.TestDatabase;

/** Every operation applied to PostgreSQL, checked in the catalog, then reversed and checked again. */
@PostgresTest
class OperationsAppliedTest {

    private static final String AUTHOR = "create table author (id bigint primary key, name text not null, email varchar(100))";

    private final TestDatabase db;

    OperationsAppliedTest(TestDatabase db) {
        this.db = db;
    }

    private static void has(TestDatabase db, String line) {
        List<String> catalog = Catalog.snapshot(db);
        assertTrue(catalog.contains(line), () -> "missing: " + line + "\ncatalog:\n" + String.join("\n", catalog));
    }

    // ---- tables ----

    @Test
    void createTableWithEveryKindOfElementAndDropItBack() {
        roundTrip(db, AUTHOR, op -> op.createTable("Book",
                column("id", bigint()).identity(),
                column("author_id", bigint()).notNull(),
                column("title", varchar(200)).notNull().comment("shown on the cover"),
                column("price", numeric(10, 2)).defaultValue("0"),
                column("order", integer()),
                primaryKey("pk_book", "id"),
                foreignKey("fk_book_author", "author_id").references("author", "id").onDelete(Constraint.Action.CASCADE),
                unique("uq_book_title", "author_id", "title"),
                check("ck_book_price", "price >= 0")).comment("books we sell"), db -> {
            has(db, "table public.Book comment=books we sell");
            has(db, "column public.Book.id #1 bigint not null identity by default");
            has(db, "column public.Book.title #3 character varying(200) not null comment=shown on the cover");
            has(db, "column public.Book.price #4 numeric(10,2) default 0");
            has(db, "column public.Book.order #5 integer");
            has(db, "constraint public.Book.fk_book_author FOREIGN KEY (author_id) REFERENCES author(id) ON DELETE CASCADE");
            has(db, "constraint public.Book.uq_book_title UNIQUE (author_id, title)");
            has(db, "constraint public.Book.ck_book_price CHECK ((price >= (0)::numeric))");
            has(db, "constraint public.Book.pk_book PRIMARY KEY (id)");
        });
    }

    @Test
    void createTableInASchema() {
        roundTrip(db, "create schema billing", op -> op.inSchema("billing").createTable("invoice", column("id", uuid()).notNull(),
                primaryKey("pk_invoice", "id")), db -> has(db, "column billing.invoice.id #1 uuid not null"));
    }

    @Test
    void dropTableCarryingItsDefinition() {
        Operation.CreateTable definition = new Operation.CreateTable(null, "tag", List.of(column("id", integer()).notNull(),
                column("label", text())), List.of(primaryKey("pk_tag", "id")), "labels");
        db.reset();
        roundTrip(db, "create table tag (id integer not null, label text, constraint pk_tag primary key (id)); comment on table tag is 'labels'",
                op -> op.add(new Operation.DropTable(null, "tag", definition)), db -> assertEquals(null, db.value("select to_regclass('tag')::text")));
    }

    @Test
    void renameTable() {
        roundTrip(db, AUTHOR, op -> op.renameTable("author", "writer"), db -> has(db, "table public.writer comment=-"));
    }

    @Test
    void tableComment() {
        roundTrip(db, AUTHOR, op -> op.add(new Operation.SetTableComment(null, "author", "people who write", Prior.of(null))),
                db -> has(db, "table public.author comment=people who write"));
    }

    // ---- columns ----

    @Test
    void addColumnWithDefaultNotNullAndComment() {
        roundTrip(db, AUTHOR, op -> op.addColumn("author", column("active", bool()).notNull().defaultValue("true").comment("can log in")),
                db -> has(db, "column public.author.active #4 boolean not null default true comment=can log in"));
    }

    @Test
    void dropColumnCarryingItsDefinition() {
        roundTrip(db, AUTHOR, op -> op.dropColumn("author", column("email", varchar(100))),
                db -> assertEquals("0", db.value("select count(*) from information_schema.columns where table_name = 'author' and column_name = 'email'")));
    }

    @Test
    void renameColumn() {
        roundTrip(db, AUTHOR, op -> op.renameColumn("author", "name", "full_name"),
                db -> has(db, "column public.author.full_name #2 text not null"));
    }

    @Test
    void alterColumnTypeWithUsing() {
        roundTrip(db, AUTHOR + "; insert into author values (1, '42', null)",
                op -> op.alterColumnType("author", "name", integer()).using("name::integer").from(text()),
                db -> {
                    has(db, "column public.author.name #2 integer not null");
                    assertEquals("42", db.value("select name from author"));
                });
    }

    @Test
    void widenAndNarrowVarchar() {
        roundTrip(db, AUTHOR, op -> op.alterColumnType("author", "email", varchar(320)).from(varchar(100)),
                db -> has(db, "column public.author.email #3 character varying(320)"));
    }

    @Test
    void setAndDropNotNull() {
        roundTrip(db, AUTHOR, op -> op.setNotNull("author", "email"), db -> has(db, "column public.author.email #3 character varying(100) not null"));
        roundTrip(db, AUTHOR, op -> op.dropNotNull("author", "name"), db -> has(db, "column public.author.name #2 text"));
    }

    @Test
    void setAndDropDefault() {
        roundTrip(db, AUTHOR, op -> op.add(new Operation.SetDefault(null, "author", "email", "'nobody@example.com'", Prior.of(null))),
                db -> has(db, "column public.author.email #3 character varying(100) default 'nobody@example.com'::character varying"));
        roundTrip(db, "create table counter (n integer default 7)", op -> op.add(new Operation.SetDefault(null, "counter", "n", null, Prior.of("7"))),
                db -> has(db, "column public.counter.n #1 integer"));
    }

    @Test
    void addAndDropIdentity() {
        roundTrip(db, "create table ticket (id bigint not null)",
                op -> op.addIdentity("ticket", "id", Identity.generatedAlways().startWith(1000).incrementBy(10)),
                db -> {
                    has(db, "column public.ticket.id #1 bigint not null identity always");
                    has(db, "sequence public.ticket_id_seq start=1000 inc=10 min=1 max=9223372036854775807 cache=1 cycle=false owned by ticket.id");
                });
        roundTrip(db, "create table ticket (id bigint generated by default as identity)",
                op -> op.add(new Operation.DropIdentity(null, "ticket", "id", Identity.generatedByDefault())),
                db -> has(db, "column public.ticket.id #1 bigint not null"));
    }

    @Test
    void columnComment() {
        roundTrip(db, AUTHOR, op -> op.add(new Operation.SetColumnComment(null, "author", "email", "where we write to", Prior.of(null))),
                db -> has(db, "column public.author.email #3 character varying(100) comment=where we write to"));
    }

    // ---- constraints ----

    @Test
    void primaryKeyAddedAndDroppedByName() {
        roundTrip(db, "create table tag (id integer not null)", op -> op.addPrimaryKey("tag", "pk_tag", "id"),
                db -> has(db, "constraint public.tag.pk_tag PRIMARY KEY (id)"));
    }

    @Test
    void foreignKeyWithActionsAndDeferrable() {
        roundTrip(db, AUTHOR + "; create table book (id int, author_id bigint)",
                op -> op.addForeignKey("book", foreignKey("fk_book_author", "author_id").references("author", "id")
                        .onDelete(Constraint.Action.SET_NULL).onUpdate(Constraint.Action.CASCADE).deferrable(true)),
                db -> has(db, "constraint public.book.fk_book_author FOREIGN KEY (author_id) REFERENCES author(id) ON UPDATE CASCADE "
                        + "ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED"));
    }

    @Test
    void foreignKeyNotValidThenValidated() {
        roundTrip(db, AUTHOR + "; create table book (id int, author_id bigint); insert into book values (1, 99)",
                op -> op.addForeignKey("book", foreignKey("fk_book_author", "author_id").references("author", "id").notValid()),
                db -> has(db, "constraint public.book.fk_book_author FOREIGN KEY (author_id) REFERENCES author(id) NOT VALID (not validated)"));

        db.reset();
        db.execute(AUTHOR + "; create table book (id int, author_id bigint); "
                + "alter table book add constraint fk_book_author foreign key (author_id) references author (id) not valid");
        try (var retort = dev.retort.testing.Revs.graph().add(script("validate", op -> op.validateConstraint("book", "fk_book_author"))).retort(db)) {
            retort.upgrade();
        }
        has(db, "constraint public.book.fk_book_author FOREIGN KEY (author_id) REFERENCES author(id)");
    }

    @Test
    void uniqueAndCheckConstraints() {
        roundTrip(db, AUTHOR, op -> op.addUnique("author", "uq_author_email", "email"),
                db -> has(db, "constraint public.author.uq_author_email UNIQUE (email)"));
        roundTrip(db, AUTHOR, op -> op.addConstraint("author", check("ck_author_name", "length(name) > 0").notValid()),
                db -> has(db, "constraint public.author.ck_author_name CHECK ((length(name) > 0)) NOT VALID (not validated)"));
    }

    @Test
    void dropConstraintCarryingItsDefinition() {
        roundTrip(db, AUTHOR + "; alter table author add constraint uq_author_email unique (email)",
                op -> op.add(new Operation.DropConstraint(null, "author", "uq_author_email", unique("uq_author_email", "email"))),
                db -> assertEquals("0", db.value("select count(*) from pg_constraint where conname = 'uq_author_email'")));
    }

    @Test
    void uniqueConstraintAdoptsAnIndexBuiltBeforehand() {
        // Not a round trip: the constraint's drop takes the adopted index with it.
        db.reset();
        db.execute(AUTHOR + "; create unique index ix_email on author (email)");
        try (var retort = dev.retort.testing.Revs.graph().add(script("adopt", op -> op.addConstraint("author",
                unique("uq_author_email", "email").usingIndex("ix_email")))).retort(db)) {
            retort.upgrade();
        }
        has(db, "constraint public.author.uq_author_email UNIQUE (email)");
        has(db, "index public.uq_author_email CREATE UNIQUE INDEX uq_author_email ON public.author USING btree (email)");
    }

    @Test
    void renameConstraintIndexAndSequence() {
        roundTrip(db, AUTHOR + "; create index ix_author_name on author (name); create sequence author_seq",
                op -> op.renameConstraint("author", "author_pkey", "writer_pkey").renameIndex("ix_author_name", "ix_writer_name")
                        .renameSequence("author_seq", "writer_seq"), db -> {
                    has(db, "constraint public.author.writer_pkey PRIMARY KEY (id)");
                    has(db, "index public.writer_pkey CREATE UNIQUE INDEX writer_pkey ON public.author USING btree (id)");
                    has(db, "index public.ix_writer_name CREATE INDEX ix_writer_name ON public.author USING btree (name)");
                    has(db, "sequence public.writer_seq start=1 inc=1 min=1 max=9223372036854775807 cache=1 cycle=false");
                });
    }

    @Test
    void sequencesMovePastTheValuesTheColumnHolds() {
        db.reset();
        db.execute("create table author (id bigint not null, name text); insert into author values (41, 'a'), (7, 'b');"
                + "create sequence author_seq increment by 50; create table empty (id int generated by default as identity)");
        try (var retort = dev.retort.testing.Revs.graph().add(script("sync", op -> op.syncSequence("author_seq", "author", "id")
                .addIdentity("author", "id").syncIdentity("author", "id").syncIdentity("empty", "id"))).retort(db)) {
            retort.upgrade();
        }
        assertEquals("91", db.value("select nextval('author_seq')"), "the largest id plus the increment: a pooled block of 50 after 41");
        assertEquals("42", db.value("insert into author (name) values ('c') returning id"));
        assertEquals("1", db.value("insert into empty default values returning id"), "an empty table starts at the minimum");
    }

    // ---- indexes ----

    @Test
    void indexesUniqueMultiColumnExpressionPartialAndMethods() {
        roundTrip(db, AUTHOR + "; create table doc (id int, body jsonb, at timestamptz, tags text[])", op -> {
            op.createIndex("ix_author_email", "author", "email").unique();
            op.createIndex("ix_author_name_email", "author", Index.Element.column("name"), Index.Element.column("email").desc());
            op.createIndex("ix_author_lower_email", "author", expression("lower(email)"));
            op.createIndex("ix_author_active_email", "author", "email").where("email is not null");
            op.createIndex("ix_doc_body", "doc", "body").using("gin");
            op.createIndex("ix_doc_at", "doc", "at").using("brin");
            op.createIndex("ix_doc_id_hash", "doc", "id").using("hash");
            op.createIndex("ix_doc_tags", "doc", "tags").using("gin");
        }, db -> {
            has(db, "index public.ix_author_email CREATE UNIQUE INDEX ix_author_email ON public.author USING btree (email)");
            has(db, "index public.ix_author_name_email CREATE INDEX ix_author_name_email ON public.author USING btree (name, email DESC)");
            has(db, "index public.ix_author_lower_email CREATE INDEX ix_author_lower_email ON public.author USING btree (lower((email)::text))");
            has(db, "index public.ix_author_active_email CREATE INDEX ix_author_active_email ON public.author USING btree (email) WHERE (email IS NOT NULL)");
            has(db, "index public.ix_doc_body CREATE INDEX ix_doc_body ON public.doc USING gin (body)");
            has(db, "index public.ix_doc_at CREATE INDEX ix_doc_at ON public.doc USING brin (at)");
            has(db, "index public.ix_doc_id_hash CREATE INDEX ix_doc_id_hash ON public.doc USING hash (id)");
        });
    }

    @Test
    void gistIndex() {
        roundTrip(db, "create table booking (during tsrange)", op -> op.createIndex("ix_booking_during", "booking", "during").using("gist"),
                db -> has(db, "index public.ix_booking_during CREATE INDEX ix_booking_during ON public.booking USING gist (during)"));
    }

    @Test
    void concurrentIndexRunsInANonTransactionalRevision() {
        roundTrip(db, AUTHOR, op -> op.createIndex("ix_author_email", "author", "email").concurrently(),
                db -> assertEquals("t", db.value("select indisvalid::text::char from pg_index where indexrelid = 'ix_author_email'::regclass")));
    }

    @Test
    void dropIndexCarryingItsDefinition() {
        Index definition = new Index(null, "ix_author_email", "author", List.of(Index.Element.column("email")), true, null, null, false);
        roundTrip(db, AUTHOR + "; create unique index ix_author_email on author (email)",
                op -> op.add(new Operation.DropIndex(null, "ix_author_email", false, false, definition)),
                db -> assertEquals(null, db.value("select to_regclass('ix_author_email')::text")));
    }

    // ---- sequences ----

    @Test
    void sequenceCreatedWithOptionsAndOwner() {
        roundTrip(db, AUTHOR, op -> op.createSequence("author_seq", sequenceOptions().start(100).increment(5).minValue(100).maxValue(100000)
                .cache(10).cycle(true), "author", "id"),
                db -> has(db, "sequence public.author_seq start=100 inc=5 min=100 max=100000 cache=10 cycle=true owned by author.id"));
    }

    @Test
    void sequenceAlteredAndDropped() {
        roundTrip(db, "create sequence order_seq increment by 1",
                op -> op.add(new Operation.AlterSequence(null, "order_seq", sequenceOptions().increment(50).cache(20),
                        sequenceOptions().increment(1).cache(1))),
                db -> has(db, "sequence public.order_seq start=1 inc=50 min=1 max=9223372036854775807 cache=20 cycle=false"));
        roundTrip(db, "create sequence order_seq start with 7",
                op -> op.add(new Operation.DropSequence(null, "order_seq", new Sequence(null, "order_seq", sequenceOptions().start(7), null))),
                db -> assertEquals(null, db.value("select to_regclass('order_seq')::text")));
    }

    // ---- enum types, schemas, extensions ----

    @Test
    void enumCreatedRenamedAndDropped() {
        roundTrip(db, "", op -> op.createEnum("mood", "sad", "ok", "happy"), db -> has(db, "enum public.mood sad,ok,happy"));
        roundTrip(db, "create type mood as enum ('sad', 'happy')", op -> op.renameEnumValue("mood", "sad", "blue"),
                db -> has(db, "enum public.mood blue,happy"));
        roundTrip(db, "create type \"Mood\" as enum ('it''s ok')", op -> op.add(new Operation.DropEnum(null, "Mood", List.of("it's ok"))),
                db -> assertEquals("0", db.value("select count(*) from pg_type where typname = 'Mood'")));
    }

    @Test
    void enumValueAddedBeforeAndAfter() {
        db.reset();
        db.execute("create type mood as enum ('sad', 'happy')");
        try (var retort = dev.retort.testing.Revs.graph().add(script("add values", op -> {
            op.addEnumValue("mood", "ok").before("happy");
            op.addEnumValue("mood", "ecstatic").after("happy");
            op.addEnumValue("mood", "sad").ifNotExists();
        })).retort(db)) {
            retort.upgrade();
        }
        has(db, "enum public.mood sad,ok,happy,ecstatic");
    }

    @Test
    void schemaAndExtension() {
        roundTrip(db, "", op -> op.createSchema("Reporting"), db -> has(db, "schema Reporting"));
        roundTrip(db, "", op -> op.add(dev.retort.postgresql.PostgreSQL.createExtension("pg_trgm")), db -> has(db, "extension pg_trgm in public"));
        roundTrip(db, "create schema ext", op -> op.add(dev.retort.postgresql.PostgreSQL.createExtension("uuid-ossp", "ext")), db -> has(db, "extension uuid-ossp in ext"));
    }

    // ---- data ----

    @Test
    void executeWithParametersBulkInsertAndJdbcCallback() {
        db.reset();
        db.execute(AUTHOR);
        try (var retort = dev.retort.testing.Revs.graph().add(script("data", op -> {
            op.execute("insert into author (id, name) values (?, ?)", 1L, "O'Brien");
            op.bulkInsert("author", List.of("id", "name", "email"), List.of(List.of(2L, "Ann", "ann@example.com"), java.util.Arrays.asList(3L, "Bo", null)));
            op.bulkInsert("author", List.of(java.util.Map.of("id", 4L, "name", "Cy")));
            op.run("uppercase names", c -> {
                try (var s = c.createStatement()) {
                    s.executeUpdate("update author set name = upper(name)");
                }
            });
        })).retort(db)) {
            retort.upgrade();
        }
        assertEquals(List.of("1|O'BRIEN|", "2|ANN|ann@example.com", "3|BO|", "4|CY|"),
                db.column("select id || '|' || name || '|' || coalesce(email, '') from author order by id"));
    }

    @Test
    void bulkInsertSplitsLargeBatchesBelowTheParameterLimit() {
        db.reset();
        db.execute("create table n (a int, b int, c int)");
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            rows.add(List.of(i, i, i));
        }
        try (var retort = dev.retort.testing.Revs.graph().add(script("many rows", op -> op.bulkInsert("n", List.of("a", "b", "c"), rows))).retort(db)) {
            retort.upgrade();
        }
        assertEquals("25000", db.value("select count(*) from n"));
    }

    static dev.retort.revision.RevisionScript script(String message, java.util.function.Consumer<Operations> upgrade) {
        return dev.retort.testing.Revs.script("op0001", List.of(), true, upgrade, op -> { });
    }
}
