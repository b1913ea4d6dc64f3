package dev.retort.portable;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.schema.SchemaSource;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * One history for an application whose operator picks the database: generated once, on one database (PostgreSQL, or the
 * embedded H2 a developer runs), from entities that are neutral, then run unchanged on the others (MariaDB, an H2 file,
 * PostgreSQL), Hibernate's own schema validation ({@code hbm2ddl.auto=validate})
 * accepting each database at every revision, up and down.
 */
class PortableHistoryTest {

    private static final List<Class<?>> V1 = List.of(dev.retort.portable.v1.Shelf.class, dev.retort.portable.v1.Book.class);
    private static final List<Class<?>> V2 = List.of(dev.retort.portable.v2.Shelf.class, dev.retort.portable.v2.Book.class,
            dev.retort.portable.v2.Author.class);
    private static final String PLATFORMS = "postgresql,mariadb,h2";
    private static final String PACKAGE = "db.portable";
    /**
     * Lower-case names, as Spring Boot's naming gives them: PostgreSQL folds unquoted names to lower case and MariaDB
     * keeps a table name's case, so an entity named {@code Book} would be {@code book} on one and {@code Book} on the other.
     */
    private static final Map<String, Object> NAMING = Map.of("hibernate.physical_naming_strategy",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");

    @Test
    void aHistoryGeneratedOnPostgresRunsUnchangedOnMariaDbAndOnAnH2File(@TempDir Path work) {
        History history = generateOn("postgresql", work);
        runOn("mariadb", history);
        runOn("h2", history);
    }

    /** The embedded default is where a developer of a self-hosted application generates; production runs PostgreSQL. */
    @Test
    void aHistoryGeneratedOnH2RunsUnchangedOnPostgres(@TempDir Path work) {
        History history = generateOn("h2", work);
        runOn("postgresql", history);
    }

    /** The two revisions generate writes on a database of the platform for the two versions of the entities. */
    private static History generateOn(String platform, Path work) {
        try (TestDatabase db = TestDatabases.server(platform).createDatabase("portable_gen")) {
            String first = generate(db, work, 0, V1, "shelves and books");
            upgrade(db, work, 1);
            String second = generate(db, work, 1, V2, "authors and page counts");
            upgrade(db, work, 2);
            return new History(loader(work.resolve("classes2")), first, second);
        }
    }

    /** Upgrades and downgrades the history revision by revision on a fresh database of the platform, validating each. */
    private static void runOn(String platform, History history) {
        try (TestDatabase db = TestDatabases.server(platform).createDatabase("portable_run");
             Retort retort = retort(db, history.loader(), Settings.builder().build())) {
            retort.upgrade(history.first());
            validate(db, V1);
            retort.upgrade(history.second());
            validate(db, V2);
            retort.downgrade(history.first());
            validate(db, V1);
            retort.downgrade("base");
            for (String table : List.of("shelf", "book", "author")) {
                assertFalse(db.tableExists(table), "downgrade to base leaves no " + table);
            }
        }
    }

    private record History(ClassLoader loader, String first, String second) {
    }

    /** Generates a revision with the migrations compiled so far ({@code classes<compiled>}), and compiles them all again. */
    private static String generate(TestDatabase db, Path work, int compiled, List<Class<?>> entities, String message) {
        Generated generated;
        try (Retort retort = retort(db, loader(work.resolve("classes" + compiled)), Settings.builder().set(Setting.PLATFORMS, PLATFORMS)
                .set(Setting.SOURCE_DIRECTORY, work.resolve("src").toString()).build())) {
            generated = retort.generate(platform -> HibernateSchemaReader.read(entities, NAMING, platform), message);
        }
        assertFalse(generated.nothingToDo(), message);
        assertFalse(generated.source().contains("onlyOn"), "neutral entities give operations every database runs: " + generated.source());
        assertFalse(generated.source().contains("REVIEW"), generated.source());
        compile(work.resolve("src"), work.resolve("classes" + (compiled + 1)));
        return generated.revision();
    }

    private static void upgrade(TestDatabase db, Path work, int compiled) {
        try (Retort retort = retort(db, loader(work.resolve("classes" + compiled)), Settings.builder().build())) {
            retort.upgrade();
        }
    }

    private static Retort retort(TestDatabase db, ClassLoader migrations, Settings settings) {
        return Retort.configure().settings(settings).url(db.jdbcUrl()).user(db.user()).password(db.password()).classLoader(migrations)
                .migrationsPackage(PACKAGE).listener(MigrationListener.none()).load();
    }

    /** Hibernate's own check of the database against the entities, as an application starting with validate makes it. */
    private static void validate(TestDatabase db, List<Class<?>> entities) {
        dev.retort.rolling.HibernateValidation.validate(db.dataSource(), entities, NAMING);
    }

    /** Compiles the generated migrations as the application's build would. */
    private static void compile(Path sources, Path classes) {
        try (Stream<Path> files = Files.walk(sources)) {
            Files.createDirectories(classes);
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                    "-proc:none", "-nowarn"));
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            if (ToolProvider.getSystemJavaCompiler().run(null, output, output, args.toArray(String[]::new)) != 0) {
                throw new AssertionError("the generated migrations do not compile:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClassLoader loader(Path classes) {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, PortableHistoryTest.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
