package dev.retort.mysql.internal;

/** MariaDB (10.11 and later): sequences, {@code uuid}, {@code json} as a checked {@code longtext}. */
public final class MariaDbPlatform extends MySqlPlatformBase {

    public MariaDbPlatform() {
        super(Flavour.MARIADB);
    }

    /** The name of Retort's GET_LOCK for a version table (as written in SQL) in a database, for tools and tests that hold it. */
    public static String lockName(String database, String versionTable) {
        return MySqlNamedLock.lockName(database, versionTable);
    }
}
