import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.platform.Platforms;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;

import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.DiffToChangeLog;

/**
 * Retort's generate on N entities against an empty MariaDB database, beside Liquibase's diffChangeLog of a database Hibernate
 * created from the same entities against an empty one, in one JVM; checks both results and prints a Markdown table.
 */
public final class GenerateBench {
    private static final String RETORT = "bench_mariadb_gen_retort";
    private static final String HIBERNATE = "bench_mariadb_gen_hibernate";
    private static final String EMPTY = "bench_mariadb_gen_empty";

    /** Liquibase's differences between two databases: all of them, and those that are not Retort's own tables. */
    private record Differences(int all, long model) { }

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
        ms.put("Retort: read " + n + " entities (Hibernate metadata to schema model)", since(t));
        Path src = work.resolve("migrations-src");
        t = System.nanoTime();
        Generated generated;
        try (Retort retort = retort(base + RETORT, src, GenerateBench.class.getClassLoader())) {
            generated = retort.generate(SchemaSource.of(model), "initial schema");
        }
        ms.put("Retort: generate: introspect the empty database, diff, write the migration", since(t));
        ms.put("Retort: read + generate", ms.values().stream().mapToLong(Long::longValue).sum());
        Path compiled = work.resolve("migrations-classes");
        t = System.nanoTime();
        compile(src, compiled, classPath);
        ms.put("Retort (check): compile the migration (" + Files.size(generated.file()) / 1024 + " KB of Java)", since(t));
        URLClassLoader migrations = new URLClassLoader(new URL[] {compiled.toUri().toURL()}, GenerateBench.class.getClassLoader());
        t = System.nanoTime();
        try (Retort retort = retort(base + RETORT, src, migrations)) {
            retort.upgrade();
        }
        ms.put("Retort (check): upgrade: run it", since(t));
        t = System.nanoTime();
        int left;
        try (Retort retort = retort(base + RETORT, src, migrations)) {
            left = retort.compare(model).changes().size();
        }
        ms.put("Retort (check): compare again: introspect " + n + " tables and diff (" + left + " changes)", since(t));

        t = System.nanoTime();
        hibernateCreate(base + HIBERNATE, classes);
        ms.put("Liquibase's input: Hibernate's create-only builds the reference database from the " + n + " entities", since(t));
        t = System.nanoTime();
        int changeSets = liquibaseChangelog(base + HIBERNATE, base + EMPTY, work.resolve("changelog.xml"));
        ms.put("Liquibase: diffChangeLog: diff the reference database against the empty one, write the changelog ("
                + changeSets + " change sets)", since(t));
        t = System.nanoTime();
        Differences differing = liquibaseDifferences(base + HIBERNATE, base + RETORT);
        ms.put("Liquibase (check): diff the reference database against the one Retort migrated (" + differing.all() + " differing objects, "
                + differing.model() + " of them not Retort's own tables)", since(t));

        System.out.println("| step (" + n + " entities, MariaDB) | ms |");
        System.out.println("|---|---|");
        ms.forEach((step, value) -> System.out.println("| " + step + " | " + value + " |"));
        for (String db : List.of(RETORT, HIBERNATE, EMPTY)) {
            admin(base, "drop database " + db);
        }
        if (left != 0 || differing.model() != 0 || changeSets < 2 * n) {
            throw new IllegalStateException("check failed: " + left + " changes left after Retort's migration, " + differing.model()
                    + " differences between Hibernate's and Retort's schemas, " + changeSets + " change sets from Liquibase for " + n + " tables");
        }
    }

    private static Retort retort(String url, Path src, ClassLoader loader) {
        return Retort.configure().url(url).user("root").password("").classLoader(loader).migrationsPackage("db.migrations").sourceDirectory(src)
                .listener(MigrationListener.none()).load();
    }

    private static void compile(Path sources, Path classes, String classPath) throws Exception {
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath, "-proc:none", "-nowarn"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the migration does not compile");
        }
    }

    private static void hibernateCreate(String url, List<Class<?>> classes) {
        Map<String, Object> settings = new HashMap<>(Map.of("hibernate.connection.url", url, "hibernate.connection.username", "root",
                "hibernate.connection.password", "", "hibernate.hbm2ddl.auto", "create-only", "hibernate.hbm2ddl.halt_on_error", "true"));
        BootstrapServiceRegistryBuilder bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(classes.get(0).getClassLoader());
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap.build()).applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.forEach(sources::addAnnotatedClass);
            MetadataImplementor metadata = (MetadataImplementor) sources.buildMetadata();
            metadata.orderColumns(false);
            SchemaManagementToolCoordinator.process(metadata, registry, settings, action -> { });
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static int liquibaseChangelog(String referenceUrl, String targetUrl, Path changelog) throws Exception {
        try (Connection reference = DriverManager.getConnection(referenceUrl, "root", ""); Connection target = DriverManager.getConnection(targetUrl, "root", "")) {
            DiffResult diff = DiffGeneratorFactory.getInstance().compare(database(reference), database(target), CompareControl.STANDARD);
            try (PrintStream out = new PrintStream(changelog.toFile(), "UTF-8")) {
                new DiffToChangeLog(diff, new DiffOutputControl()).print(out);
            }
            return (int) Files.readAllLines(changelog).stream().filter(line -> line.contains("<changeSet ")).count();
        }
    }

    private static Differences liquibaseDifferences(String referenceUrl, String targetUrl) throws Exception {
        try (Connection reference = DriverManager.getConnection(referenceUrl, "root", ""); Connection target = DriverManager.getConnection(targetUrl, "root", "")) {
            DiffResult diff = DiffGeneratorFactory.getInstance().compare(database(reference), database(target), CompareControl.STANDARD);
            // Retort's own tables (retort_version, retort_history, their columns and keys) are expected; anything else is a difference.
            long model = Stream.concat(Stream.concat(diff.getMissingObjects().stream(), diff.getUnexpectedObjects().stream()),
                    diff.getChangedObjects().keySet().stream()).filter(o -> !o.toString().contains("retort_")).count();
            diff.getMissingObjects().forEach(o -> System.err.println("Liquibase: only in Hibernate's: " + o.getObjectTypeName() + " " + o));
            diff.getUnexpectedObjects().forEach(o -> System.err.println("Liquibase: only in Retort's: " + o.getObjectTypeName() + " " + o));
            diff.getChangedObjects().forEach((o, d) -> System.err.println("Liquibase: changed: " + o.getObjectTypeName() + " " + o + " "
                    + d.getDifferences().stream().map(x -> x.getField() + ": " + x.getReferenceValue() + " / " + x.getComparedValue()).toList()));
            return new Differences(diff.getMissingObjects().size() + diff.getUnexpectedObjects().size() + diff.getChangedObjects().size(), model);
        }
    }

    private static Database database(Connection connection) throws Exception {
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
    }

    private static void admin(String base, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(base, "root", ""); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static long since(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
