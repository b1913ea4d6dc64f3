package dev.retort.mysql.internal.lint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server whose InnoDB judges the operations: MariaDB or MySQL, at a version. What runs {@code INSTANT} differs
 * between them and across versions, down to MySQL's patch releases (8.0.12, 8.0.29).
 *
 * @param mariaDb whether it is MariaDB rather than MySQL
 * @param major   its major version
 * @param minor   its minor version
 * @param patch   its patch release, or -1 when not known (a version assumed offline)
 * @param live    whether the version is the one a live server reported, rather than the default assumed offline
 */
record Server(boolean mariaDb, int major, int minor, int patch, boolean live) {

    /** {@code 10.11.6-MariaDB-1:10.11.6+maria~ubu2204}, {@code 8.0.36}, and MariaDB through MySQL's protocol: {@code 5.5.5-10.11.6-MariaDB}. */
    private static final Pattern VERSION = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*", Pattern.DOTALL);

    /** A version assumed without a server: the oldest its SQL is written for, patch unknown. */
    static Server assumed(boolean mariaDb, int major, int minor) {
        return new Server(mariaDb, major, minor, -1, false);
    }

    /**
     * The server a live connection reported ({@code DatabaseMetaData.getDatabaseProductVersion()}); MariaDB when the
     * text says so, else as the platform is; {@code fallback} when the text is not a version.
     */
    static Server reported(String version, boolean mariaDb, Server fallback) {
        Matcher m = VERSION.matcher(version == null ? "" : version.strip());
        if (!m.matches()) {
            return fallback;
        }
        return new Server(mariaDb || version.contains("MariaDB"), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? -1 : Integer.parseInt(m.group(3)), true);
    }

    boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || major == wantedMajor && minor >= wantedMinor;
    }

    /** At least this release; an unknown patch counts as the first of its minor version, the least a promise can rest on. */
    boolean atLeast(int wantedMajor, int wantedMinor, int wantedPatch) {
        return major > wantedMajor || major == wantedMajor && (minor > wantedMinor || minor == wantedMinor && patch >= wantedPatch);
    }

    /** Adding a column last is a change of metadata alone: MariaDB from 10.3, MySQL from 8.0.12. */
    boolean instantAddColumn() {
        if (mariaDb) {
            return atLeast(10, 3);
        }
        // A version assumed offline names no patch release: every 8.0 still in service is past 8.0.12.
        return patch < 0 ? atLeast(8, 0) : atLeast(8, 0, 12);
    }

    /** MariaDB 10.4 drops a column in place of its metadata; MySQL does from 8.0.29, which 8.0 without its patch release cannot promise. */
    boolean instantDropColumn() {
        return mariaDb ? atLeast(10, 4) : atLeast(8, 0, 29);
    }

    /** MariaDB 10.4 lengthens a VARCHAR within its length byte (and other conversions without a rewrite) as metadata alone. */
    boolean instantTypeChange() {
        return mariaDb && atLeast(10, 4);
    }

    /** MariaDB's {@code INPLACE} without a rebuild is {@code NOCOPY}; MySQL has no such word. */
    String noCopy() {
        return mariaDb ? "ALGORITHM=NOCOPY" : "ALGORITHM=INPLACE";
    }

    /** The version and where it comes from, as findings name it: {@code MariaDB 10.11.6 (the server's version)}. */
    @Override
    public String toString() {
        return (mariaDb ? "MariaDB " : "MySQL ") + major + "." + minor + (patch >= 0 ? "." + patch : "")
                + (live ? " (the server's version)" : " (assumed: no server was asked)");
    }
}
