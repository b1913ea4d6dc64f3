package dev.retort.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.command.ReleaseReport;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.testing.Catalog;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * A rolling deploy with two real versions of an application running at once against one database, for each kind of
 * change {@code generateRolling} writes as expand and contract. The old version's jar runs a loop of inserts, updates and
 * selects through Hibernate; the new version's migrations are written by {@code generateRolling} from its entities against
 * the database at the old head and compiled into its jar; its {@code release} (the command line, run from that jar)
 * applies the expand and holds the contract; the new version then runs beside the old one; a rollback to the old jar is
 * accepted; the old version stops; the second release applies the contract, after which the rollback is refused. Neither
 * loop sees an error, and the schema ends as Hibernate would create it for the new entities.
 *
 * <p>Each kind is a pair of {@code Person} entities, old and new: adding a kind is one test of a few lines. The kinds: a
 * column renamed, a NOT NULL field removed, a column made NOT NULL, a table renamed, a column retyped and a column narrowed
 * (the shadow column). The type change's contract changes the type of a column the new version reads, under the
 * statements PostgreSQL holds prepared for its connections: each is refused once afterwards ("cached plan must not change
 * result type"), which Hibernate's {@code find} turns into a row not found. The application connects with pgjdbc's
 * {@code autosave=conservative}, as docs/rolling-deploys.md asks, so the driver prepares it again and retries
 * ({@link RollingApp#connectionUrl}).
 */
class TwoVersionsTest {

    /**
     * The platforms this deploy is proved on, the one place they are listed. On MariaDB each statement of an expand or a
     * contract commits on its own: the forms there leave the running version no moment between two of them to fail in
     * (one RENAME switching a renamed table and its view in, a contract's statements under LOCK TABLES).
     */
    static Stream<Arguments> platforms() {
        return TestDatabases.onPlatforms("postgresql", "mariadb");
    }

    private static final String EMAIL = "@Column(length = 320) String email;";
    private static final String NAME = "@Column(nullable = false, length = 100) String name;";
    /** How long both versions run together: long enough for many rounds of each, short for the build's time budget. */
    private static final long OVERLAP_MILLIS = 2000;
    private static final long OLD_IDS = 1_000_000;
    private static final long NEW_IDS = 2_000_000;
    private static final long APP_MAX_SECONDS = 120;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The database of the test method running: JUnit makes an instance of this class per test method. */
    private TestDatabase db;

    private void on(TestDatabase database) {
        this.db = database;
        db.reset();
    }

    @ParameterizedTest(name = "on {argumentSetName}")
    @MethodSource("platforms")
    void aColumnRenamed(TestDatabase database, @TempDir Path work) throws Exception {
        on(database);
        rollOut(work, SampleApp.person("", NAME, EMAIL),
                SampleApp.person("", "@Column(name = \"full_name\", nullable = false, length = 100) String fullName;", EMAIL));
    }

    @ParameterizedTest(name = "on {argumentSetName}")
    @MethodSource("platforms")
    void aFieldRemovedWhoseColumnIsNotNullWithoutDefault(TestDatabase database, @TempDir Path work) throws Exception {
        on(database);
        rollOut(work, SampleApp.person("", NAME, "@Column(nullable = false, length = 50) String nickname;", EMAIL),
                SampleApp.person("", NAME, EMAIL));
    }

    @ParameterizedTest(name = "on {argumentSetName}")
    @MethodSource("platforms")
    void aColumnMadeNotNull(TestDatabase database, @TempDir Path work) throws Exception {
        on(database);
        rollOut(work, SampleApp.person("", NAME, EMAIL),
                SampleApp.person("", NAME, "@Column(nullable = false, length = 320) String email;"));
    }

    @ParameterizedTest(name = "on {argumentSetName}")
    @MethodSource("platforms")
    void aColumnRetyped(TestDatabase database, @TempDir Path work) throws Exception {
        on(database);
        rollOut(work, SampleApp.person("", NAME, EMAIL, "@Column(nullable = false) Integer score;"),
                SampleApp.person("", NAME, EMAIL, "@Column(nullable = false) Long score;"));
    }

    @ParameterizedTest(name = "on {argumentSetName}")
    @MethodSource("platforms")
    void aColumnNarrowed(TestDatabase database, @TempDir Path work) throws Exception {
        on(database);
        rollOut(work, SampleApp.person("", NAME, EMAIL), SampleApp.person("", NAME, "@Column(length = 100) String email;"));
    }

    @ParameterizedTest(name = "on {argumentSetName}")
    @MethodSource("platforms")
    void aTableRenamed(TestDatabase database, @TempDir Path work) throws Exception {
        on(database);
        rollOut(work, SampleApp.person("", NAME, EMAIL), SampleApp.person("@Table(name = \"people\")", NAME, EMAIL));
    }

    /** The whole deploy, from the old version's first release to the new version's contract. */
    private void rollOut(Path work, String oldPerson, String newPerson) throws Exception {
        Path migrations = work.resolve("migrations");
        SampleApp old = new SampleApp(work.resolve("old"), oldPerson);
        old.compileEntities();
        try (Retort retort = retort(old, migrations, null)) {
            retort.generate(platform -> HibernateSchemaReader.read(old.entityClasses(), RollingApp.NAMING, platform), "sample application");
        }
        old.compileMigrations(migrations);
        try (Retort retort = retort(old, migrations, "1.0")) {
            ReleaseReport first = retort.release();
            assertTrue(first.succeeded(), first.summary().toString());
            old.pack(retort.revisionIndex());
        }

        // The new version's migrations, written from its entities against the database at the old head.
        SampleApp next = new SampleApp(work.resolve("new"), newPerson);
        next.compileEntities();
        List<String> rolling = new ArrayList<>();
        try (Retort retort = retort(old, migrations, null)) {
            for (Generated g = retort.generateRolling(platform -> HibernateSchemaReader.read(next.entityClasses(), RollingApp.NAMING, platform),
                    "rolling change"); g != null; g = g.followUp()) {
                rolling.add(g.revision());
            }
        }
        assertTrue(rolling.size() >= 2, "an expand and a contract at least: " + rolling);
        String table = tableOf(newPerson);
        next.compileMigrations(migrations);
        try (Retort retort = retort(next, migrations, null)) {
            next.pack(retort.revisionIndex());
        }

        try (Children children = new Children(work.resolve("logs"))) {
            Path stopOld = work.resolve("stop-old");
            Path stopNew = work.resolve("stop-new");
            List<String> timeline = new ArrayList<>();
            mark(timeline, "the old version starts");
            Process oldApp = app(children, old, OLD_IDS, stopOld, work.resolve("old.result"));
            awaitRows(oldApp, tableOf(oldPerson), OLD_IDS, 5);

            // The new version's release: the expand (and backfill) applied, the contract held for the next deploy.
            // A NOT NULL the change also sets is a second contract, held with the first.
            mark(timeline, "the first release (the expand, the backfill) starts");
            JsonNode release = release(children, next);
            mark(timeline, "the expand applied");
            List<String> applied = ids(release.get("applied"));
            List<String> held = ids(release.get("held"));
            assertEquals(rolling, java.util.stream.Stream.concat(applied.stream(), held.stream()).toList(), release.toString());
            assertTrue(applied.size() >= 1 && held.size() >= 1, release.toString());
            String contract = held.get(0);
            assertTrue(release.get("warnings").toString().contains("revision " + contract), release.toString());
            assertTrue(release.get("held").get(0).get("reason").asText().startsWith("held for the next deploy"), release.toString());

            mark(timeline, "the new version starts");
            Process newApp = app(children, next, NEW_IDS, stopNew, work.resolve("new.result"));
            awaitRows(newApp, table, NEW_IDS, 5);
            long oldBefore = rows(table, OLD_IDS);
            Thread.sleep(OVERLAP_MILLIS);
            assertTrue(rows(table, OLD_IDS) > oldBefore, "the old version kept writing beside the new one");

            // Between the two releases, going back to the old jar is safe.
            Children.Ran between = checkDeployable(children, next, old);
            assertEquals(0, between.exit(), between.out() + between.err());

            stop(oldApp, stopOld);
            mark(timeline, "the old version stopped; the second release (the contract) starts");
            JsonNode second = release(children, next);
            mark(timeline, "the contract applied");
            assertEquals(held, ids(second.get("applied")), second.toString());
            assertEquals(0, second.get("held").size(), second.toString());
            long newBefore = rows(table, NEW_IDS);
            awaitRows(newApp, table, NEW_IDS, newBefore + 5); // the new version runs on after the contract
            Children.Ran after = checkDeployable(children, next, old);
            assertEquals(1, after.exit(), after.out() + after.err());
            assertTrue(after.out().contains(contract + " (a contract"), after.out());
            stop(newApp, stopNew);

            assertClean(work.resolve("old.result"), timeline);
            assertClean(work.resolve("new.result"), timeline);
            assertTrue(children.noneLeft(), "a child process still runs");
        }
        // The schema the deploy ends with is the one Hibernate creates for the new entities (made here in the emptied
        // database: cheaper than a second one).
        List<String> migrated = catalog(db);
        db.reset();
        hibernateCreates(next.entityClasses());
        assertEquals(catalog(db), migrated);
    }

    private Retort retort(SampleApp app, Path migrations, String version) {
        return Retort.configure().settings(Settings.builder().set(Setting.SOURCE_DIRECTORY, migrations.toString()).build())
                .url(db.jdbcUrl()).user(db.user()).password(db.password()).classLoader(app.loader())
                .migrationsPackage(SampleApp.MIGRATIONS).applicationVersion(version).listener(MigrationListener.none()).load();
    }

    /** Starts a version of the application: its jar first on the class path, {@link RollingApp} its loop. */
    private Process app(Children children, SampleApp app, long firstId, Path stop, Path result) {
        return children.start("app", List.of(app.jar()), RollingApp.class.getName(), List.of(db.jdbcUrl(), db.user(),
                db.password() == null ? "" : db.password(), String.valueOf(firstId), stop.toString(), result.toString(),
                String.valueOf(APP_MAX_SECONDS)));
    }

    /** {@code release --json}, from the jar: it must succeed; its report. */
    private JsonNode release(Children children, SampleApp app) throws Exception {
        Children.Ran ran = cli(children, app, "release", "--json");
        assertEquals(0, ran.exit(), ran.out() + ran.err());
        return JSON.readTree(ran.out());
    }

    private Children.Ran checkDeployable(Children children, SampleApp from, SampleApp artifact) throws Exception {
        return cli(children, from, "check-deployable", "--artifact", artifact.jar().toString());
    }

    /** The command line from an application's jar, on the test database. */
    private Children.Ran cli(Children children, SampleApp app, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--url", db.jdbcUrl(), "--user", db.user(), "--package", SampleApp.MIGRATIONS));
        if (db.password() != null && !db.password().isEmpty()) {
            args.addAll(List.of("--password", db.password()));
        }
        return children.run(command[0], List.of(app.jar()), "dev.retort.cli.Main", args);
    }

    /** The table of a {@code Person} entity's source: its {@code @Table} name, else {@code person}. */
    private static String tableOf(String entity) {
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("@Table\\(name = \"([a-z_]+)\"\\)").matcher(entity);
        return named.find() ? named.group(1) : "person";
    }

    /** The rows of the {@code Person} table from one version's range of ids. */
    private long rows(String table, long firstId) {
        return Long.parseLong(db.value("select count(*) from " + table + " where id >= " + firstId + " and id < " + (firstId + OLD_IDS)));
    }

    /** Waits until a version has written this many rows (at most a minute), failing if it stops. */
    private void awaitRows(Process app, String table, long firstId, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        LongSupplier written = () -> rows(table, firstId);
        while (written.getAsLong() < count) {
            assertTrue(app.isAlive(), "the application stopped: exit " + (app.isAlive() ? "" : app.exitValue()));
            assertTrue(System.nanoTime() < deadline, "the application wrote " + written.getAsLong() + " of " + count + " rows in a minute");
            Thread.sleep(50);
        }
    }

    private static void stop(Process app, Path stopFile) throws Exception {
        Files.writeString(stopFile, "stop");
        assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the application did not stop within 30 s");
        assertEquals(0, app.exitValue());
    }

    /** A version's loop wrote rows and met no error (its log has each error's time and trace, to place among the steps). */
    private static void assertClean(Path result, List<String> timeline) {
        String text = Children.read(result);
        assertTrue(text.startsWith("written=") && text.contains(" errors=0") && !text.startsWith("written=0 "),
                () -> text + "\nthe deploy's steps:\n" + String.join("\n", timeline));
    }

    /** Notes when a step of the deploy happened, for a failure's message. */
    private static void mark(List<String> timeline, String step) {
        timeline.add(Instant.now() + " " + step);
    }

    private static List<String> ids(JsonNode applied) {
        List<String> ids = new ArrayList<>();
        applied.forEach(a -> ids.add(a.get("revision").asText()));
        return ids;
    }

    /** Hibernate's own create of these entities, in the test database. */
    private void hibernateCreates(List<Class<?>> entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(new BootstrapServiceRegistryBuilder()
                .applyClassLoader(entities.get(0).getClassLoader()).build())
                .applySettings(Map.of("hibernate.connection.datasource", db.dataSource(), "hibernate.hbm2ddl.auto", "create"))
                .applySettings(RollingApp.NAMING).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
                assertNotNull(factory.getMetamodel());
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /** The catalog but where each column sits: a column added by a migration comes last, Hibernate's create orders its own. */
    private static List<String> catalog(TestDatabase database) {
        return Catalog.snapshot(database).stream().map(line -> line.replaceFirst(" #\\d+ ", " ")).toList();
    }
}
