package dev.retort.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.retort.Retort;
import dev.retort.spring.boot.testmigrations.Book;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/** An application on an H2 file, Spring Boot's embedded default: the platform is told by its DataSource, and migrated at start-up. */
class RetortAutoConfigurationH2Test {

    @Test
    void anH2DataSourcePicksTheH2PlatformAndIsMigratedBeforeHibernateValidates() {
        try (TestDatabase db = TestDatabases.server("h2").createDatabase("boot_h2")) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class,
                            HibernateJpaAutoConfiguration.class, RetortAutoConfiguration.class))
                    .withUserConfiguration(RetortAutoConfigurationTest.Entities.class)
                    .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=sa", "spring.datasource.password=",
                            "spring.jpa.hibernate.ddl-auto=validate", "retort.package=dev.retort.spring.boot.testmigrations")
                    .run(context -> {
                        assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
                        assertEquals("h2", context.getBean(Retort.class).platform().id());
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
    }
}
