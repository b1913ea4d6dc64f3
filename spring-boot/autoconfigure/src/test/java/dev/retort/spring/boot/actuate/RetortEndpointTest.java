package dev.retort.spring.boot.actuate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.retort.spring.boot.actuate.RetortEndpoint.RetortReport;
import dev.retort.spring.boot.actuate.RetortEndpoint.RevisionDescriptor;
import dev.retort.spring.boot.autoconfigure.RetortAutoConfiguration;
import dev.retort.spring.boot.autoconfigure.RetortCustomizer;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

@PostgresTest
class RetortEndpointTest {

    private final TestDatabase db;

    RetortEndpointTest(TestDatabase db) {
        this.db = db;
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class,
                        RetortEndpointAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "retort.package=dev.retort.spring.boot.testmigrations",
                        "retort.target=b0070b000001");
    }

    @Test
    void listsRevisionsAppliedOrPendingAndTheHeads() {
        db.reset();
        runner().run(context -> {
            assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
            RetortReport report = context.getBean(RetortEndpoint.class).revisions();
            assertEquals(List.of("b0070b000002"), report.heads());
            assertEquals(List.of("b0070b000001"), report.current());
            assertEquals(2, report.revisions().size());
            RevisionDescriptor first = report.revisions().get(0);
            assertEquals("b0070b000001", first.id());
            assertEquals("create book", first.message());
            assertEquals("applied", first.state());
            assertTrue(first.current());
            assertNotNull(first.appliedAt(), "applied at");
            RevisionDescriptor second = report.revisions().get(1);
            assertEquals("b0070b000002", second.id());
            assertEquals(List.of("b0070b000001"), second.parents());
            assertEquals("pending", second.state());
            assertTrue(second.head());
            assertNull(second.appliedAt());
        });
    }

    @Test
    void noEndpointWithoutActuator() {
        db.reset();
        // The filtered class loader hides Actuator; the migrations are found with the test's own loader.
        runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .withBean(RetortCustomizer.class, () -> builder -> builder.classLoader(RetortEndpointTest.class.getClassLoader()))
                .run(context -> {
            assertNull(context.getStartupFailure(), () -> "start-up failed: " + context.getStartupFailure());
            assertFalse(context.containsBean("retortEndpoint"));
            assertEquals("b0070b000001", db.value("select version_num from retort_version"));
        });
    }
}
