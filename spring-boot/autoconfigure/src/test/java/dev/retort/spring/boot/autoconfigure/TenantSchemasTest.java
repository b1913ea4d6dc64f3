package dev.retort.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** A schema-per-tenant application: a bean lists the tenants' schemas, and start-up migrates each, on the application's pool. */
@PostgresTest
class TenantSchemasTest {

    private static final List<String> TENANTS = List.of("tenant_acme", "tenant_globex", "tenant_initech");

    private final TestDatabase db;

    TenantSchemasTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private ApplicationContextRunner application() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "retort.package=dev.retort.spring.boot.testmigrations",
                        "retort.parallel=2")
                .withBean(RetortTenantSchemas.class, () -> () -> TENANTS);
    }

    @Test
    void startUpMigratesEachTenantSchemaOnceAndNotTheDefaultSchema() {
        application().run(context -> assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure()));
        for (String tenant : TENANTS) {
            assertEquals("b0070b000002", db.value("select version_num from " + tenant + ".retort_version"), tenant);
            assertEquals("2", db.value("select count(*) from " + tenant + ".retort_history where direction = 'up' and success"), tenant);
            assertEquals("1", db.value("select count(*) from information_schema.tables where table_schema = '" + tenant
                    + "' and table_name = 'book'"), tenant);
        }
        assertFalse(db.tableExists("retort_version"), "the default schema is no tenant");

        application().run(context -> assertNull(context.getStartupFailure()));
        for (String tenant : TENANTS) {
            assertEquals("2", db.value("select count(*) from " + tenant + ".retort_history where direction = 'up' and success"),
                    "a second start applies nothing in " + tenant);
        }
    }

    @Test
    void aTenantThatFailsStopsStartUpNamingItWhileTheOthersAreMigrated() {
        db.execute("create schema tenant_globex; create table tenant_globex.book (id int)");
        application().run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, "start-up must fail");
            String message = rootMessage(failure);
            assertTrue(message.contains("tenant_globex") && message.contains("1 of 3"), message);
        });
        assertEquals("b0070b000002", db.value("select version_num from tenant_acme.retort_version"));
        assertEquals("b0070b000002", db.value("select version_num from tenant_initech.retort_version"));
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
