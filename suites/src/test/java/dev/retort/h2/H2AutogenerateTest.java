package dev.retort.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.platform.Platforms;
import dev.retort.schema.Comparison;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * Autogenerate on H2: what a generated revision makes is what Hibernate's own {@code create} makes on H2 (read back, the
 * two compare equal), Hibernate's {@code validate} accepts it, a second generate writes nothing, and verify proves the
 * history up, down and up on an in-memory dev database.
 */
class H2AutogenerateTest {

    private static final List<Class<?>> ENTITIES = List.of(dev.retort.h2.model.Shelf.class, dev.retort.h2.model.Item.class);
    private static final String PACKAGE = "db.h2gen";

    @Test
    void theEntitiesCompareEqualToWhatHibernateCreatesOnH2() {
        try (TestDatabase db = TestDatabases.server("h2").createDatabase("h2_hbm")) {
            hibernate(db, "create");
            try (Retort retort = Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password())
                    .listener(MigrationListener.none()).load()) {
                Comparison comparison = retort.compare(HibernateSchemaReader.read(ENTITIES, Map.of(), Platforms.named("h2")));
                assertTrue(comparison.isEmpty(), comparison.changes().toString());
            }
        }
    }

    @Test
    void aGeneratedRevisionMakesWhatHibernateValidatesAndASecondGenerateWritesNothing(@TempDir Path work) {
        try (TestDatabase db = TestDatabases.server("h2").createDatabase("h2_gen")) {
            Generated first;
            try (Retort retort = retort(db, loader(work.resolve("classes0")), work)) {
                first = retort.generate(platform -> HibernateSchemaReader.read(ENTITIES, Map.of(), platform), "shelves and items");
            }
            assertFalse(first.nothingToDo());
            compile(work.resolve("src"), work.resolve("classes1"));
            try (Retort retort = retort(db, loader(work.resolve("classes1")), work)) {
                assertEquals(1, retort.upgrade().steps().size());
                hibernate(db, "validate");
                Generated second = retort.generate(platform -> HibernateSchemaReader.read(ENTITIES, Map.of(), platform), "nothing");
                assertTrue(second.nothingToDo(), second.source());
                var verification = retort.verify(platform -> HibernateSchemaReader.read(ENTITIES, Map.of(), platform));
                assertTrue(verification.passed(), "verify on an in-memory H2 dev database: " + verification.problems());
                retort.downgrade("base");
            }
            assertFalse(db.tableExists("stock_item"));
        }
    }

    private static Retort retort(TestDatabase db, ClassLoader migrations, Path work) {
        return Retort.configure().settings(Settings.builder().set(Setting.SOURCE_DIRECTORY, work.resolve("src").toString())
                        .set(Setting.DEV_DATABASE, "mem").build())
                .url(db.jdbcUrl()).user(db.user()).password(db.password()).classLoader(migrations).migrationsPackage(PACKAGE)
                .listener(MigrationListener.none()).load();
    }

    /** Hibernate's own schema tool on the database, as an application starting with {@code hbm2ddl.auto} runs it. */
    private static void hibernate(TestDatabase db, String action) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySettings(Map.of("hibernate.connection.datasource", db.dataSource(), "hibernate.hbm2ddl.auto", action,
                        "hibernate.hbm2ddl.halt_on_error", "true"))
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
                factory.getMetamodel();
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

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
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, H2AutogenerateTest.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
