package dev.retort.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.testing.TestDatabase;

/**
 * A fleet of schemas through the Java API, on every platform (on MariaDB a schema is a database on the same server; on H2
 * the schemas are made by the run, under the upper-case names H2 gives unquoted ones): each
 * schema migrated once in parallel on the application's own data source, and a rerun at head costing one query per target.
 */
@org.junit.jupiter.params.ParameterizedClass(name = "on {argumentSetName}")
@org.junit.jupiter.params.provider.MethodSource("platforms")
class FleetTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> platforms() {
        return dev.retort.testing.TestDatabases.onEveryPlatform();
    }

    private final TestDatabase db;
    private final List<String> tenants;

    FleetTest(TestDatabase db) {
        this.db = db;
        String prefix = "ft" + Long.toHexString(System.nanoTime() & 0xffffff) + "_";
        this.tenants = IntStream.rangeClosed(1, 5).mapToObj(i -> prefix + i).toList();
    }

    @AfterEach
    void dropTenants() {
        for (String tenant : tenants) {
            db.execute("drop schema if exists " + tenant + (db.platform().equals("mariadb") ? "" : " cascade"));
        }
    }

    @Test
    void eachTenantSchemaIsMigratedOnceInParallelAndARerunAtHeadCostsOneQueryPerTarget() {
        AtomicInteger statements = new AtomicInteger();
        DataSource counted = counting(db.dataSource(), statements);
        Settings settings = Settings.builder().set(Setting.PACKAGE, "dev.retort.fixtures.fleet").build();
        FleetRunner runner = FleetRunner.configure().settings(settings).dataSource(counted)
                .targets(tenants.stream().map(Target::schema).toList()).options(FleetOptions.defaults().withParallel(3)).build();

        // H2 locks its whole catalog for each schema change: in parallel, the targets would only wait for one another.
        assertEquals(db.platform().equals("h2") ? 1 : 3, runner.options().parallel());
        assertEquals(db.platform().equals("h2"), runner.whyOneAtATime().isPresent(), runner.whyOneAtATime()::toString);

        FleetReport first = runner.run(FleetCommand.UPGRADE);
        assertTrue(first.succeeded(), String.join("\n", first.lines()));
        for (String tenant : tenants) {
            assertEquals("3", db.value("select count(*) from " + tenant + ".retort_history where direction = 'up' and success"), tenant);
            assertEquals("fee700000003", db.value("select version_num from " + tenant + ".retort_version"), tenant);
            assertEquals("0", db.value("select count(*) from " + tenant + ".item"), "the tables are the tenant's own");
        }

        statements.set(0);
        FleetReport again = runner.run(FleetCommand.UPGRADE);
        assertTrue(again.succeeded());
        assertEquals(tenants.size(), again.counts().get(TargetResult.Outcome.AT_HEAD));
        assertEquals(tenants.size(), statements.get(), "one query per target at head");

        FleetReport status = runner.run(FleetCommand.STATUS);
        assertEquals(tenants.size(), status.counts().get(TargetResult.Outcome.AT_HEAD), String.join("\n", status.lines()));
    }

    @Test
    void lintAndSqlOverTheFleetJudgeAndScriptEachTenantFromItsOwnRevisionAndWriteNothing() {
        Settings settings = Settings.builder().set(Setting.PACKAGE, "dev.retort.fixtures.fleetlint").build();
        List<String> three = tenants.subList(0, 3);
        FleetRunner runner = FleetRunner.configure().settings(settings).dataSource(db.dataSource())
                .targets(three.stream().map(Target::schema).toList()).build();
        String empty = three.get(0);
        String behind = three.get(1);
        String atHead = three.get(2);
        FleetRunner.configure().settings(settings).dataSource(db.dataSource()).targets(List.of(Target.schema(behind), Target.schema(atHead)))
                .build().run(FleetCommand.UPGRADE);
        // The tenant a revision behind: the column of the second revision gone, and its version the first.
        db.execute("alter table " + behind + ".item drop column price");
        db.execute("update " + behind + ".retort_version set version_num = 'fee900000001'");
        db.execute("create schema " + empty);

        // H2 has no lint rules (docs/h2.md): there the fleet's lint judges each tenant's revisions and finds nothing.
        boolean judged = !db.platform().equals("h2");
        FleetReport lint = runner.run(FleetCommand.LINT);
        assertEquals(!judged, lint.succeeded(), String.join("\n", lint.lines()));
        TargetResult fresh = lint.results().get(0);
        assertEquals(TargetResult.Outcome.LINTED, fresh.outcome(), String.join("\n", lint.lines()));
        assertEquals(List.of("fee900000001", "fee900000002"), fresh.lint().revisions());
        assertTrue(fresh.lint().findings().stream().noneMatch(f -> f.rule().equals("not-null-without-default")), fresh.lint().findings().toString());
        TargetResult late = lint.results().get(1);
        assertEquals(judged ? TargetResult.Outcome.FAILED : TargetResult.Outcome.LINTED, late.outcome());
        assertEquals(List.of("fee900000002"), late.lint().revisions());
        assertEquals(judged ? List.of("not-null-without-default") : List.of(),
                late.lint().errors().stream().map(dev.retort.lint.Finding::rule).toList());
        assertEquals(TargetResult.Outcome.AT_HEAD, lint.results().get(2).outcome());

        FleetReport sql = runner.run(FleetCommand.SQL);
        assertTrue(sql.succeeded(), String.join("\n", sql.lines()));
        assertEquals(2, sql.results().get(0).script().revisionCount());
        assertEquals(1, sql.results().get(1).script().revisionCount());
        assertEquals(List.of("fee900000001"), sql.results().get(1).from());
        assertTrue(sql.results().get(1).script().sql().contains("price"), sql.results().get(1).script().sql());
        assertEquals(TargetResult.Outcome.AT_HEAD, sql.results().get(2).outcome());
        assertEquals("fee900000001", db.value("select version_num from " + behind + ".retort_version"), "nothing was executed");
        assertEquals("0", db.value("select count(*) from information_schema.tables where table_schema = '" + empty + "'"), "nothing was executed");
    }

    /** The application's data source, counting the statements made on its connections. */
    private static DataSource counting(DataSource real, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(FleetTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, args) -> {
            Object value = invoke(real, m, args);
            if (!(value instanceof Connection c)) {
                return value;
            }
            return Proxy.newProxyInstance(FleetTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (cp, cm, cargs) -> {
                if (cm.getName().startsWith("prepare") || cm.getName().equals("createStatement")) {
                    statements.incrementAndGet();
                }
                return invoke(c, cm, cargs);
            });
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
