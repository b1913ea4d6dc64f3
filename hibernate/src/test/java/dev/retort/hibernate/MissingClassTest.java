package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.RetortException;
import dev.retort.platform.Platforms;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** A class the entities need but the class path lacks is named in one line, with the entity or listener that needs it. */
@PostgresTest
class MissingClassTest {

    private static final String IMPORTS = "import jakarta.persistence.*;\n";

    private final TestDatabase db;

    MissingClassTest(TestDatabase db) {
        this.db = db;
    }

    /** Compiles the model with {@code lost.Clock}, then removes that class, as a dependency missing at run time would. */
    private static ClassLoader withoutClock(Path work, String... classes) {
        Map<String, String> sources = new java.util.LinkedHashMap<>(JavaSources.sources("lost", IMPORTS, classes));
        sources.put("lost.Clock", "package lost; public class Clock { }");
        JavaSources.compile(work, sources);
        try {
            Files.delete(work.resolve("classes/lost/Clock.class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JavaSources.loader(work.resolve("classes"));
    }

    private RetortException read(ClassLoader loader) {
        return assertThrows(RetortException.class, () -> HibernateSchemaSource.builder().classLoader(loader).packages(List.of("lost")).build()
                .read(Platforms.named("postgresql")));
    }

    @Test
    void aListenerNeedingAMissingClassIsNamed(@TempDir Path work) {
        ClassLoader loader = withoutClock(work,
                "@Entity @EntityListeners(AuditListener.class) public class Ledger { @Id Long id; }",
                "public class AuditListener { Clock clock; @PrePersist void stamp(Object entity) { } }");
        assertEquals("Entity listener lost.AuditListener of lost.Ledger cannot be loaded: class lost.Clock is missing from the project's "
                + "class path; add the dependency that holds it.", read(loader).getMessage());
        assertEquals("0", db.value("select count(*) from pg_tables where schemaname = 'public'"));
    }

    @Test
    void anEntityNeedingAMissingClassIsNamed(@TempDir Path work) {
        ClassLoader loader = withoutClock(work, "@Entity public class Ledger { @Id Long id; @Transient Clock clock; }");
        assertEquals("Entity class lost.Ledger cannot be loaded: class lost.Clock is missing from the project's class path; add the "
                + "dependency that holds it.", read(loader).getMessage());
        assertEquals("0", db.value("select count(*) from pg_tables where schemaname = 'public'"));
    }

    @Test
    void aClassAnAnnotationNamesThatNeedsAMissingOneIsNamedWithTheAnnotation(@TempDir Path work) {
        // Java reports this as TypeNotPresentException for type [unknown]: the annotation's class is there, its superclass is not.
        ClassLoader loader = withoutClock(work, "@Entity public class Ledger { @Id Long id; @Convert(converter = Upper.class) String name; }",
                "public class Upper extends Clock implements AttributeConverter<String, String> {"
                        + " public String convertToDatabaseColumn(String s) { return s; }"
                        + " public String convertToEntityAttribute(String s) { return s; } }");
        assertEquals("Entity class lost.Ledger cannot be loaded: class lost.Clock is missing from the project's class path (needed by the "
                + "class @Convert on lost.Ledger.name names); add the dependency that holds it.", read(loader).getMessage());
        assertEquals("0", db.value("select count(*) from pg_tables where schemaname = 'public'"));
    }
}
