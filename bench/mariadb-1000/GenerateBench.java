import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.platform.Platforms;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;

import liquibase.structure.DatabaseObject;

/**
 * Retort's generate on N entities against an empty MariaDB database, beside Liquibase's diffChangeLog of a database Hibernate
 * created from the same entities against an empty one, in one JVM; checks both results and prints a Markdown table.
 */
public final class GenerateBench {
    private static final String RETORT = "bench_mariadb_gen_retort";
    private static final String HIBERNATE = "bench_mariadb_gen_hibernate";
    private static final String EMPTY = "bench_mariadb_gen_empty";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path entityClasses = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        Path work = Path.of(args[3]);
        String classPath = args[4];
        URLClassLoader entities = new URLClassLoader(new URL[] {entityClasses.toUri().toURL()}, GenerateBench.class.getClassLoader());
        List<Class<?>> classes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            classes.add(Class.forName(String.format("large.T%04d", i), false, entities));
        }
        for (String db : List.of(RETORT, HIBERNATE, EMPTY)) {
            admin(base, "drop database if exists " + db, "create database " + db);
        }
        Map<String, Long> ms = new LinkedHashMap<>();

        long t = System.nanoTime();
        SchemaModel model = HibernateSchemaReader.read(classes, Map.of(), Platforms.named("mariadb"));
        ms.put("Retort: read " + n + " entities (Hibernate metadata to schema model)", BenchSupport.since(t));
        Path src = work.resolve("migrations-src");
        t = System.nanoTime();
        Generated generated;
        try (Retort retort = retort(base + RETORT, src, GenerateBench.class.getClassLoader())) {
            generated = retort.generate(SchemaSource.of(model), "initial schema");
        }
        ms.put("Retort: generate: introspect the empty database, diff, write the migration", BenchSupport.since(t));
        ms.put("Retort: read + generate", ms.values().stream().mapToLong(Long::longValue).sum());
        Path compiled = work.resolve("migrations-classes");
        t = System.nanoTime();
        BenchSupport.compile(src, compiled, classPath);
        ms.put("Retort (check): compile the migration (" + Files.size(generated.file()) / 1024 + " KB of Java)", BenchSupport.since(t));
        URLClassLoader migrations = new URLClassLoader(new URL[] {compiled.toUri().toURL()}, GenerateBench.class.getClassLoader());
        t = System.nanoTime();
        try (Retort retort = retort(base + RETORT, src, migrations)) {
            retort.upgrade();
        }
        ms.put("Retort (check): upgrade: run it", BenchSupport.since(t));
        t = System.nanoTime();
        int left;
        try (Retort retort = retort(base + RETORT, src, migrations)) {
            left = retort.compare(model).changes().size();
        }
        ms.put("Retort (check): compare again: introspect " + n + " tables and diff (" + left + " changes)", BenchSupport.since(t));

        t = System.nanoTime();
        BenchSupport.hibernateCreate(base + HIBERNATE, "root", "", classes);
        ms.put("Liquibase's input: Hibernate's create-only builds the reference database from the " + n + " entities", BenchSupport.since(t));
        t = System.nanoTime();
        int changeSets = BenchSupport.liquibaseChangelog(base + HIBERNATE, base + EMPTY, "root", "", work.resolve("changelog.xml"));
        ms.put("Liquibase: diffChangeLog: diff the reference database against the empty one, write the changelog ("
                + changeSets + " change sets)", BenchSupport.since(t));
        t = System.nanoTime();
        List<DatabaseObject> differing = BenchSupport.liquibaseDifferences(base + HIBERNATE, base + RETORT, "root", "");
        // Retort's own tables (retort_version, retort_history, their columns and keys) are expected; anything else is a difference.
        long modelDifferences = differing.stream().filter(o -> !o.toString().contains("retort_")).count();
        ms.put("Liquibase (check): diff the reference database against the one Retort migrated (" + differing.size() + " differing objects, "
                + modelDifferences + " of them not Retort's own tables)", BenchSupport.since(t));

        System.out.println("| step (" + n + " entities, MariaDB) | ms |");
        System.out.println("|---|---|");
        ms.forEach((step, value) -> System.out.println("| " + step + " | " + value + " |"));
        for (String db : List.of(RETORT, HIBERNATE, EMPTY)) {
            admin(base, "drop database " + db);
        }
        if (left != 0 || modelDifferences != 0 || changeSets < 2 * n) {
            throw new IllegalStateException("check failed: " + left + " changes left after Retort's migration, " + modelDifferences
                    + " differences between Hibernate's and Retort's schemas, " + changeSets + " change sets from Liquibase for " + n + " tables");
        }
    }

    private static Retort retort(String url, Path src, ClassLoader loader) {
        return Retort.configure().url(url).user("root").password("").classLoader(loader).migrationsPackage("db.migrations").sourceDirectory(src)
                .listener(MigrationListener.none()).load();
    }

    private static void admin(String base, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(base, "root", ""); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

}
