package dev.retort.mysql.internal;

/** MySQL (8.0 and later): no sequences, {@code json}, {@code timestamp(6)} for instants, checks named {@code <table>_chk_<n>}. */
public final class MySqlPlatform extends MySqlPlatformBase {

    public MySqlPlatform() {
        super(Flavour.MYSQL);
    }
}
