package dev.retort.mysql.internal.lint;

import java.util.List;

import dev.retort.lint.LintRule;

/** MariaDB's and MySQL's lint rules, in the order their findings are listed for one operation. */
public final class MySqlLintRules {

    private MySqlLintRules() {
    }

    /**
     * Data loss, ALTERs that copy or rebuild a table in use, rolling-deploy breakers, hygiene: as InnoDB runs them on the
     * server given.
     *
     * @param mariaDb whether the server is MariaDB rather than MySQL
     * @param major   its major version
     * @param minor   its minor version
     */
    public static List<LintRule> all(boolean mariaDb, int major, int minor) {
        return all(Server.assumed(mariaDb, major, minor));
    }

    /**
     * The rules as InnoDB runs them on the server a connection reached, whose version it reported; the version given
     * where the text is not one.
     *
     * @param reported what the server says it is ({@code DatabaseMetaData.getDatabaseProductVersion()}):
     *                 {@code 10.11.6-MariaDB-1:10.11.6+maria~ubu2204}, {@code 8.0.36}
     */
    public static List<LintRule> forServer(String reported, boolean mariaDb, int major, int minor) {
        return all(Server.reported(reported, mariaDb, Server.assumed(mariaDb, major, minor)));
    }

    static List<LintRule> all(Server server) {
        return List.of(
                new DataRules.DropTable(), new DataRules.DropColumn(server), new DataRules.Narrowing(),
                new RollingDeployRules.EnumValueRemoved(), new RollingDeployRules.DropDefault(),
                new AlgorithmRules.Copy(server), new AlgorithmRules.Rebuild(server),
                new RollingDeployRules.RenameTable(), new RollingDeployRules.RenameColumn(), new RollingDeployRules.NotNullWithoutDefault(),
                new HygieneRules.NoLockTimeout(), new HygieneRules.IdentifierTooLong());
    }
}
