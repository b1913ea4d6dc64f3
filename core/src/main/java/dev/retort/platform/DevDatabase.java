package dev.retort.platform;

/** A throwaway database for {@code generate} and {@code check}; closing removes it. */
public interface DevDatabase extends AutoCloseable {

    /** Its JDBC URL. */
    String jdbcUrl();

    /** The user to connect as. */
    String user();

    /** The password, possibly null. */
    String password();

    /** Removes the database (or stops its container). */
    @Override
    void close();
}
