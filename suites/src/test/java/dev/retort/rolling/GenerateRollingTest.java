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

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.command.ReleaseReport;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
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
    private static final String PACKAGE = "db.rolling";
    private static final Map<String, Object> NAMING = Map.of("hibernate.physical_naming_strategy",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
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
        assertNull(contract.followUp());
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
        // A column made NOT NULL waits for the contract: the old code may still write NULL.
        assertTrue(contract.source().contains("op.setNotNull(\"person\", \"email\")") && !expand.source().contains("op.setNotNull(\"person\", \"email\")"),
                contract.source());
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
        db.execute("insert into person (id, name, nickname, email) values (100001, 'written by v1', 'old', 'v1@example.com')");
        db.execute("insert into person (id, full_name, email) values (100002, 'written by v2', 'v2@example.com')");
        db.execute("update person set name = 'renamed by v1' where id = 1");
        db.execute("update person set full_name = 'renamed by v2' where id = 2");
        assertEquals("written by v1", db.value("select full_name from person where id = 100001"));
        assertEquals("written by v2", db.value("select name from person where id = 100002"));
        assertEquals("renamed by v1", db.value("select full_name from person where id = 1"));
        assertEquals("renamed by v2", db.value("select name from person where id = 2"));
        assertEquals("0", db.value("select count(*) from person where full_name is distinct from name"));

        // The next deploy applies the contract.
        try (Retort retort = retort(work, 2, "2.1")) {
            ReleaseReport report = retort.release();
            assertTrue(report.succeeded(), report.error() + " " + report.problems());
            assertEquals(List.of(contract.revision()), report.applied().stream().map(ReleaseReport.AppliedRevision::revision).toList());
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

    private Retort retort(Path work, int compiled, String version) {
        return Retort.configure().settings(Settings.builder().set(Setting.SOURCE_DIRECTORY, work.resolve("src").toString()).build())
                .url(db.jdbcUrl()).user(db.user()).password(db.password()).classLoader(loader(work.resolve("classes" + compiled)))
                .migrationsPackage(PACKAGE).applicationVersion(version).listener(MigrationListener.none()).load();
    }

    /** Hibernate's own check of the database against the entities, as an application starting with validate makes it. */
    private void validate(List<Class<?>> entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySettings(Map.of("hibernate.connection.datasource", db.dataSource(), "hibernate.hbm2ddl.auto", "validate"))
                .applySettings(NAMING).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
                factory.getMetamodel();
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
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
