package dev.retort.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What Maven Invoker integration tests share, called from their one-line {@code prebuild.groovy} and
 * {@code postbuild.groovy}: a fresh database per IT from the same source as the unit tests, handed to
 * the IT's builds as {@code migrations.url}/{@code user}/{@code password}, and queries for assertions.
 */
public final class InvokerSupport {

    private static final String STATE = "it-database.properties";
    private static final String SEVERAL = "it-databases.properties";

    private InvokerSupport() {
    }

    /**
     * Copies sources several ITs share (a directory laid out as a source root: {@code db/migrations/M1_….java}) into the
     * IT's {@code src/main/java}, from its prebuild script, so each IT keeps only what is its own.
     */
    public static void copySources(File basedir, String sharedSources) {
        Path from = Path.of(sharedSources);
        Path to = basedir.toPath().resolve("src/main/java");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the IT's database and passes it to every build of the IT as user properties. */
    public static void createDatabase(File basedir, Map<Object, Object> userProperties) {
        createDatabase(basedir, userProperties, "postgresql");
    }

    /** As {@link #createDatabase(File, Map)}, on a platform's server: {@code postgresql}, or {@code mariadb} (127.0.0.1:3306 by default). */
    public static void createDatabase(File basedir, Map<Object, Object> userProperties, String platform) {
        TestDatabase db = server(platform).createDatabase("it_" + basedir.getName());
        Properties state = new Properties();
        state.setProperty("platform", platform);
        state.setProperty("name", db.name());
        state.setProperty("url", db.jdbcUrl());
        state.setProperty("user", db.user());
        state.setProperty("password", db.password());
        try (var out = Files.newBufferedWriter(new File(basedir, STATE).toPath(), StandardCharsets.UTF_8)) {
            state.store(out, "database of this integration test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        userProperties.put("migrations.url", db.jdbcUrl());
        userProperties.put("migrations.user", db.user());
        userProperties.put("migrations.password", db.password());
    }

    /**
     * Creates one database per name for an IT whose builds need several (a reactor of modules, each with its own),
     * handed to the builds as the user properties {@code it.<name>.url}; the user and password as
     * {@code migrations.user} and {@code migrations.password}.
     */
    public static void createDatabases(File basedir, Map<Object, Object> userProperties, List<String> names) {
        Properties state = new Properties();
        for (String name : names) {
            TestDatabase db = PostgresServer.forIntegrationTests().createDatabase("it_" + name);
            state.setProperty(name + ".name", db.name());
            state.setProperty(name + ".url", db.jdbcUrl());
            state.setProperty(name + ".user", db.user());
            state.setProperty(name + ".password", db.password());
            userProperties.put("it." + name + ".url", db.jdbcUrl());
            userProperties.put("migrations.user", db.user());
            userProperties.put("migrations.password", db.password());
        }
        try (var out = Files.newBufferedWriter(new File(basedir, SEVERAL).toPath(), StandardCharsets.UTF_8)) {
            state.store(out, "databases of this integration test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the databases {@link #createDatabases} made. */
    public static TestDatabase database(File basedir, String name) {
        Properties state = load(new File(basedir, SEVERAL));
        return new TestDatabase(state.getProperty(name + ".name"), state.getProperty(name + ".url"), state.getProperty(name + ".user"),
                state.getProperty(name + ".password"), PostgresServer.forIntegrationTests().source());
    }

    /** Drops every database {@link #createDatabases} made. */
    public static void dropDatabases(File basedir) {
        Properties state = load(new File(basedir, SEVERAL));
        state.stringPropertyNames().stream().filter(key -> key.endsWith(".name"))
                .forEach(key -> PostgresServer.forIntegrationTests().dropDatabase(database(basedir, key.substring(0, key.length() - ".name".length()))));
    }

    private static Properties load(File file) {
        Properties state = new Properties();
        try (var in = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }

    /** The database {@link #createDatabase} made for this IT. */
    public static TestDatabase database(File basedir) {
        Properties state = load(new File(basedir, STATE));
        return new TestDatabase(state.getProperty("name"), state.getProperty("url"), state.getProperty("user"),
                state.getProperty("password"), server(state.getProperty("platform", "postgresql")).source());
    }

    private static DatabaseServer server(String platform) {
        return "postgresql".equals(platform) ? PostgresServer.forIntegrationTests() : TestDatabases.server(platform);
    }

    /** The first column of a query on the IT's database. */
    public static List<String> column(File basedir, String sql) {
        return database(basedir).column(sql);
    }

    /** Runs SQL on the IT's database (to prepare a schema by hand). */
    public static void execute(File basedir, String sql) {
        database(basedir).execute(sql);
    }

    /** Sets (or, with a null value, removes) a user property of the IT's following builds. */
    public static void property(Map<Object, Object> userProperties, String key, String value) {
        if (value == null) {
            userProperties.remove(key);
        } else {
            userProperties.put(key, value);
        }
    }

    /**
     * Adds a {@code <server>} with the database's credentials to the settings file the IT builds use
     * ({@code interpolated-settings.xml} beside the cloned projects), replacing the file atomically so
     * builds running in parallel always read a whole file.
     */
    public static void addServerToSettings(File basedir, String serverId) {
        TestDatabase db = database(basedir);
        addServerToSettings(basedir, serverId, db.user(), db.password());
    }

    /** As {@link #addServerToSettings(File, String)}, with the given credentials. */
    public static void addServerToSettings(File basedir, String serverId, String user, String password) {
        File settings = new File(basedir.getParentFile(), "interpolated-settings.xml");
        try {
            String xml = Files.readString(settings.toPath(), StandardCharsets.UTF_8);
            if (!xml.contains("<id>" + serverId + "</id>")) {
                String server = "<servers><server><id>" + serverId + "</id><username>" + user + "</username><password>"
                        + password + "</password></server></servers>";
                xml = xml.replace("</settings>", server + "</settings>");
                File temporary = new File(settings.getParentFile(), settings.getName() + "." + serverId + ".tmp");
                Files.writeString(temporary.toPath(), xml, StandardCharsets.UTF_8);
                Files.move(temporary.toPath(), settings.toPath(), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A password to look for in build logs: with a slash, an at sign and a plus, so its URL-encoded form differs. */
    public static final String SECRET = "S3cr3t/It+pw@1";

    /**
     * Makes the IT's builds connect as a role of their own whose password is {@link #SECRET}, owner of the IT's
     * database; returns its name. The IT's user properties then carry the URL only.
     */
    public static String secretOwner(File basedir, Map<Object, Object> userProperties) {
        TestDatabase db = database(basedir);
        String role = "it_owner_" + db.name().substring(db.name().lastIndexOf('_') + 1);
        PostgresServer.forIntegrationTests().createOwner(db, role, SECRET);
        try {
            Files.writeString(new File(basedir, "it-role.txt").toPath(), role, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        userProperties.remove("migrations.user");
        userProperties.remove("migrations.password");
        return role;
    }

    /** Fails when the build log holds {@link #SECRET}, plain, URL-encoded or base64-encoded. */
    public static void checkNoSecret(File basedir) {
        String log = buildLog(basedir);
        check(!log.contains(SECRET), "the password was printed");
        check(!log.contains(java.net.URLEncoder.encode(SECRET, StandardCharsets.UTF_8)), "the URL-encoded password was printed");
        check(!log.contains(java.util.Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))),
                "the base64 password was printed");
    }

    /** Drops the IT's database (and the role {@link #secretOwner} made, if any). */
    public static void dropDatabase(File basedir) {
        TestDatabase db = database(basedir);
        server(db.platform()).dropDatabase(db);
        File role = new File(basedir, "it-role.txt");
        if (role.isFile()) {
            try {
                PostgresServer.forIntegrationTests().dropRole(Files.readString(role.toPath(), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The IT's build log, for assertions on output. */
    public static String buildLog(File basedir) {
        try {
            return Files.readString(new File(basedir, "build.log").toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with a message when the condition does not hold. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
