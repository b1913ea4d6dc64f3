import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
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
        ms.put("read " + n + " entities (Hibernate metadata to schema model)", since(t));
        Path src = work.resolve("migrations-src");
        t = System.nanoTime();
        Generated generated;
        try (Retort retort = retort(base + "bench_auto_retort", user, src, AutogenerateBench.class.getClassLoader())) {
            generated = retort.generate(SchemaSource.of(model), "initial schema");
        }
        ms.put("generate: introspect the empty database, diff, write the migration", since(t));
        Path compiled = work.resolve("migrations-classes");
        t = System.nanoTime();
        compile(src, compiled, classPath);
        ms.put("compile the migration (" + Files.size(generated.file()) / 1024 + " KB of Java)", since(t));
        URLClassLoader migrations = new URLClassLoader(new URL[] {compiled.toUri().toURL()}, AutogenerateBench.class.getClassLoader());
        t = System.nanoTime();
        try (Retort retort = retort(base + "bench_auto_retort", user, src, migrations)) {
            retort.upgrade();
        }
        ms.put("upgrade: run it", since(t));
        t = System.nanoTime();
        int left;
        try (Retort retort = retort(base + "bench_auto_retort", user, src, migrations)) {
            left = retort.compare(model).changes().size();
        }
        ms.put("generate again: introspect " + n + " tables and diff (" + left + " changes)", since(t));

        hibernateCreate(base + "bench_auto_hibernate", user, classes);
        t = System.nanoTime();
        int changeSets = liquibaseChangelog(base + "bench_auto_hibernate", base + "bench_auto_empty", user, work.resolve("changelog.xml"));
        ms.put("Liquibase: diff the model's database against the empty one, write the changelog (" + changeSets + " change sets)", since(t));
        t = System.nanoTime();
        int unexpected = liquibaseDifferences(base + "bench_auto_hibernate", base + "bench_auto_retort", user);
        ms.put("Liquibase: diff the model's database against the one Retort migrated (" + unexpected + " differing objects)", since(t));

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

    private static void hibernateCreate(String url, String user, List<Class<?>> classes) {
        Map<String, Object> settings = new HashMap<>(Map.of("hibernate.connection.url", url, "hibernate.connection.username", user,
                "hibernate.hbm2ddl.auto", "create-only", "hibernate.hbm2ddl.halt_on_error", "true"));
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

    private static int liquibaseChangelog(String referenceUrl, String targetUrl, String user, Path changelog) throws Exception {
        try (Connection reference = DriverManager.getConnection(referenceUrl, user, ""); Connection target = DriverManager.getConnection(targetUrl, user, "")) {
            DiffResult diff = DiffGeneratorFactory.getInstance().compare(database(reference), database(target), CompareControl.STANDARD);
            try (PrintStream out = new PrintStream(changelog.toFile(), "UTF-8")) {
                new DiffToChangeLog(diff, new DiffOutputControl()).print(out);
            }
            return (int) Files.readAllLines(changelog).stream().filter(line -> line.contains("<changeSet ")).count();
        }
    }

    private static int liquibaseDifferences(String referenceUrl, String targetUrl, String user) throws Exception {
        try (Connection reference = DriverManager.getConnection(referenceUrl, user, ""); Connection target = DriverManager.getConnection(targetUrl, user, "")) {
            DiffResult diff = DiffGeneratorFactory.getInstance().compare(database(reference), database(target), CompareControl.STANDARD);
            diff.getMissingObjects().forEach(o -> System.err.println("Liquibase: only in Hibernate's: " + o.getObjectTypeName() + " " + o));
            diff.getUnexpectedObjects().forEach(o -> System.err.println("Liquibase: only in Retort's: " + o.getObjectTypeName() + " " + o));
            diff.getChangedObjects().forEach((o, d) -> System.err.println("Liquibase: changed: " + o.getObjectTypeName() + " " + o + " "
                    + d.getDifferences().stream().map(x -> x.getField() + ": " + x.getReferenceValue() + " / " + x.getComparedValue()).toList()));
            return diff.getMissingObjects().size() + diff.getUnexpectedObjects().size() + diff.getChangedObjects().size();
        }
    }

    private static Database database(Connection connection) throws Exception {
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
    }

    private static void admin(String base, String user, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(base + "postgres", user, ""); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static long since(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
