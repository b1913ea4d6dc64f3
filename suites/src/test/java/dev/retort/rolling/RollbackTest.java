package dev.retort.rolling;

import static dev.retort.operation.Types.column;
import static dev.retort.operation.Types.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.Revision;
import dev.retort.command.Deployability;
import dev.retort.revision.RevisionScript;
import dev.retort.testing.Revs;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * Rollback that knows compatibility: an older artifact is accepted while every revision it does not know is backward
 * compatible (an expand, or one that only adds), saying which and why, and refused, naming the revision, after a
 * contract, a drop or a rename in place.
 */
// Rolling deploys are built for PostgreSQL and MariaDB; H2 serves development, not rolling production deploys.
@ParameterizedClass(name = "on {argumentSetName}")
@MethodSource("platforms")
class RollbackTest {

    static Stream<Arguments> platforms() {
        return TestDatabases.onPlatforms("postgresql", "mariadb");
    }

    private static final Set<String> OLD = Set.of("r1");

    private final TestDatabase db;

    RollbackTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private static Revs base() {
        return Revs.graph().sql("r1", "create table person (id int primary key, name text)", "drop table person");
    }

    private Retort retort(List<RevisionScript> revisions, String version) {
        return Revs.configure(db).revisions(revisions).applicationVersion(version).listener(MigrationListener.none()).load();
    }

    @Test
    void anOlderArtifactIsAcceptedBetweenTheExpandAndTheContractAndRefusedAfterIt() {
        List<RevisionScript> v2 = base()
                .sql("e2", "alter table person add column full_name text", "alter table person drop column full_name", "r1")
                .sql("c3", "alter table person drop column name", "alter table person add column name text", "e2")
                .scripts().stream().map(s -> switch (s.id()) {
                    case "e2" -> s.withPhase(Revision.Phase.EXPAND, "");
                    case "c3" -> s.withPhase(Revision.Phase.CONTRACT, "e2");
                    default -> s;
                }).toList();
        try (Retort retort = retort(base().scripts(), "1.0")) {
            retort.release();
        }
        try (Retort retort = retort(v2, "2.0")) {
            assertTrue(retort.release().succeeded());
            Deployability between = retort.checkDeployable(OLD, OLD);
            assertTrue(between.deployable(), between.summary());
            assertEquals(List.of(new Deployability.Verdict("e2", true, "an expand, which the code before it survives")), between.verdicts());
            assertEquals("Deployable: the database has e2, which this artifact (head r1) does not know, but it is backward compatible: "
                    + "e2 (an expand, which the code before it survives).", between.summary());
        }
        try (Retort retort = retort(v2, "3.0")) {
            assertTrue(retort.release().succeeded());
            Deployability after = retort.checkDeployable(OLD, OLD);
            assertFalse(after.deployable(), after.summary());
            assertEquals(List.of("e2", "c3"), after.unknown());
            assertTrue(after.summary().startsWith("Not deployable: the database has e2, c3, which this artifact (head r1) does not know, and "
                    + "older code does not survive c3 (a contract, which removes what code older than its expand e2 uses)."), after.summary());
            assertTrue(after.toJson().contains("\"verdicts\""), after.toJson());
        }
    }

    @Test
    void anOrdinaryRevisionIsJudgedByItsOperations() {
        Revs revs = base()
                .add(Revs.script("a2", List.of("r1"), true, op -> {
                    op.addColumn("person", column("email", varchar(320)));
                    op.createIndex("ix_person_email", "person", "email");
                }, op -> op.dropColumn("person", "email")))
                .add(Revs.script("d3", List.of("a2"), true, op -> op.dropColumn("person", "name"),
                        op -> op.addColumn("person", column("name", dev.retort.operation.Types.text()))))
                .add(Revs.script("n4", List.of("d3"), true, op -> op.renameColumn("person", "email", "mail"),
                        op -> op.renameColumn("person", "mail", "email")));
        try (Retort retort = retort(revs.scripts(), "2.0")) {
            retort.upgrade("a2");
            Deployability additive = retort.checkDeployable(OLD, OLD);
            assertTrue(additive.deployable(), additive.summary());
            assertEquals("it only adds or relaxes (add column, create index)", additive.verdicts().get(0).why());

            retort.upgrade("d3");
            Deployability dropped = retort.checkDeployable(OLD, OLD);
            assertFalse(dropped.deployable(), dropped.summary());
            assertTrue(dropped.summary().contains("older code does not survive d3 (it drops column person.name, which the older code uses)"),
                    dropped.summary());
            // An artifact that knows the drop already is deployable: only what it does not know is judged.
            assertTrue(retort.checkDeployable(Set.of("d3"), Set.of("d3")).deployable());

            retort.upgrade("n4");
            Deployability renamed = retort.checkDeployable(Set.of("d3"), Set.of("d3"));
            assertFalse(renamed.deployable(), renamed.summary());
            assertTrue(renamed.summary().contains("n4 (it renames column person.email to mail in place)"), renamed.summary());
        }
    }
}
