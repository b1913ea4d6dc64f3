package dev.retort.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.Retort;
import dev.retort.command.Direction;
import dev.retort.command.Generated;
import dev.retort.command.ReleaseReport;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * {@code generate} for an application deployed rolling, on a real database, from real entities: a column renamed and a
 * NOT NULL column removed become an expand (a new column kept in step with the old one by a trigger; the removed column
 * made nullable), a backfill and a contract; between the two releases, the old and the new code both read and write
 * (Hibernate validates both versions against the schema), and the second release finishes the change.
 */
@PostgresTest
class GenerateRollingTest {

    private static final List<Class<?>> V1 = List.of(dev.retort.rolling.v1.Person.class);
    private static final List<Class<?>> V2 = List.of(dev.retort.rolling.v2.Person.class);
    private static final Map<String, Object> NAMING = Rollouts.NAMING;
    private static final int ROWS = 2500;

    private final TestDatabase db;

    GenerateRollingTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void aRenamedColumnAndARemovedNotNullColumnBecomeExpandBackfillAndContract(@TempDir Path work) {
        try (Retort retort = retort(work, 0, null)) {
            retort.generate(platform -> HibernateSchemaReader.read(V1, NAMING, platform), "people");
        }
        compile(work, 1);
        try (Retort retort = retort(work, 1, "1.0")) {
            assertTrue(retort.release().succeeded());
        }
        db.execute("insert into person (id, name, nickname, email) select g, 'name ' || g, 'nick ' || g, g || '@example.com' from generate_series(1, " + ROWS + ") g");

        Generated expand;
        try (Retort retort = retort(work, 1, null)) {
            expand = retort.generateRolling(platform -> HibernateSchemaReader.read(V2, NAMING, platform), "full names");
        }
        Generated backfill = expand.followUp();
        assertNotNull(backfill, "a backfill revision follows the expand");
        Generated contract = backfill.followUp();
        assertNotNull(contract, "a contract revision follows the backfill");
        Generated notNull = contract.followUp();
        assertNotNull(notNull, "NOT NULL follows the contract outside a transaction");
        assertNull(notNull.followUp());
        assertTrue(expand.source().contains("phase = Revision.Phase.EXPAND"), expand.source());
        assertTrue(expand.source().contains("op.addColumn(\"person\", column(\"full_name\", varchar(100)))"), expand.source());
        assertTrue(expand.source().contains("CREATE TRIGGER retort_sync_person_full_name BEFORE INSERT OR UPDATE ON public.person"), expand.source());
        assertTrue(expand.source().contains("op.dropNotNull(\"person\", \"nickname\")"), expand.source());
        assertTrue(backfill.source().contains("transactional = false") && backfill.source().contains("phase = Revision.Phase.EXPAND")
                && backfill.source().contains("op.backfill(Backfill.of(\"person\").set(\"full_name = name\")"), backfill.source());
        assertTrue(backfill.source().contains("op.forgetBackfill("), backfill.source());
        assertEquals(List.of(backfill.revision()), contract.parents());
        assertTrue(contract.source().contains("phase = Revision.Phase.CONTRACT") && contract.source().contains("expand = \"" + expand.revision() + "\""),
                contract.source());
        assertTrue(contract.source().contains("op.dropColumn(\"person\", \"name\")") && contract.source().contains("op.dropColumn(\"person\", \"nickname\")")
                && contract.source().contains("DROP TRIGGER IF EXISTS retort_sync_person_full_name ON public.person"), contract.source());
        assertTrue(contract.source().contains("op.acknowledge(\"drop-column\", \"the contract of an expand/contract change"), contract.source());
        // A column made NOT NULL waits for the contract: the old code may still write NULL. It is set through a validated check.
        assertTrue(notNull.source().contains("op.setNotNull(\"person\", \"email\")") && notNull.source().contains("op.setNotNull(\"person\", \"full_name\")")
                && notNull.source().contains("transactional = false") && notNull.source().contains("expand = \"" + expand.revision() + "\"")
                && !expand.source().contains("op.setNotNull(\"person\", \"email\")"), notNull.source());
        compile(work, 2);

        // The first release of the new version: the expand and the backfill, the contract held for the next deploy.
        try (Retort retort = retort(work, 2, "2.0")) {
            ReleaseReport report = retort.release();
            assertTrue(report.succeeded(), report.error() + " " + report.problems());
            assertEquals(List.of(expand.revision(), backfill.revision()), report.applied().stream().map(ReleaseReport.AppliedRevision::revision).toList());
            assertTrue(report.warnings().stream().anyMatch(w -> w.contains(contract.revision()) && w.contains("held for the next deploy")),
                    report.warnings().toString());
        }
        assertEquals("0", db.value("select count(*) from person where full_name is distinct from name"), "backfilled");
        // Both versions run against this schema: Hibernate validates each, and their writes reach each other's column.
        validate(V1);
        validate(V2);
        RenameWrites.bothVersionsWrite(db);
        assertEquals("0", db.value("select count(*) from person where full_name is distinct from name"));

        // The next deploy applies the contract.
        try (Retort retort = retort(work, 2, "2.1")) {
            ReleaseReport report = retort.release();
            assertTrue(report.succeeded(), report.error() + " " + report.problems());
            assertEquals(List.of(contract.revision(), notNull.revision()), report.applied().stream().map(ReleaseReport.AppliedRevision::revision).toList());
        }
        assertEquals(List.of("email", "full_name", "id"), db.column("select column_name from information_schema.columns where table_name = 'person' "
                + "order by column_name"));
        assertEquals("NO", db.value("select is_nullable from information_schema.columns where table_name = 'person' and column_name = 'full_name'"));
        assertEquals("0", db.value("select count(*) from pg_trigger where tgname like 'retort_sync%'"));
        assertEquals("NO", db.value("select is_nullable from information_schema.columns where table_name = 'person' and column_name = 'email'"));
        validate(V2);
        db.execute("insert into person (id, full_name, email) values (100003, 'after the contract', 'v3@example.com')");
        assertEquals(String.valueOf(ROWS + 3), db.value("select count(*) from person"));
    }

    @Test
    void aRenamedTableKeepsItsOldNameAsAViewUntilTheContract(@TempDir Path work) {
        Rollouts.Rollout rollout = rollout(work, dev.retort.rolling.v1.Invoice.class, dev.retort.rolling.v2.Invoice.class, "bills", 2,
                "insert into invoice (id, number, amount) select g, 'INV-' || g, g from generate_series(1, " + ROWS + ") g");
        List<Class<?>> v1 = rollout.before();
        List<Class<?>> v2 = rollout.after();
        Generated expand = rollout.revisions().get(0);
        Generated contract = rollout.revisions().get(1);
        assertTrue(expand.source().contains("op.renameTable(\"invoice\", \"bill\")")
                && expand.source().contains("CREATE VIEW public.invoice AS SELECT * FROM public.bill"), expand.source());
        // The upgrade's rename is bridged; the downgrade's, back to the old name, is reported (it breaks the new code).
        assertTrue(expand.findings().stream().noneMatch(f -> f.rule().equals("rename-table") && f.direction() == Direction.UP),
                expand.findings().toString());
        assertTrue(contract.source().contains("phase = Revision.Phase.CONTRACT") && contract.source().contains("DROP VIEW IF EXISTS public.invoice"),
                contract.source());

        release(work, "2.0", expand);
        // The old code reads and writes through the view, the new code on the table, and each sees the other's rows.
        validate(v1);
        validate(v2);
        for (String written : List.of("insert into invoice (id, number, amount) values (100001, 'INV-OLD', 7)",
                "update invoice set amount = 99 where id = 1", "delete from invoice where id = 2",
                "insert into bill (id, number, amount) values (100002, 'INV-NEW', 8)")) {
            db.execute(written);
        }
        assertEquals(List.of("1 99 INV-1", "100001 7 INV-OLD", "100002 8 INV-NEW"),
                db.column("select id || ' ' || amount || ' ' || number from bill where id in (1, 2, 100001, 100002) order by id"));
        assertEquals("INV-NEW", db.value("select number from invoice where id = 100002"));
        // The new entities already match: the view is no table to them, so nothing is left for a generate in between.
        assertMatches(work, v2);
        assertEquals(String.valueOf(ROWS + 1), db.value("select count(*) from invoice"));

        release(work, "2.1", contract);
        assertEquals("0", db.value("select count(*) from pg_class where relname = 'invoice'"));
        assertMatches(work, v2);
        validate(v2);

        downgrade(work, rollout.base());
        assertEquals("r", db.value("select relkind from pg_class where relname = 'invoice'"));
        assertEquals("0", db.value("select count(*) from pg_class where relname = 'bill'"));
        assertEquals(String.valueOf(ROWS + 1), db.value("select count(*) from invoice"));
        validate(v1);
    }

    @Test
    void aColumnMadeNotNullIsBackfilledAndConstrainedThroughAValidatedCheckAfterTheContract(@TempDir Path work) {
        Rollouts.Rollout tasks = rollout(work, dev.retort.rolling.v1.Task.class, dev.retort.rolling.v2.Task.class, "required status", 3,
                "insert into task (id, status, owner) select g, case when g % 3 = 0 then null else 'done' end, 'owner ' || g "
                        + "from generate_series(1, " + ROWS + ") g");
        // The expand keeps the old code's NULL writes valid; the NOT NULL waits for the contract, outside a transaction.
        String expand = tasks.revisions().get(0).source();
        String backfill = tasks.revisions().get(1).source();
        String contract = tasks.revisions().get(2).source();
        assertTrue(!expand.contains("op.setNotNull(") && expand.contains("op.setDefault(\"task\", \"status\""), expand);
        assertTrue(backfill.contains("op.backfill(Backfill.of(\"task\").set(\"status = 'open'\").where(\"status IS NULL\")"), backfill);
        assertTrue(contract.contains("transactional = false") && contract.contains("phase = Revision.Phase.CONTRACT"), contract);
        assertTrue(contract.contains(".notValid()") && contract.contains("op.validateConstraint(") && contract.contains("(again, before NOT NULL)")
                && contract.contains("op.setNotNull(\"task\", \"status\")") && contract.contains("op.setNotNull(\"task\", \"owner\")"), contract);
        assertTrue(tasks.revisions().get(2).findings().stream().noneMatch(f -> f.rule().equals("set-not-null")),
                tasks.revisions().get(2).findings().toString());

        release(work, "2.0", tasks.revisions().get(0), tasks.revisions().get(1));
        assertEquals("0", db.value("select count(*) from task where status is null"), "backfilled");
        // The old code still writes NULL: nothing stops it before the contract.
        validate(tasks.before());
        db.execute("insert into task (id, status, owner) values (100001, null, 'old')");
        db.execute("update task set status = null where id = 1");
        assertNull(db.value("select status from task where id = 100001"));

        release(work, "2.1", tasks.revisions().get(2));
        assertEquals("NO", db.value("select is_nullable from information_schema.columns where table_name = 'task' and column_name = 'status'"));
        assertEquals("NO", db.value("select is_nullable from information_schema.columns where table_name = 'task' and column_name = 'owner'"));
        assertEquals("open", db.value("select status from task where id = 1"), "filled again before NOT NULL");
        assertEquals("0", db.value("select count(*) from pg_constraint where conrelid = 'task'::regclass and contype = 'c'"));
        assertMatches(work, tasks.after());
        validate(tasks.after());

        downgrade(work, tasks.base());
        assertEquals("YES", db.value("select is_nullable from information_schema.columns where table_name = 'task' and column_name = 'status'"));
        assertNull(db.value("select column_default from information_schema.columns where table_name = 'task' and column_name = 'status'"));
        validate(tasks.before());
    }

    @Test
    void aColumnNarrowedOrRetypedGoesThroughAShadowColumnRenamedByTheContract(@TempDir Path work) {
        Rollouts.Rollout items = rollout(work, dev.retort.rolling.v1.Item.class, dev.retort.rolling.v2.Item.class, "item types", 4,
                "insert into item (id, code, quantity, reference, label) select g, 'C' || g, g, (g * 10)::text, 'L' || g "
                        + "from generate_series(1, " + ROWS + ") g");
        Generated expand = items.revisions().get(0);
        Generated backfill = items.revisions().get(1);
        Generated contract = items.revisions().get(2);
        Generated notNull = items.revisions().get(3);
        assertTrue(expand.source().contains("op.addColumn(\"item\", column(\"retort_new_code\", varchar(50)))")
                && expand.source().contains("column(\"retort_new_quantity\", bigint())")
                && expand.source().contains("column(\"retort_new_reference\", integer())"), expand.source());
        // A longer varchar is metadata only on PostgreSQL: it stays in the expand as it is.
        assertTrue(expand.source().contains("op.alterColumnType(\"item\", \"label\", varchar(80))"), expand.source());
        assertFalse(expand.source().contains("retort_new_label"), expand.source());
        // The new code reads each column with the old type until the contract and the new one after: the expand says so.
        assertTrue(expand.source().contains("TODO: item.quantity changes type under the running new version at the contract"),
                expand.source());
        assertTrue(backfill.source().contains("set(\"retort_new_reference = reference::integer\")"), backfill.source());
        assertFalse(contract.source().contains("transactional = false"), contract.source());
        assertTrue(contract.source().contains("op.dropColumn(\"item\", \"code\")")
                && contract.source().contains("op.renameColumn(\"item\", \"retort_new_code\", \"code\")"), contract.source());
        assertTrue(notNull.source().contains("transactional = false") && notNull.source().contains("op.setNotNull(\"item\", \"code\")"),
                notNull.source());

        release(work, "2.0", expand, backfill);
        assertEquals("0", db.value("select count(*) from item where retort_new_code is distinct from code "
                + "or retort_new_quantity is distinct from quantity or retort_new_reference is distinct from reference::integer"));
        // The old code's statements, with the old types: the trigger converts them into the new columns.
        validate(items.before());
        db.execute("insert into item (id, code, quantity, reference, label) values (100001, 'OLD', 5, '42', 'old label')");
        db.execute("update item set quantity = 77, reference = '43' where id = 1");
        assertEquals("5|42|OLD", db.value("select retort_new_quantity || '|' || retort_new_reference || '|' || retort_new_code from item where id = 100001"));
        assertEquals("77|43", db.value("select retort_new_quantity || '|' || retort_new_reference from item where id = 1"));
        assertEquals("old label", db.value("select label from item where id = 100001"));

        release(work, "2.1", contract, notNull);
        assertEquals(List.of("code character varying 50 NO", "id bigint  NO", "label character varying 80 YES", "quantity bigint  YES",
                "reference integer  YES"), db.column("select column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') "
                + "|| ' ' || is_nullable from information_schema.columns where table_name = 'item' order by column_name"));
        assertEquals("0", db.value("select count(*) from pg_trigger where tgname like 'retort_sync%'"));
        assertEquals("43", db.value("select reference from item where id = 1"));
        assertMatches(work, items.after());
        validate(items.after());

        downgrade(work, items.base());
        assertEquals(List.of("code character varying 100 NO", "id bigint  NO", "label character varying 40 YES", "quantity integer  YES",
                "reference text  YES"), db.column("select column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') "
                + "|| ' ' || is_nullable from information_schema.columns where table_name = 'item' order by column_name"));
        assertEquals("77|43|C1", db.value("select quantity || '|' || reference || '|' || code from item where id = 1"));
        validate(items.before());
    }

    private Rollouts.Rollout rollout(Path work, Class<?> oldEntity, Class<?> newEntity, String message, int expected, String rows) {
        return new Rollouts(db, work).rollout(oldEntity, newEntity, message, expected, rows);
    }

    private void release(Path work, String version, Generated... applied) {
        new Rollouts(db, work).release(version, applied);
    }

    private void assertMatches(Path work, List<Class<?>> entities) {
        new Rollouts(db, work).assertMatches(entities);
    }

    private void downgrade(Path work, String target) {
        new Rollouts(db, work).downgrade(target);
    }

    private Retort retort(Path work, int compiled, String version) {
        return new Rollouts(db, work).retort(compiled, version);
    }

    private void validate(List<Class<?>> entities) {
        HibernateValidation.validate(db.dataSource(), entities, NAMING);
    }

    /** Compiles the generated migrations as the application's build would. */
    static void compile(Path work, int into) {
        Javac.compile(work.resolve("src"), work.resolve("classes" + into), "the generated migrations");
    }

    static ClassLoader loader(Path classes) {
        try {
            Files.createDirectories(classes);
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, GenerateRollingTest.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
