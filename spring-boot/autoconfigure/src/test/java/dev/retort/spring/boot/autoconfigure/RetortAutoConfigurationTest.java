package dev.retort.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.retort.Callback;
import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.RunResult;
import dev.retort.spring.boot.testmigrations.Book;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

@PostgresTest
class RetortAutoConfigurationTest {

    private static final String PACKAGE = "dev.retort.spring.boot.testmigrations";

    private final TestDatabase db;

    RetortAutoConfigurationTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private ApplicationContextRunner jpa() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class,
                        HibernateJpaAutoConfiguration.class, RetortAutoConfiguration.class))
                .withUserConfiguration(Entities.class)
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "spring.jpa.hibernate.ddl-auto=validate",
                        "retort.package=" + PACKAGE);
    }

    @Test
    void registersTheRunningInstanceWhenAskedAndRemovesItWhenTheContextCloses() {
        jpa().withPropertyValues("retort.register-instance=true").run(context -> {
            assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
            String id = context.getBean(dev.retort.RunningInstance.class).id();
            assertEquals("b0070b000002", db.value("select head from retort_instances where id = '" + id + "'"));
        });
        assertEquals("0", db.value("select count(*) from retort_instances"));
        jpa().run(context -> assertTrue(context.getBeansOfType(dev.retort.RunningInstance.class).isEmpty()));
    }

    @Test
    void upgradesBeforeTheEntityManagerFactoryValidates() {
        jpa().run(context -> {
            assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
            String[] dependsOn = context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn();
            assertTrue(dependsOn != null && Arrays.asList(dependsOn).contains(RetortAutoConfiguration.INITIALIZER),
                    "the entity manager factory waits for the migration: " + Arrays.toString(dependsOn));
            assertEquals("b0070b000002", db.value("select version_num from retort_version"));
            var em = context.getBean(EntityManagerFactory.class).createEntityManager();
            try {
                em.getTransaction().begin();
                em.persist(new Book("Dune", "978-0441013593"));
                em.getTransaction().commit();
            } finally {
                em.close();
            }
            assertEquals("Dune", db.value("select title from book"));
        });
    }

    @Test
    void aSecondStartAppliesNothing() {
        jpa().run(context -> assertNull(context.getStartupFailure()));
        List<RunResult> runs = new ArrayList<>();
        jpa().withBean(RetortCustomizer.class, () -> builder -> builder.listener(new MigrationListener() {
            @Override
            public void runFinished(RunResult result) {
                runs.add(result);
            }
        })).run(context -> assertNull(context.getStartupFailure()));
        assertEquals(1, runs.size());
        assertTrue(runs.get(0).nothingToDo(), "nothing left to apply");
        assertEquals("2", db.value("select count(*) from retort_history"));
    }

    @Test
    void anEntityManagerFactoryOfTheApplicationsOwnWaitsToo() {
        // No Boot JPA auto-configuration: the application defines its factory bean itself, and Hibernate validates.
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class))
                .withUserConfiguration(OwnEntityManagerFactory.class)
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "retort.package=" + PACKAGE)
                .run(context -> {
                    assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
                    assertTrue(Arrays.asList(context.getBeanFactory().getBeanDefinition("ownEntityManagerFactory").getDependsOn())
                            .contains(RetortAutoConfiguration.INITIALIZER));
                    assertEquals("b0070b000002", db.value("select version_num from retort_version"));
                });
    }

    @Test
    void lazyInitializationStillMigratesAtStartUp() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class))
                .withInitializer(context -> context.addBeanFactoryPostProcessor(
                        new org.springframework.boot.LazyInitializationBeanFactoryPostProcessor()))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "retort.package=" + PACKAGE)
                .run(context -> {
                    assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
                    assertEquals("b0070b000002", db.value("select version_num from retort_version"));
                });
    }

    @Test
    void disabledLeavesTheDatabaseAlone() {
        jpa().withPropertyValues("retort.enabled=false", "spring.jpa.hibernate.ddl-auto=none").run(context -> {
            assertNull(context.getStartupFailure());
            assertFalse(context.containsBean("retort"));
            assertFalse(context.containsBean(RetortAutoConfiguration.INITIALIZER));
            assertFalse(db.tableExists("retort_version"));
        });
    }

    @Test
    void noDataSourceAndNoUrlMeansNoRetort() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertFalse(context.containsBean("retort"));
                });
    }

    @Test
    void aDedicatedDatabaseFromRetortUrl() {
        // The application's DataSource works in schema "app"; Retort gets the database through retort.url and its own
        // credentials, so the tables land in public.
        db.execute("create schema app");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + withParameter(db.jdbcUrl(), "currentSchema=app"),
                        "spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password(),
                        "retort.url=" + db.jdbcUrl(), "retort.user=" + db.user(), "retort.password=" + db.password(),
                        "retort.package=" + PACKAGE)
                .run(context -> {
                    assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
                    assertFalse(context.getBean(Retort.class).dataSource() == context.getBean(javax.sql.DataSource.class),
                            "Retort does not use the application's pool");
                    assertTrue(db.tableExists("book"));
                    assertEquals("0", db.value("select count(*) from information_schema.tables where table_schema = 'app'"));
                });
    }

    @Test
    void aDedicatedDatabaseWithoutAnyDataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class))
                .withPropertyValues("retort.url=" + db.jdbcUrl(), "retort.user=" + db.user(), "retort.password=" + db.password(),
                        "retort.package=" + PACKAGE, "retort.target=b0070b000001")
                .run(context -> {
                    assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
                    assertEquals("b0070b000001", db.value("select version_num from retort_version"));
                });
    }

    @Test
    void validateOnlyWritesNothing() {
        jpa().withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
                .withBean(RetortMigrationStrategy.class, RetortMigrationStrategy::validateOnly)
                .run(context -> {
                    assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
                    assertFalse(db.tableExists("book"));
                    assertFalse(db.tableExists("retort_version"));
                });
    }

    @Test
    void validateOnlyRefusesAnEditedMigration() {
        jpa().run(context -> assertNull(context.getStartupFailure()));
        db.execute("update retort_history set checksum = 'edited' where revision = 'b0070b000001'");
        jpa().withBean(RetortMigrationStrategy.class, RetortMigrationStrategy::validateOnly).run(context -> {
            assertNotNull(context.getStartupFailure());
            assertTrue(analysis(context.getStartupFailure()).getDescription().contains("was edited after it was applied"),
                    analysis(context.getStartupFailure()).getDescription());
        });
    }

    @Test
    void failIfNotAtHeadRefusesABehindDatabaseAndAcceptsOneAtHead() {
        jpa().withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
                .withBean(RetortMigrationStrategy.class, RetortMigrationStrategy::failIfNotAtHead)
                .run(context -> {
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertEquals("Retort: The database is at base, not at the migrations' head b0070b000002: run the release step "
                            + "(or upgrade) before starting this version.", analysis.getDescription());
                    assertFalse(db.tableExists("book"));
                });
        jpa().run(context -> assertNull(context.getStartupFailure()));
        jpa().withBean(RetortMigrationStrategy.class, RetortMigrationStrategy::failIfNotAtHead)
                .run(context -> assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure()));
    }

    @Test
    void anEditedMigrationStopsStartUpWithOneLine() {
        jpa().run(context -> assertNull(context.getStartupFailure()));
        db.execute("update retort_history set checksum = 'edited' where revision = 'b0070b000001'");
        jpa().run(context -> {
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertTrue(analysis.getDescription().startsWith("Retort: Migration b0070b000001"), analysis.getDescription());
            assertTrue(analysis.getDescription().contains("edited"), analysis.getDescription());
            assertFalse(analysis.getDescription().contains("\n"), "one line: " + analysis.getDescription());
        });
    }

    @Test
    void productionRefusesUnlessConfirmed() {
        jpa().withPropertyValues("retort.environment=production").run(context -> {
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertTrue(analysis.getDescription().contains("production database"), analysis.getDescription());
            assertTrue(analysis.getDescription().contains("set retort.confirm to yes"), analysis.getDescription());
            assertFalse(db.tableExists("retort_version"), "nothing was changed");
        });
        jpa().withPropertyValues("retort.environment=production", "retort.confirm=yes").run(context -> {
            assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
            assertEquals("b0070b000002", db.value("select version_num from retort_version"));
        });
    }

    @Test
    void customizersAdjustTheBuilder() {
        jpa().withPropertyValues("retort.package=no.such.package", "spring.jpa.hibernate.ddl-auto=none")
                .withBean(RetortCustomizer.class, () -> builder -> builder.migrationsPackage(PACKAGE))
                .run(context -> {
                    assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
                    assertEquals("b0070b000002", db.value("select version_num from retort_version"));
                });
    }

    @Test
    void propertiesTakeCoreDurationsAndNames() {
        jpa().withPropertyValues("retort.lock-timeout=5", "retort.statementLockTimeout=2s", "retort.schema=public")
                .run(context -> {
                    assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
                    Retort retort = context.getBean(Retort.class);
                    assertEquals(java.time.Duration.ofSeconds(5), retort.settings().lockTimeout());
                    assertEquals(java.time.Duration.ofSeconds(2), retort.settings().statementLockTimeout());
                    assertEquals("public", retort.settings().schema());
                });
    }

    @Test
    void aBadPropertyIsOneLineNamingIt() {
        jpa().withPropertyValues("retort.lock-timeout=soon").run(context -> {
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertTrue(analysis.getDescription().contains("retort.lockTimeout"), analysis.getDescription());
            assertFalse(analysis.getDescription().contains("\n"), analysis.getDescription());
        });
    }

    @Test
    void configurationMetadataListsEveryProperty() throws Exception {
        String metadata;
        try (var in = RetortProperties.class.getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertNotNull(in, "the jar carries configuration metadata");
            metadata = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String name : List.of("enabled", "target", "url", "user", "password", "password-file", "package", "sql-location", "schema", "lock-timeout",
                "statement-lock-timeout", "statement-timeout", "connect-timeout", "read-timeout", "connect-retries", "environment", "confirm",
                "placeholders", "exclude-objects", "schemas", "clean-enabled", "baseline-on-release")) {
            assertTrue(metadata.contains("\"name\": \"retort." + name + "\""), "metadata for retort." + name);
        }
        assertTrue(metadata.contains("The package of the migration classes"), "retort.package has its description");
        // Every property the metadata names binds into core's settings: a start-up with all of them set works.
        jpa().withPropertyValues("retort.password-file=", "retort.connect-timeout=5s", "retort.read-timeout=20s", "retort.connect-retries=1",
                "retort.environment=staging", "retort.confirm=no", "retort.statement-timeout=0", "retort.target=heads",
                "retort.sql-location=classpath:db/other", "retort.placeholders.app_role=reader", "retort.exclude-objects=audit_*",
                "retort.schemas=public", "retort.clean-enabled=no", "retort.baseline-on-release=head")
                .run(context -> {
                    assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
                    Retort retort = context.getBean(Retort.class);
                    assertEquals(java.time.Duration.ofSeconds(20), retort.settings().readTimeout());
                    assertEquals(1, retort.settings().connectRetries());
                    assertEquals("staging", retort.settings().environment());
                    assertEquals("db/other", retort.settings().sqlLocation());
                    assertEquals(java.util.Map.of("app_role", "reader"), retort.settings().placeholders());
                    assertEquals(List.of("audit_*"), retort.settings().excludeObjects());
                    assertEquals(List.of("public"), retort.settings().schemas());
                    assertFalse(retort.settings().cleanEnabled());
                    assertEquals("head", retort.settings().baselineOnRelease());
                });
    }

    private static FailureAnalysis analysis(Throwable failure) {
        assertNotNull(failure, "start-up must fail");
        FailureAnalysis analysis = new RetortFailureAnalyzer().analyze(failure);
        assertNotNull(analysis, () -> "a Retort failure: " + failure);
        return analysis;
    }

    private static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    @Test
    void callbackBeansRunAndRepeatablesApplyWithThePlaceholdersOfTheProperties() {
        List<String> events = new ArrayList<>();
        jpa().withPropertyValues("retort.sqlLocation=dev/retort/spring/boot/daytwo", "retort.placeholders.shelf=fiction")
                .withBean(Callback.class, () -> Callback.at(Callback.Event.AFTER_RUN, "recorder", (step, op) -> events.add("afterRun")))
                .run(context -> {
                    assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
                    assertEquals(List.of("afterRun"), events, "a Callback bean runs at its event");
                    assertEquals("book_shelf", db.value("select revision from retort_history where direction = 'repeat'"));
                    db.execute("insert into book (id, title, isbn) values (1, 'Dune', '978-0441013593')");
                    assertEquals("fiction", db.value("select shelf from book_shelf"), "the placeholder came from retort.placeholders.shelf");
                });
        jpa().withPropertyValues("retort.sqlLocation=dev/retort/spring/boot/daytwo", "retort.placeholders.shelf=fiction")
                .withBean(Callback.class, () -> Callback.at(Callback.Event.AFTER_RUN, "reader grants",
                        (step, op) -> op.execute("grant select on no_such_table to public")))
                .run(context -> {
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertTrue(analysis.getDescription().contains("The afterRun callback reader grants failed and was rolled back"),
                            analysis.getDescription());
                });
        assertEquals(List.of("book_shelf"), db.column("select revision from retort_history where direction = 'repeat'"),
                "the unchanged repeatable did not run again at the second start");
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Book.class)
    static class Entities {
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEntityManagerFactory {
        @org.springframework.context.annotation.Bean
        org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean ownEntityManagerFactory(javax.sql.DataSource dataSource) {
            var factory = new org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean();
            factory.setDataSource(dataSource);
            factory.setPackagesToScan(Book.class.getPackageName());
            factory.setJpaVendorAdapter(new org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter());
            factory.getJpaPropertyMap().put("hibernate.hbm2ddl.auto", "validate");
            return factory;
        }
    }
}
