package dev.retort.mysql.internal;

/** MariaDB (10.11 and later): sequences, {@code uuid}, {@code json} as a checked {@code longtext}. */
public final class MariaDbPlatform extends MySqlPlatformBase {

    public MariaDbPlatform() {
        super(Flavour.MARIADB);
    }
}
