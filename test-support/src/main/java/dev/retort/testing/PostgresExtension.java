package dev.retort.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a fresh, empty PostgreSQL database and drops it after the class.
 * Inject it as a {@link TestDatabase} parameter of a constructor, a lifecycle method or a test.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase db = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), TestDatabase.class);
        if (db != null) {
            PostgresServer.get().dropDatabase(db);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return database(extensionContext);
    }

    private static TestDatabase database(ExtensionContext context) {
        // Stores are searched up the context tree, so a method context finds its class's database.
        Class<?> testClass = context.getRequiredTestClass();
        return context.getStore(NAMESPACE).computeIfAbsent(testClass,
                key -> PostgresServer.get().createDatabase(testClass.getSimpleName()), TestDatabase.class);
    }
}
