package dev.retort.spring.boot.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

import dev.retort.spring.boot.testmigrations.Book;
import dev.retort.testing.PostgresServer;
import dev.retort.testing.TestDatabase;

/**
 * A whole application as a test sees it: the database (from retort-test-support: a server, a container or an embedded
 * PostgreSQL) is migrated at start-up, and Hibernate's ddl-auto=validate accepts the schema the migrations made.
 */
@SpringBootTest(properties = { "spring.jpa.hibernate.ddl-auto=validate", "retort.package=dev.retort.spring.boot.testmigrations" })
class SampleApplicationTest {

    private static final TestDatabase DB = PostgresServer.get().createDatabase("SampleApplicationTest");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::jdbcUrl);
        registry.add("spring.datasource.username", DB::user);
        registry.add("spring.datasource.password", DB::password);
    }

    @AfterAll
    static void dropDatabase() {
        PostgresServer.get().dropDatabase(DB);
    }

    @PersistenceContext
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Transactional
    void seesTheMigratedSchemaThroughJpa() {
        assertEquals("b0070b000002", jdbc.queryForObject("select version_num from retort_version", String.class));
        entityManager.persist(new Book("Solaris", "978-0156027601"));
        entityManager.flush();
        assertEquals(1L, entityManager.createQuery("select count(b) from Book b where b.isbn = '978-0156027601'", Long.class)
                .getSingleResult());
    }
}
