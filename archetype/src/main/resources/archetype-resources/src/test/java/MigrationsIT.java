package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.retort.Retort;
import dev.retort.command.RevisionStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ${package}.model.Author;
import ${package}.model.Book;

/**
 * Upgrades a real PostgreSQL (embedded: started from Maven artifacts, removed afterwards) with the project's
 * migrations, then uses the entities on it with Hibernate validating the schema: the migrations produce the
 * schema the application expects.
 */
class MigrationsIT {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void theMigrationsBuildTheSchemaTheEntitiesNeed() {
        try (Retort retort = Retort.configure().dataSource(postgres.getPostgresDatabase()).load()) {
            retort.upgrade();
            List<RevisionStatus> status = retort.status();
            assertTrue(status.stream().allMatch(RevisionStatus::applied), "every revision is applied: " + status);
        }

        // The embedded server's DataSource, as an application passes its pool: Hibernate's own built-in pool is for tests
        // of Hibernate only, and says so with a warning.
        PersistenceConfiguration jpa = new PersistenceConfiguration("${artifactId}")
                .managedClass(Author.class).managedClass(Book.class)
                .property("hibernate.connection.datasource", postgres.getPostgresDatabase())
                .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "none")
                .property("hibernate.hbm2ddl.auto", "validate");
        try (EntityManagerFactory factory = jpa.createEntityManagerFactory()) {
            factory.runInTransaction(em -> {
                Author author = new Author("Ursula K. Le Guin");
                em.persist(author);
                em.persist(new Book("The Dispossessed", author));
            });
            long books = factory.callInTransaction(em -> em.createQuery("select count(b) from Book b where b.author.name = :name", Long.class)
                    .setParameter("name", "Ursula K. Le Guin").getSingleResult());
            assertEquals(1, books);
        }
    }
}
