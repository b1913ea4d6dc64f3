package dev.retort.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The test databases of every platform: a test asks for a platform's server and gets fresh databases from it, and a
 * suite that must hold on every platform runs once per platform with {@link #onEveryPlatform()}.
 *
 * <pre>{@code
 * @EveryPlatform
 * class UpgradeDowngradeTest {
 *     UpgradeDowngradeTest(TestDatabase db) { ... }
 * }
 * }</pre>
 */
public final class TestDatabases {

    /** The servers test-support can find, by platform; each locates its server when first asked. */
    private static final Map<String, Supplier<DatabaseServer>> SERVERS = Map.of("postgresql", PostgresServer::get, "mariadb", MariaDbServer::get,
            "h2", H2Server::get);

    /** The platforms the suites run on, in this order. */
    private static final List<String> ALL = List.of("postgresql", "mariadb", "h2");

    private TestDatabases() {
    }

    /**
     * The platforms a suite runs on: {@code RETORT_TEST_PLATFORMS} (comma-separated) where set, else every platform
     * test-support serves.
     */
    public static List<String> platforms() {
        String chosen = System.getenv("RETORT_TEST_PLATFORMS");
        if (chosen == null || chosen.isBlank()) {
            return ALL;
        }
        List<String> platforms = Arrays.stream(chosen.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        platforms.forEach(TestDatabases::server);
        return platforms;
    }

    /**
     * The server of a platform.
     *
     * @throws IllegalStateException when test-support serves no such platform, or its server cannot be had (saying how
     *                               to provide one)
     */
    public static DatabaseServer server(String platform) {
        Supplier<DatabaseServer> server = SERVERS.get(platform);
        if (server == null) {
            throw new IllegalStateException("The tests have no database server for platform '" + platform + "'; they serve " + ALL + ".");
        }
        return server.get();
    }

    /**
     * A fresh database on each platform of {@link #platforms()}, each dropped when JUnit closes it after the suite's
     * run on that platform: the arguments of a test class parameterised by platform.
     */
    public static Stream<Arguments> onEveryPlatform() {
        return platforms().stream().map(platform -> Arguments.argumentSet(platform, server(platform).createDatabase("suite_" + platform)));
    }

    /**
     * As {@link #onEveryPlatform()}, but only on the platforms named of those {@link #platforms()} lists: for a suite not
     * yet written for every platform, which says so where it uses this.
     */
    public static Stream<Arguments> onPlatforms(String... names) {
        List<String> wanted = List.of(names);
        return platforms().stream().filter(wanted::contains)
                .map(platform -> Arguments.argumentSet(platform, server(platform).createDatabase("suite_" + platform)));
    }

    /** PostgreSQL of {@link #platforms()}: the suites whose MariaDB run is still to be written. */
    public static Stream<Arguments> onPostgreSQL() {
        return onPlatforms("postgresql");
    }

    /** The platform a JDBC URL reaches: {@code postgresql} for {@code jdbc:postgresql:…}, {@code mariadb} for {@code jdbc:mariadb:…}. */
    static String platformOf(String jdbcUrl) {
        String rest = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring("jdbc:".length()) : jdbcUrl;
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }
}
