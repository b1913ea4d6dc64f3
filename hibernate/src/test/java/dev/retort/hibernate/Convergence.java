package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.Catalog;
import dev.retort.testing.PostgresServer;
import dev.retort.testing.TestDatabase;

/**
 * The autogenerate round trip for one entity model: generate from an empty database, compile,
 * upgrade, generate again (no changes), compare with hbm2ddl's schema, downgrade to base (nothing left).
 */
final class Convergence {

    static final String PACKAGE = "db.migrations";

    private final TestDatabase db;
    private final Path work;
    private int compiles;

    Convergence(TestDatabase db, Path work) {
        this.db = db;
        this.work = work;
    }

    Retort retort() {
        URLClassLoader loader = JavaSources.loader(work.resolve("classes" + compiles));
        return Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password()).classLoader(loader)
                .migrationsPackage(PACKAGE).sourceDirectory(work.resolve("src")).listener(MigrationListener.none()).load();
    }

    /** Generates a revision for the model, compiles every migration so far, and returns the generated source. */
    dev.retort.command.Generated generate(SchemaModel model, String message) {
        return generate(model, message, false);
    }

    /** As {@link #generate(SchemaModel, String)}, with generate's safe option. */
    dev.retort.command.Generated generate(SchemaModel model, String message, boolean safe) {
        dev.retort.command.Generated generated;
        try (Retort retort = retort()) {
            generated = retort.generate(dev.retort.schema.SchemaSource.of(model), message, safe);
        }
        if (!generated.nothingToDo()) {
            recompile();
        }
        return generated;
    }

    /** Compiles every migration again, after a test edited one as a developer would. */
    void recompile() {
        compiles++;
        JavaSources.compileTree(work.resolve("src"), work.resolve("classes" + compiles));
    }

    void upgrade() {
        try (Retort retort = retort()) {
            retort.upgrade();
        }
    }

    void assertNoChanges(SchemaModel model) {
        try (Retort retort = retort()) {
            var comparison = retort.compare(model);
            assertTrue(comparison.isEmpty(), () -> "generate after upgrade still finds changes:\n"
                    + String.join("\n", comparison.changes().stream().map(c -> c.summary()).toList()));
        }
    }

    /** The full round trip against hbm2ddl's schema; returns the first generated source for further checks. */
    static String run(TestDatabase db, Path work, List<Class<?>> entities, Map<String, Object> settings) {
        return run(db, work, HibernateSchemaReader.read(entities, settings), reference -> Hbm2ddl.create(reference, entities, settings));
    }

    /**
     * The full round trip for a model read beforehand, against the schema {@code reference} creates in another
     * database (Hibernate's own create, in one of its forms); returns the first generated source.
     */
    static String run(TestDatabase db, Path work, SchemaModel model, Consumer<TestDatabase> reference) {
        db.reset();
        Convergence c = new Convergence(db, work);
        dev.retort.command.Generated first = c.generate(model, "initial schema");
        assertFalse(first.nothingToDo(), "an empty database must differ from the entities");
        c.upgrade();
        c.assertNoChanges(model);
        assertTrue(c.generate(model, "again").nothingToDo(), "a second generate must write nothing");

        List<String> retortCatalog = Catalog.snapshot(db);
        TestDatabase hibernate = PostgresServer.get().createDatabase("hbm2ddl");
        try {
            reference.accept(hibernate);
            List<String> hbm2ddlCatalog = Catalog.snapshot(hibernate);
            List<String> onlyHbm2ddl = hbm2ddlCatalog.stream().filter(l -> !retortCatalog.contains(l)).toList();
            List<String> onlyRetort = retortCatalog.stream().filter(l -> !hbm2ddlCatalog.contains(l)).toList();
            assertTrue(onlyHbm2ddl.isEmpty() && onlyRetort.isEmpty(), () -> "the schema Retort built differs from Hibernate's:\nonly Hibernate:\n  "
                    + String.join("\n  ", onlyHbm2ddl) + "\nonly Retort:\n  " + String.join("\n  ", onlyRetort));
            assertEquals(hbm2ddlCatalog, retortCatalog);
        } finally {
            PostgresServer.get().dropDatabase(hibernate);
        }

        try (Retort retort = c.retort()) {
            retort.downgrade("base");
        }
        assertEquals(List.of("schema public"), Catalog.snapshot(db), "downgrade to base must leave nothing behind");
        return first.source();
    }
}
