package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.RetortException;
import dev.retort.internal.hibernate.ApplicationHibernate;
import dev.retort.platform.Platforms;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * Which Hibernate reads a project's entities: the one on the project's class path, in a class loader of its own,
 * or, where the project has none, Retort's own; each says so. (The five supported versions themselves are read in
 * the Maven plugin's hibernate-matrix integration test.)
 */
@PostgresTest
class ProjectHibernateTest {

    private static final Map<String, String> MODEL = Map.of("shop.Item", """
            package shop;
            import jakarta.persistence.*;
            @Entity public class Item { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
              @Column(length = 40, nullable = false) String name; }
            """);

    private final TestDatabase db;

    ProjectHibernateTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void theProjectsOwnHibernateReadsTheEntitiesInALoaderOfItsOwn(@TempDir Path work) {
        List<Class<?>> entities = JavaSources.compile(work.resolve("model"), MODEL);
        List<Path> classPath = new ArrayList<>(testClassPath());
        classPath.add(0, work.resolve("model/classes"));

        try (ApplicationHibernate application = ApplicationHibernate.forClassPath(classPath)) {
            assertNotSame(ApplicationHibernate.class.getClassLoader(), application.reader().getClass().getClassLoader());
            assertNotSame(org.hibernate.Version.class, load("org.hibernate.Version", application.loader()));
        }
        List<String> said = new ArrayList<>();
        SchemaModel model = HibernateSchemaSource.builder().classPath(classPath).packages(List.of("shop")).log(said::add).build()
                .read(Platforms.named("postgresql"));
        assertEquals(List.of("Reading the entities with Hibernate ORM " + org.hibernate.Version.getVersionString()
                + " from the project's class path."), said);
        assertEquals(HibernateSchemaReader.read(entities, Map.of()), model);

        Convergence round = new Convergence(db, work);
        round.generate(model, "initial");
        round.upgrade();
        assertEquals(List.of("id bigint", "name character varying"), db.column(
                "select column_name || ' ' || data_type from information_schema.columns where table_name = 'item' order by ordinal_position"));
    }

    @Test
    void withoutHibernateOnTheClassPathRetortsOwnReadsThemAndSaysSo(@TempDir Path work) {
        JavaSources.compile(work.resolve("model"), MODEL);
        List<Path> classPath = List.of(work.resolve("model/classes"), jar(jakarta.persistence.Entity.class));
        List<String> said = new ArrayList<>();
        SchemaModel model = HibernateSchemaSource.builder().classPath(classPath).packages(List.of("shop")).log(said::add).build()
                .read(Platforms.named("postgresql"));
        assertEquals(List.of("The project has no Hibernate ORM on its class path; reading the entities with Retort's own Hibernate ORM "
                + org.hibernate.Version.getVersionString() + "."), said);
        assertEquals(List.of("item"), model.tables().stream().map(t -> t.name()).toList());
        db.execute("create table item (id bigint)");
        assertTrue(db.tableExists("item"));
    }

    @Test
    void aHibernateOlderThanSixFourIsRefusedInOneLine(@TempDir Path work) {
        JavaSources.compile(work.resolve("old"), Map.of("org.hibernate.Version", """
                package org.hibernate;
                public final class Version { public static String getVersionString() { return "5.6.15.Final"; } }
                """));
        RetortException refused = assertThrows(RetortException.class, () -> HibernateSchemaSource.builder()
                .classPath(List.of(work.resolve("old/classes"))).packages(List.of("shop")).build().read(Platforms.named("postgresql")));
        assertEquals("The project uses Hibernate ORM 5.6.15.Final; Retort reads entities with Hibernate ORM 6.4 or later (6.x, 7.x): "
                + "upgrade the project's Hibernate.", refused.getMessage());
        assertEquals("0", db.value("select count(*) from pg_tables where schemaname = 'public'"));
    }

    static List<Path> testClassPath() {
        return Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(e -> !e.isBlank()).map(Path::of).toList();
    }

    private static Path jar(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
