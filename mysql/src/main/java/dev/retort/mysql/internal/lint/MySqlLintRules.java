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
        Server server = new Server(mariaDb, major, minor);
        return List.of(
                new DataRules.DropTable(), new DataRules.DropColumn(server), new DataRules.Narrowing(),
                new RollingDeployRules.EnumValueRemoved(), new RollingDeployRules.DropDefault(),
                new AlgorithmRules.Copy(server), new AlgorithmRules.Rebuild(server),
                new RollingDeployRules.RenameTable(), new RollingDeployRules.RenameColumn(), new RollingDeployRules.NotNullWithoutDefault(),
                new HygieneRules.NoLockTimeout(), new HygieneRules.IdentifierTooLong());
    }
}
