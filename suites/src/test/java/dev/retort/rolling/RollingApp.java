package dev.retort.rolling;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

import jakarta.persistence.Id;

/**
 * The code of the sample application that does not change between its versions: a loop that inserts, updates and selects
 * its entities through Hibernate ({@code hbm2ddl} none, the schema is Retort's), counting the errors, until a stop file
 * appears. The entities are the version's own, listed in its jar at {@link #ENTITIES}; so each version's jar on the class
 * path makes this loop that version of the application.
 */
public final class RollingApp {

    /** The resource of an application jar listing its entity classes, one a line. */
    static final String ENTITIES = "META-INF/rolling-app.entities";
    /** The physical naming both the application and its migrations' generation use. */
    static final Map<String, Object> NAMING = Map.of("hibernate.physical_naming_strategy",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");

    private RollingApp() {
    }

    /**
     * Arguments: URL, user, password (may be empty), the first id it writes, the stop file, the result file, the most
     * seconds it runs. The result file says {@code written=N errors=M} and the first error, written when it stops.
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        long firstId = Long.parseLong(args[3]);
        Path stop = Path.of(args[4]);
        Path result = Path.of(args[5]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[6]));

        Map<String, Object> settings = new HashMap<>(NAMING);
        settings.put("hibernate.connection.url", connectionUrl(url));
        settings.put("hibernate.connection.username", user);
        if (!password.isEmpty()) {
            settings.put("hibernate.connection.password", password);
        }
        settings.put("hibernate.hbm2ddl.auto", "none");
        List<Class<?>> entities = entities();
        long written = 0;
        long errors = 0;
        String firstError = "";
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
                for (long id = firstId; !Files.exists(stop) && System.nanoTime() < deadline; id++) {
                    try {
                        round(factory, entities, id);
                        written++;
                    } catch (RuntimeException e) {
                        errors++;
                        // Each error with its time and whole trace in the log, to place it among the deploy's steps.
                        StringWriter trace = new StringWriter();
                        e.printStackTrace(new PrintWriter(trace));
                        System.err.println(Instant.now() + " round " + id + " failed: " + trace);
                        if (firstError.isEmpty()) {
                            firstError = Instant.now() + " " + e + (e.getCause() == null ? "" : " caused by " + e.getCause());
                        }
                    }
                    Thread.sleep(10);
                }
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
            Files.writeString(result, "written=" + written + " errors=" + errors + " retried=" + RETRIED.get() + "\n" + firstError,
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * The application's connection URL: on PostgreSQL with {@code autosave=conservative}, as docs/rolling-deploys.md asks
     * of an application running across a type change's contract. The contract changes the type of a column this version
     * reads, so each statement PostgreSQL holds prepared for a connection is refused once afterwards ("cached plan must
     * not change result type"); the driver prepares it again and retries by itself outside a transaction, and inside one
     * only with this savepoint to return to. Without it Hibernate's {@code find} logs the error and returns null.
     */
    static String connectionUrl(String url) {
        if (!url.startsWith("jdbc:postgresql:") || url.contains("autosave=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "autosave=conservative";
    }

    /** Transactions run again after a deadlock, as InnoDB's manual asks of every application; printed in the result. */
    static final java.util.concurrent.atomic.AtomicLong RETRIED = new java.util.concurrent.atomic.AtomicLong();

    /** A transaction of a round. */
    private interface Work {
        void run() throws ReflectiveOperationException;
    }

    /**
     * Runs a transaction, once more (at most three times) when the database chose it as a deadlock's victim (SQLSTATE
     * 40001): on MariaDB and MySQL a concurrent schema change or backfill can, and the transaction rolled back whole.
     */
    private static void retrying(Work work) throws ReflectiveOperationException {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (attempt == 3 || !deadlock(e)) {
                    throw e;
                }
                RETRIED.incrementAndGet();
                System.err.println(Instant.now() + " retried after a deadlock: " + e);
            }
        }
    }

    private static boolean deadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** One round: an insert of each entity, an update of what it inserted, and selects that read the other version's rows too. */
    private static void round(SessionFactory factory, List<Class<?>> entities, long id) throws ReflectiveOperationException {
        retrying(() -> {
            try (Session session = factory.openSession()) {
                Transaction tx = session.beginTransaction();
                for (Class<?> entity : entities) {
                    Object row = entity.getDeclaredConstructor().newInstance();
                    fill(row, id, "inserted " + id);
                    session.persist(row);
                }
                tx.commit();
            }
        });
        retrying(() -> {
            try (Session session = factory.openSession()) {
                Transaction tx = session.beginTransaction();
                for (Class<?> entity : entities) {
                    Object row = session.find(entity, id);
                    if (row == null) {
                        throw new IllegalStateException(entity.getSimpleName() + " " + id + ", inserted and committed, was not found");
                    }
                    fill(row, id, "updated " + id);
                }
                tx.commit();
            }
        });
        try (Session session = factory.openSession()) {
            for (Class<?> entity : entities) {
                // The newest rows (the newer version writes the higher ids) and the oldest, with every mapped column.
                for (String order : new String[] {"desc", "asc"}) {
                    List<?> rows = session.createQuery("from " + entity.getSimpleName() + " e order by e.id " + order, entity).setMaxResults(20).list();
                    if (rows.isEmpty()) {
                        throw new IllegalStateException("no " + entity.getSimpleName() + " read back");
                    }
                }
            }
        }
    }

    /** Sets the id (on an insert) and every other field of a row to a value of its type. */
    private static void fill(Object row, long id, String text) throws IllegalAccessException {
        for (Field field : row.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            if (field.isAnnotationPresent(Id.class)) {
                if (field.get(row) == null) {
                    field.set(row, id);
                }
            } else if (field.getType() == String.class) {
                field.set(row, text);
            } else if (field.getType() == Long.class || field.getType() == long.class) {
                field.set(row, id);
            } else if (field.getType() == Integer.class || field.getType() == int.class) {
                field.set(row, (int) (id % Integer.MAX_VALUE));
            } else {
                throw new IllegalStateException("the sample application fills no field of type " + field.getType());
            }
        }
    }

    private static List<Class<?>> entities() throws IOException, ClassNotFoundException {
        List<Class<?>> entities = new ArrayList<>();
        try (InputStream in = RollingApp.class.getClassLoader().getResourceAsStream(ENTITIES)) {
            if (in == null) {
                throw new IllegalStateException("no " + ENTITIES + " on the class path: put an application jar on it");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    entities.add(Class.forName(line.strip()));
                }
            }
        }
        return entities;
    }
}
