package dev.retort.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.Generated;
import dev.retort.command.ReleaseReport;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * A column renamed and a NOT NULL field removed, deployed rolling on each database that keeps two columns in step with
 * triggers: the expand and the backfill released, the old and the new code both reading and writing (Hibernate validates
 * each), the contract released next, and its downgrade putting the old column and its triggers back. The setting
 * {@code rolling=true} alone makes {@code generate} write the split.
 */
// PostgreSQL and MariaDB have the triggers; H2 gets the rename in place (it serves development, not rolling deploys).
@ParameterizedClass(name = "on {argumentSetName}")
@MethodSource("platforms")
class RollingRenameTest {

    private static final List<Class<?>> V1 = List.of(dev.retort.rolling.v1.Person.class);
    private static final List<Class<?>> V2 = List.of(dev.retort.rolling.v2.Person.class);
    private static final Map<String, Object> NAMING = Map.of("hibernate.physical_naming_strategy",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
    private static final int ROWS = 2500;

    static Stream<Arguments> platforms() {
        return TestDatabases.onPlatforms("postgresql", "mariadb");
    }

    private final TestDatabase db;

    RollingRenameTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void theRollingSettingAloneSplitsARenameIntoExpandBackfillAndContractThatBothVersionsSurvive(@TempDir Path work) throws SQLException {
        try (Retort retort = retort(work, 0, null, false)) {
            retort.generate(platform -> HibernateSchemaReader.read(V1, NAMING, platform), "people");
        }
        GenerateRollingTest.compile(work, 1);
        try (Retort retort = retort(work, 1, "1.0", false)) {
            assertTrue(retort.release().succeeded());
        }
        insertPeople();

        // Plain generate: the configuration says the project deploys rolling. Its safe forms are another split.
        Generated expand;
        try (Retort retort = retort(work, 1, null, true)) {
            RetortException both = assertThrows(RetortException.class,
                    () -> retort.generate(platform -> HibernateSchemaReader.read(V2, NAMING, platform), "full names", true));
            assertEquals("generate writes a change either as expand, backfill and contract or in its safe forms, not both: retort.rolling is "
                    + "true (from explicit); set it false for this run to write the safe forms.", both.getMessage());
            expand = retort.generate(platform -> HibernateSchemaReader.read(V2, NAMING, platform), "full names");
        }
        Generated backfill = expand.followUp();
        assertNotNull(backfill, "a backfill revision follows the expand:\n" + expand.source());
        Generated contract = backfill.followUp();
        assertNotNull(contract, "a contract revision follows the backfill");
        // full_name and email become NOT NULL after the contract, in a revision of their own (the safe form of each platform).
        Generated notNull = contract.followUp();
        assertNotNull(notNull, "NOT NULL follows the contract");
        assertTrue(notNull.source().contains("op.setNotNull(\"person\", \"full_name\")") && notNull.source().contains(mariaDb()
                ? "SET SESSION alter_algorithm = 'INPLACE'" : ".notValid()"), notNull.source());
        assertTrue(expand.source().contains("CREATE TRIGGER " + quoted("retort_sync_person_full_name" + (mariaDb() ? "_ins" : ""))),
                expand.source());
        assertTrue(contract.source().contains("DROP TRIGGER IF EXISTS " + quoted("retort_sync_person_full_name" + (mariaDb() ? "_upd" : ""))),
                contract.source());
        GenerateRollingTest.compile(work, 2);

        try (Retort retort = retort(work, 2, "2.0", false)) {
            ReleaseReport report = retort.release();
            assertTrue(report.succeeded(), report.error() + " " + report.problems());
            assertEquals(List.of(expand.revision(), backfill.revision()), report.applied().stream().map(ReleaseReport.AppliedRevision::revision).toList());
            assertTrue(report.warnings().stream().anyMatch(w -> w.contains(contract.revision()) && w.contains("held for the next deploy")),
                    report.warnings().toString());
        }
        assertEquals("0", outOfStep(), "backfilled");
        assertEquals(mariaDb() ? "2" : "1", triggers());
        validate(V1);
        validate(V2);
        RenameWrites.bothVersionsWrite(db);
        assertEquals("0", outOfStep());

        try (Retort retort = retort(work, 2, "2.1", false)) {
            ReleaseReport report = retort.release();
            assertTrue(report.succeeded(), report.error() + " " + report.problems());
            assertEquals(List.of(contract.revision(), notNull.revision()),
                    report.applied().stream().map(ReleaseReport.AppliedRevision::revision).toList());
        }
        assertEquals(List.of("email", "full_name", "id"), db.column("select column_name from information_schema.columns where table_name = 'person'"
                + " and table_schema = " + schema() + " order by column_name"));
        assertEquals("NO", db.value("select is_nullable from information_schema.columns where table_name = 'person' and column_name = 'full_name'"
                + " and table_schema = " + schema()));
        assertEquals("0", triggers());
        validate(V2);
        db.execute("insert into person (id, full_name, email) values (100003, 'after the contract', 'v3@example.com')");
        assertEquals(String.valueOf(ROWS + 3), db.value("select count(*) from person"));

        // The contract's downgrade puts the old column back, filled, and the triggers that keep it in step.
        try (Retort retort = retort(work, 2, "2.1", false)) {
            retort.downgrade(backfill.revision());
        }
        assertEquals(mariaDb() ? "2" : "1", triggers());
        assertEquals("0", outOfStep());
        db.execute("insert into person (id, name, nickname, email) values (100004, 'v1 again', 'old', 'v4@example.com')");
        assertEquals("v1 again", db.value("select full_name from person where id = 100004"));
        validate(V1);
    }

    private boolean mariaDb() {
        return "mariadb".equals(db.platform());
    }

    private String quoted(String name) {
        return mariaDb() ? "`" + name + "`" : name;
    }

    private String schema() {
        return mariaDb() ? "database()" : "current_schema()";
    }

    private String outOfStep() {
        return db.value("select count(*) from person where full_name is null or name is null or full_name <> name");
    }

    private String triggers() {
        return db.value("select count(distinct trigger_name) from information_schema.triggers where trigger_name like 'retort_sync%' "
                + "and trigger_schema = " + schema());
    }

    private void insertPeople() throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("insert into person (id, name, nickname, email) values (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 1; i <= ROWS; i++) {
                s.setLong(1, i);
                s.setString(2, "name " + i);
                s.setString(3, "nick " + i);
                s.setString(4, i + "@example.com");
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
        }
    }

    private Retort retort(Path work, int compiled, String version, boolean rolling) {
        Settings.Builder settings = Settings.builder().set(Setting.SOURCE_DIRECTORY, work.resolve("src").toString());
        if (rolling) {
            settings.set(Setting.ROLLING, "true");
        }
        return Retort.configure().settings(settings.build()).url(db.jdbcUrl()).user(db.user()).password(db.password())
                .classLoader(GenerateRollingTest.loader(work.resolve("classes" + compiled))).migrationsPackage("db.rolling").applicationVersion(version)
                .listener(MigrationListener.none()).load();
    }

    private void validate(List<Class<?>> entities) {
        HibernateValidation.validate(db.dataSource(), entities, NAMING);
    }
}
