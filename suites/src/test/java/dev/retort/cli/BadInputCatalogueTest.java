package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.testing.Catalog;
import dev.retort.testing.TestDatabase;

/**
 * Every wrong input we know of, one row each: the command line exits with the expected status, says what is wrong
 * in one line that starts as written here, leaves the catalog exactly as it was, and never prints the password,
 * whether plain, URL-encoded or base64-encoded. On MariaDB the same cases run with its URLs, its fixtures' SQL and its
 * server's messages ({@link #on(String)}). The cases of one database alone, without a twin on the other, are in a class
 * of their own ({@link PostgreSqlBadInputTest}), so nothing here is parameterised onto a database it does not apply to.
 */
// Not yet written for H2: its cases name PostgreSQL's and MariaDB's messages and fixtures.
@org.junit.jupiter.params.ParameterizedClass(name = "on {argumentSetName}")
@org.junit.jupiter.params.provider.MethodSource("platforms")
class BadInputCatalogueTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> platforms() {
        return dev.retort.testing.TestDatabases.onPlatforms("postgresql", "mariadb");
    }

    /** A password that must never appear in any output; given wherever a password can be given in each case. */
    static final String SECRET = "S3cr3t/p@ss+w0rd";
    private static final String ENCODED = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);

    private static final List<String> OUTPUTS = new ArrayList<>();
    private final TestDatabase db;

    BadInputCatalogueTest(TestDatabase db) {
        this.db = db;
    }

    /** On MariaDB, whose root has no password here, a user whose password is the secret, so the cases that connect do. */
    private static final String MARIADB_USER = "retort_bad_input";

    @BeforeEach
    void emptyDatabase() {
        db.reset();
        if ("mariadb".equals(db.platform())) {
            db.execute("CREATE USER IF NOT EXISTS '" + MARIADB_USER + "'@'%' IDENTIFIED BY '" + SECRET + "'");
            db.execute("GRANT ALL PRIVILEGES ON `" + db.name() + "`.* TO '" + MARIADB_USER + "'@'%'");
        }
    }

    @org.junit.jupiter.api.AfterEach
    void dropUser() {
        if ("mariadb".equals(db.platform())) {
            db.execute("DROP USER IF EXISTS '" + MARIADB_USER + "'@'%'");
        }
    }

    /**
     * One bad input.
     *
     * @param what     what is wrong
     * @param pkg      the fixture package of migrations (under dev.retort.fixtures)
     * @param setup    commands run first, on a good configuration (may be empty)
     * @param env      environment changes, NAME=value, or NAME= to remove one; {db} is the test database's URL
     * @param exit     the expected exit status
     * @param message  how standard error's first line starts
     * @param args     the command line
     */
    record Case(String what, String pkg, String[] setup, String[] env, int exit, String message, String[] args) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Case c(String what, String pkg, int exit, String message, String env, String... args) {
        return new Case(what, pkg, new String[0], env.isEmpty() ? new String[0] : env.split(" "), exit, message, args);
    }

    static Case after(String setup, String what, String pkg, int exit, String message, String env, String... args) {
        return new Case(what, pkg, setup.split(" "), env.isEmpty() ? new String[0] : env.split(" "), exit, message, args);
    }

    static Stream<Arguments> cases() {
        String pw = "RETORT_PASSWORD=" + SECRET;
        return Stream.of(
                // URLs and credentials
                c("no database configured", "linear", 1, "retort: No database is configured: set --url (RETORT_URL) or the DATABASE_URL",
                        "DATABASE_URL= " + pw, "upgrade"),
                c("a URL of a database no platform module serves", "linear", 1, "retort: The database URL sqlserver://root:***@h/db is not a PostgreSQL, ",
                        "DATABASE_URL=sqlserver://root:" + ENCODED + "@h/db", "upgrade"),
                c("a JDBC port out of range", "linear", 1, "retort: The database URL jdbc:postgresql://127.0.0.1:99999/db has port '99999', out of",
                        "DATABASE_URL=jdbc:postgresql://127.0.0.1:99999/db " + pw, "upgrade"),
                c("a port that is not a number", "linear", 1, "retort: The database URL postgresql://app:***@127.0.0.1:abc/db has port 'abc', which is not a number",
                        "DATABASE_URL=postgresql://app:" + ENCODED + "@127.0.0.1:abc/db", "upgrade"),
                c("a JDBC URL without a database", "linear", 1, "retort: --url (RETORT_URL) (from DATABASE_URL) is jdbc:postgresql://127.0.0.1:5432, which names a server but no database",
                        "DATABASE_URL=jdbc:postgresql://127.0.0.1:5432 " + pw, "upgrade"),
                c("a URL without a host", "linear", 1, "retort: The database URL postgresql://app:***@/db names no host",
                        "DATABASE_URL=postgresql://app:" + ENCODED + "@/db", "upgrade"),
                c("nothing listens on the port", "linear", 1, "retort: Cannot connect to the database: Connection refused (jdbc:postgresql://127.0.0.1:1/db).",
                        "DATABASE_URL=postgresql://app:" + ENCODED + "@127.0.0.1:1/db", "upgrade"),
                c("an unknown role", "linear", 1, "retort: Cannot connect to the database: FATAL: role \"no_such_role_here\" does not exist",
                        "RETORT_USER=no_such_role_here " + pw, "upgrade"),
                c("an unknown database", "linear", 1, "retort: Cannot connect to the database: FATAL: database \"no_such_database_here\" does not exist",
                        "DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/no_such_database_here " + pw, "upgrade"),
                c("a password file that is not there", "linear", 1, "retort: --password-file (RETORT_PASSWORD_FILE) names /nonexistent/secret (from RETORT_PASSWORD_FILE), which cannot be read",
                        "RETORT_PASSWORD= RETORT_PASSWORD_FILE=/nonexistent/secret", "upgrade"),
                c("DATABASE_URL that is no URL", "linear", 1, "retort: The database URL not-a-url is not a PostgreSQL, ",
                        "DATABASE_URL=not-a-url " + pw, "upgrade"),
                c("a configuration file that is not there", "linear", 1, "retort: Cannot read the configuration file /nonexistent/retort.properties",
                        pw, "upgrade", "--config-file", "/nonexistent/retort.properties"),
                c("an unknown option", "linear", 2, "retort: Unknown option: '--ur'", pw, "upgrade", "--ur", "x"),
                c("an unknown command", "linear", 2, "retort: Unmatched argument at index 0: 'migrate'", pw, "migrate"),
                c("no command", "linear", 2, "retort: Name a command, e.g. upgrade.", pw),
                // configuration values
                c("a negative lock timeout", "linear", 1, "retort: --lock-timeout (RETORT_LOCK_TIMEOUT) is '-5' (from explicit)", pw, "upgrade", "--lock-timeout", "-5"),
                c("a lock timeout that is not a duration", "linear", 1, "retort: --lock-timeout (RETORT_LOCK_TIMEOUT) is 'abc' (from RETORT_LOCK_TIMEOUT)",
                        "RETORT_LOCK_TIMEOUT=abc " + pw, "upgrade"),
                c("a statement timeout that is not a duration", "linear", 1, "retort: --statement-timeout (RETORT_STATEMENT_TIMEOUT) is 'soon' (from explicit)",
                        pw, "upgrade", "--statement-timeout", "soon"),
                c("a negative statement lock timeout", "linear", 1, "retort: --statement-lock-timeout (RETORT_STATEMENT_LOCK_TIMEOUT) is '-1s'",
                        "RETORT_STATEMENT_LOCK_TIMEOUT=-1s " + pw, "upgrade"),
                c("connect retries that are not a number", "linear", 1, "retort: --connect-retries (RETORT_CONNECT_RETRIES) is 'many'",
                        "RETORT_CONNECT_RETRIES=many " + pw, "upgrade"),
                c("a connect timeout that is not a duration", "linear", 1, "retort: --connect-timeout (RETORT_CONNECT_TIMEOUT) is 'a_while'",
                        "RETORT_CONNECT_TIMEOUT=a_while " + pw, "upgrade"),
                c("a package name that is no package", "linear", 1, "retort: --package (RETORT_PACKAGE) is 'db-migrations', which is not a Java package name",
                        "RETORT_PACKAGE=db-migrations " + pw, "upgrade"),
                c("a misspelt package", "linear", 1, "retort: There are no revisions in package dev.retort.fixtures.lineer or under db/migrations yet: if they exist, check "
                        + "--package (RETORT_PACKAGE) or --sql-location (RETORT_SQL_LOCATION)",
                        "RETORT_PACKAGE=dev.retort.fixtures.lineer " + pw, "upgrade"),
                c("a confirmation that is neither yes nor no", "linear", 1, "retort: --confirm (RETORT_CONFIRM_PRODUCTION) is 'maybe'",
                        "RETORT_CONFIRM_PRODUCTION=maybe " + pw, "upgrade"),
                // targets
                c("an unknown target", "linear", 1, "retort: No revision matches 'zzz'.", pw, "upgrade", "zzz"),
                c("an ambiguous prefix", "branches", 1, "retort: Revision prefix 'e1' is ambiguous", pw, "upgrade", "e1"),
                c("head with two heads", "branches", 1, "retort: Target 'head' is ambiguous: there are 2 heads", pw, "upgrade"),
                c("a downgrade without a target", "linear", 2, "retort: Missing required parameter: 'TARGET'", pw, "downgrade"),
                c("a relative step that is not a number", "linear", 1, "retort: Target '+x' is not valid; use head, heads, base", pw, "upgrade", "+x"),
                after("upgrade", "upgrading to a revision the database is past", "linear", 1,
                        "retort: Upgrade target 'a1b2' (a1b2c3d4e5f6) is behind the database", pw, "upgrade", "a1b2"),
                after("upgrade a1b2", "downgrading to a revision not applied", "linear", 1,
                        "retort: Downgrade target '77e0' (77e0d9c8b1a2) is not applied", pw, "downgrade", "77e0"),
                c("stamping an unknown revision", "linear", 1, "retort: No revision matches 'ffffff'.", pw, "stamp", "ffffff"),
                c("showing an unknown revision", "linear", 1, "retort: No revision matches 'nope'.", pw, "show", "nope"),
                c("a script from an unknown revision", "linear", 1, "retort: No revision matches 'zzz'.", pw, "sql", "--from", "zzz"),
                // migration code
                c("revisions in a cycle", "cycle", 1, "retort: The revision graph is not valid: revisions cccc0000000a", pw, "upgrade"),
                c("a duplicate revision id", "duplicate", 1, "retort: The revision graph is not valid: duplicate revision id aaaa00000001", pw, "upgrade"),
                c("a migration without @Revision", "unannotated", 1, "retort: The migrations in package dev.retort.fixtures.unannotated are not valid", pw, "upgrade"),
                c("@Revision on a class that is no migration", "notmigration", 1, "retort: The migrations in package dev.retort.fixtures.notmigration are not valid", pw, "upgrade"),
                c("an unknown parent", "unknownparent", 1, "retort: The revision graph is not valid: revision bbbb00000001", pw, "upgrade"),
                c("a message of two lines", "multiline", 1, "retort: The revision graph is not valid: dev.retort.fixtures.multiline.TwoLines has a message with a line break", pw, "upgrade"),
                c("JDBC code in an offline script", "jdbc", 1, "retort: Revision a80000000001 (dev.retort.fixtures.jdbc.WithCode) runs JDBC code", pw, "sql"),
                // environments
                c("production without confirmation", "linear", 1, "retort: The database is a production database", "RETORT_ENVIRONMENT=production " + pw, "upgrade"),
                after("upgrade", "a production downgrade without the second confirmation", "linear", 1, "retort: The database is a production database",
                        "RETORT_ENVIRONMENT=production RETORT_CONFIRM_PRODUCTION=yes " + pw, "downgrade", "-1"),
                after("upgrade", "repair without --yes", "linear", 1, "retort: repair records the current checksum of every edited migration", pw, "repair"),
                after("upgrade", "a database at a revision no migration declares", "linear", 1, "retort: The database is at 77e0d9c8b1a2, "
                        + "which no migration in package dev.retort.fixtures.concurrent or under db/migrations declares", "RETORT_PACKAGE=dev.retort.fixtures.concurrent " + pw,
                        "current")
        ).map(Arguments::of);
    }

    /** What differs on MariaDB, by case: the first line of its message. */
    private static final java.util.Map<String, String> MARIADB_MESSAGES = java.util.Map.of(
            "nothing listens on the port", "retort: Cannot connect to the database: ",
            "an unknown role", "retort: Cannot connect to the database: ",
            "an unknown database", "retort: Cannot connect to the database: ");

    /** What the rest of MariaDB's line says, after a connection id that differs from run to run. */
    private static final java.util.Map<String, String> MARIADB_ALSO = java.util.Map.of(
            "nothing listens on the port", "(jdbc:mariadb://127.0.0.1:1/db)",
            "an unknown role", "Access denied for user 'no_such_role_here'@",
            "an unknown database", "to database 'no_such_database_here'");

    /** The case as it reads on a platform: MariaDB's URLs and its twins of the fixtures whose SQL is PostgreSQL's. */
    static Case on(String platform, Case bad) {
        if ("postgresql".equals(platform)) {
            return bad;
        }
        java.util.function.UnaryOperator<String> mariaDb = text -> text.replace("jdbc:postgresql://127.0.0.1:5432", "jdbc:mariadb://127.0.0.1:3306")
                .replace("jdbc:postgresql:", "jdbc:mariadb:").replace("postgresql://", "mariadb://")
                .replace("dev.retort.fixtures.linear", "dev.retort.fixtures.mariadb.linear")
                .replace("dev.retort.fixtures.concurrent ", "dev.retort.fixtures.mariadb.concurrent ")
                .replace("dev.retort.fixtures.concurrent", "dev.retort.fixtures.mariadb.concurrent");
        String pkg = bad.pkg().equals("linear") || bad.pkg().equals("concurrent") ? "mariadb." + bad.pkg() : bad.pkg();
        String message = MARIADB_MESSAGES.getOrDefault(bad.what(), mariaDb.apply(bad.message()));
        return new Case(bad.what(), pkg, bad.setup(), java.util.Arrays.stream(bad.env()).map(mariaDb).toArray(String[]::new), bad.exit(),
                message, bad.args());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedInOneLineWithNothingChanged(Case asWritten) {
        assertRefused(db, on(db.platform(), asWritten));
    }

    /** Runs one case on a database: the exit status, the first line, the catalog unchanged, no password anywhere. */
    static void assertRefused(TestDatabase db, Case bad) {
        Cli good = Cli.against(db, "dev.retort.fixtures." + bad.pkg());
        for (String command : List.of(String.join(" ", bad.setup()))) {
            if (!command.isBlank()) {
                Cli.Result setup = good.run(command.split(" "));
                assertEquals(0, setup.exit(), setup.toString());
            }
        }
        List<String> before = Catalog.snapshot(db);
        Cli cli = Cli.against(db, "dev.retort.fixtures." + bad.pkg());
        if ("mariadb".equals(db.platform())) {
            cli.env("RETORT_USER", MARIADB_USER);
        }
        for (String change : bad.env()) {
            int eq = change.indexOf('=');
            cli.env(change.substring(0, eq), change.substring(eq + 1).replace("{db}", db.jdbcUrl()));
        }
        Cli.Result result = cli.run(bad.args());
        OUTPUTS.add(result.out() + result.err());
        assertEquals(bad.exit(), result.exit(), result.toString());
        String first = result.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith(bad.message()), "expected a line starting with\n  " + bad.message() + "\nbut got\n  " + first);
        String also = "mariadb".equals(db.platform()) ? MARIADB_ALSO.get(bad.what()) : null;
        assertTrue(also == null || first.contains(also), "expected the line to say\n  " + also + "\nbut got\n  " + first);
        assertEquals(before, Catalog.snapshot(db), "nothing changed");
        assertNoPassword(result.out() + result.err());
    }

    static void assertNoPassword(String output) {
        assertFalse(output.contains(SECRET), "the password was printed:\n" + output);
        assertFalse(output.contains(ENCODED), "the URL-encoded password was printed:\n" + output);
        assertFalse(output.contains(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))),
                "the base64 password was printed:\n" + output);
    }

    @AfterAll
    static void theCatalogueCoversAtLeastFortyCases() {
        assertTrue(OUTPUTS.size() >= 40, "the catalogue has " + OUTPUTS.size() + " cases");
    }
}
