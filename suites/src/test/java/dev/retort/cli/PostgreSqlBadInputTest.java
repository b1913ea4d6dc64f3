package dev.retort.cli;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * The bad inputs only PostgreSQL has, checked as {@link BadInputCatalogueTest} checks the shared ones: a statement
 * PostgreSQL refuses inside a transaction, in a revision that runs in one. MariaDB has no such statement (it runs every
 * DDL statement outside a transaction), so this catalogue has no twin there.
 */
@ParameterizedClass(name = "on {argumentSetName}")
@MethodSource("platforms")
class PostgreSqlBadInputTest {

    static Stream<Arguments> platforms() {
        return TestDatabases.onPostgreSQL();
    }

    private final TestDatabase db;

    PostgreSqlBadInputTest(TestDatabase db) {
        this.db = db;
    }

    static Stream<Arguments> cases() {
        String pw = "RETORT_PASSWORD=" + BadInputCatalogueTest.SECRET;
        return Stream.of(
                BadInputCatalogueTest.c("CONCURRENTLY in a transactional revision", "concurrently", 1,
                        "retort: Revision a70000000001 (dev.retort.fixtures.concurrently.Transactional) runs `CREATE INDEX CONCURRENTLY",
                        pw, "upgrade")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedInOneLineWithNothingChanged(BadInputCatalogueTest.Case bad) {
        db.reset();
        BadInputCatalogueTest.assertRefused(db, bad);
    }
}
