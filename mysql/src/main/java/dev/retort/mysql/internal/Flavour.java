package dev.retort.mysql.internal;

/**
 * Which of the two servers a platform serves, and the oldest version its SQL is written for. MariaDB and MySQL share
 * most of their SQL; where they part (sequences, JSON, check names, time-stamp types, the statement time-out), the
 * flavour decides, and within one, the version.
 *
 * @param id      the platform id: {@code mariadb} or {@code mysql}
 * @param product the product name Hibernate's dialect resolution and the drivers use
 * @param major   the major version the SQL is written for
 * @param minor   its minor version
 */
record Flavour(String id, String product, int major, int minor) {

    /** MariaDB 10.11, the long-term release: sequences, {@code uuid}, descending indexes, {@code RENAME COLUMN}. */
    static final Flavour MARIADB = new Flavour("mariadb", "MariaDB", 10, 11);

    /** MySQL 8.0: enforced checks (8.0.16), expression defaults (8.0.13), {@code ALGORITHM=INSTANT}. */
    static final Flavour MYSQL = new Flavour("mysql", "MySQL", 8, 0);

    boolean mariaDb() {
        return this.id.equals(MARIADB.id);
    }

    /** Whether the server is at least this version. */
    boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || major == wantedMajor && minor >= wantedMinor;
    }

    /** The same flavour at another version, as a server reports it: {@code 10.11.19-MariaDB-0+deb12u1}, {@code 8.0.36}. */
    Flavour at(String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+).*").matcher(version == null ? "" : version.strip());
        return m.matches() ? new Flavour(id, product, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : this;
    }

    @Override
    public String toString() {
        return product + " " + major + "." + minor;
    }
}
