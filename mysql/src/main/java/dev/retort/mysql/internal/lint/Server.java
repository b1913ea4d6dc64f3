package dev.retort.mysql.internal.lint;

/**
 * The server whose InnoDB judges the operations: MariaDB or MySQL, at a version. What runs {@code INSTANT} differs
 * between them and across versions.
 *
 * @param mariaDb whether it is MariaDB rather than MySQL
 * @param major   its major version
 * @param minor   its minor version
 */
record Server(boolean mariaDb, int major, int minor) {

    boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || major == wantedMajor && minor >= wantedMinor;
    }

    /** MariaDB 10.4 drops a column in place of its metadata; MySQL does from 8.0.29, which a version of 8.0 cannot promise. */
    boolean instantDropColumn() {
        return mariaDb ? atLeast(10, 4) : atLeast(8, 1);
    }

    /** MariaDB's {@code INPLACE} without a rebuild is {@code NOCOPY}; MySQL has no such word. */
    String noCopy() {
        return mariaDb ? "ALGORITHM=NOCOPY" : "ALGORITHM=INPLACE";
    }

    @Override
    public String toString() {
        return (mariaDb ? "MariaDB " : "MySQL ") + major + "." + minor;
    }
}
