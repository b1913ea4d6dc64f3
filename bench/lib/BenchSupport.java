import java.io.PrintStream;
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

import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.structure.DatabaseObject;

/** What the generate benchmarks share: compiling a generated migration, Hibernate's create, and Liquibase's diffs. */
final class BenchSupport {
    private BenchSupport() {
    }

    /** Compiles the Java sources under {@code sources} into {@code classes}. */
    static void compile(Path sources, Path classes, String classPath) throws Exception {
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath, "-proc:none", "-nowarn"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the migration does not compile");
        }
    }

    /** Hibernate's {@code create-only} of the entities on the database at {@code url}: the reference Liquibase diffs. */
    static void hibernateCreate(String url, String user, String password, List<Class<?>> classes) {
        Map<String, Object> settings = new HashMap<>(Map.of("hibernate.connection.url", url, "hibernate.connection.username", user,
                "hibernate.connection.password", password, "hibernate.hbm2ddl.auto", "create-only", "hibernate.hbm2ddl.halt_on_error", "true"));
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

    /** What {@code liquibase diffChangeLog} does: diffs the reference database against the target, writes the changelog, counts its change sets. */
    static int liquibaseChangelog(String referenceUrl, String targetUrl, String user, String password, Path changelog) throws Exception {
        try (Connection reference = DriverManager.getConnection(referenceUrl, user, password);
                Connection target = DriverManager.getConnection(targetUrl, user, password)) {
            DiffResult diff = DiffGeneratorFactory.getInstance().compare(database(reference), database(target), CompareControl.STANDARD);
            try (PrintStream out = new PrintStream(changelog.toFile(), "UTF-8")) {
                new DiffToChangeLog(diff, new DiffOutputControl()).print(out);
            }
            return (int) Files.readAllLines(changelog).stream().filter(line -> line.contains("<changeSet ")).count();
        }
    }

    /** Liquibase's diff of the reference database against the target: the objects that differ, each printed on standard error. */
    static List<DatabaseObject> liquibaseDifferences(String referenceUrl, String targetUrl, String user, String password) throws Exception {
        try (Connection reference = DriverManager.getConnection(referenceUrl, user, password);
                Connection target = DriverManager.getConnection(targetUrl, user, password)) {
            DiffResult diff = DiffGeneratorFactory.getInstance().compare(database(reference), database(target), CompareControl.STANDARD);
            diff.getMissingObjects().forEach(o -> System.err.println("Liquibase: only in Hibernate's: " + o.getObjectTypeName() + " " + o));
            diff.getUnexpectedObjects().forEach(o -> System.err.println("Liquibase: only in Retort's: " + o.getObjectTypeName() + " " + o));
            diff.getChangedObjects().forEach((o, d) -> System.err.println("Liquibase: changed: " + o.getObjectTypeName() + " " + o + " "
                    + d.getDifferences().stream().map(x -> x.getField() + ": " + x.getReferenceValue() + " / " + x.getComparedValue()).toList()));
            List<DatabaseObject> differing = new ArrayList<>(diff.getMissingObjects());
            differing.addAll(diff.getUnexpectedObjects());
            differing.addAll(diff.getChangedObjects().keySet());
            return differing;
        }
    }

    static long since(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Database database(Connection connection) throws Exception {
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
    }
}
