import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;

/** Times Retort's autogenerate round trip on N entities and Liquibase's diff of the same model; prints a Markdown table. */
public final class AutogenerateBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args[1];
        Path entityClasses = Path.of(args[2]);
        int n = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        String classPath = args[5];
        URLClassLoader entities = new URLClassLoader(new URL[] {entityClasses.toUri().toURL()}, AutogenerateBench.class.getClassLoader());
        List<Class<?>> classes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            classes.add(Class.forName(String.format("large.T%04d", i), false, entities));
        }
        for (String db : List.of("bench_auto_retort", "bench_auto_hibernate", "bench_auto_empty")) {
            admin(base, user, "drop database if exists " + db + " with (force)", "create database " + db);
        }
        Map<String, Long> ms = new java.util.LinkedHashMap<>();

        long t = System.nanoTime();
        SchemaModel model = HibernateSchemaReader.read(classes, Map.of());
        ms.put("read " + n + " entities (Hibernate metadata to schema model)", BenchSupport.since(t));
        Path src = work.resolve("migrations-src");
        t = System.nanoTime();
        Generated generated;
        try (Retort retort = retort(base + "bench_auto_retort", user, src, AutogenerateBench.class.getClassLoader())) {
            generated = retort.generate(SchemaSource.of(model), "initial schema");
        }
        ms.put("generate: introspect the empty database, diff, write the migration", BenchSupport.since(t));
        Path compiled = work.resolve("migrations-classes");
        t = System.nanoTime();
        BenchSupport.compile(src, compiled, classPath);
        ms.put("compile the migration (" + Files.size(generated.file()) / 1024 + " KB of Java)", BenchSupport.since(t));
        URLClassLoader migrations = new URLClassLoader(new URL[] {compiled.toUri().toURL()}, AutogenerateBench.class.getClassLoader());
        t = System.nanoTime();
        try (Retort retort = retort(base + "bench_auto_retort", user, src, migrations)) {
            retort.upgrade();
        }
        ms.put("upgrade: run it", BenchSupport.since(t));
        t = System.nanoTime();
        int left;
        try (Retort retort = retort(base + "bench_auto_retort", user, src, migrations)) {
            left = retort.compare(model).changes().size();
        }
        ms.put("generate again: introspect " + n + " tables and diff (" + left + " changes)", BenchSupport.since(t));

        BenchSupport.hibernateCreate(base + "bench_auto_hibernate", user, "", classes);
        t = System.nanoTime();
        int changeSets = BenchSupport.liquibaseChangelog(base + "bench_auto_hibernate", base + "bench_auto_empty", user, "", work.resolve("changelog.xml"));
        ms.put("Liquibase: diff the model's database against the empty one, write the changelog (" + changeSets + " change sets)", BenchSupport.since(t));
        t = System.nanoTime();
        int unexpected = BenchSupport.liquibaseDifferences(base + "bench_auto_hibernate", base + "bench_auto_retort", user, "").size();
        ms.put("Liquibase: diff the model's database against the one Retort migrated (" + unexpected + " differing objects)", BenchSupport.since(t));

        System.out.println("| step (" + n + " entities) | ms |");
        System.out.println("|---|---|");
        ms.forEach((step, value) -> System.out.println("| " + step + " | " + value + " |"));
        for (String db : List.of("bench_auto_retort", "bench_auto_hibernate", "bench_auto_empty")) {
            admin(base, user, "drop database " + db + " with (force)");
        }
    }

    private static Retort retort(String url, String user, Path src, ClassLoader loader) {
        return Retort.configure().url(url).user(user).password("").classLoader(loader).migrationsPackage("db.migrations").sourceDirectory(src)
                .listener(MigrationListener.none()).load();
    }

    private static void admin(String base, String user, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(base + "postgres", user, ""); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

}
