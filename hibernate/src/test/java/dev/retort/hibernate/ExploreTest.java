package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.retort.hibernate.model.library.Address;
import dev.retort.hibernate.model.library.Author;
import dev.retort.hibernate.model.library.Book;
import dev.retort.hibernate.model.library.Tag;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.Catalog;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

@PostgresTest
class ExploreTest {
    @Test
    void explore(TestDatabase db) {
        List<Class<?>> classes = List.of(Author.class, Book.class, Tag.class, Address.class);
        SchemaModel model = HibernateSchemaReader.read(classes, Map.of());
        model.tables().forEach(System.out::println);
        model.sequences().forEach(System.out::println);
        Hbm2ddl.create(db, classes);
        Catalog.snapshot(db).forEach(l -> System.out.println("CAT " + l));
        assertFalse(model.tables().isEmpty());
    }
}
