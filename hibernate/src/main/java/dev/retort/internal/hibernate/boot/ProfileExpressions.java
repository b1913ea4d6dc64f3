package dev.retort.internal.hibernate.boot;

import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import dev.retort.RetortException;
import dev.retort.internal.Messages;

/**
 * Whether a document's {@code spring.config.activate.on-profile} matches the active profiles. Evaluated by Spring's
 * own {@code Profiles.of} from the application's class path, so {@code prod & !cloud} and {@code (eu | us)} mean what
 * they mean at start-up; only JDK types cross to it.
 */
final class ProfileExpressions {

    private ProfileExpressions() {
    }

    static boolean matches(List<String> expressions, Collection<String> active, String file, ClassLoader application) {
        try {
            Class<?> profiles = Class.forName("org.springframework.core.env.Profiles", true, application);
            Object parsed = profiles.getMethod("of", String[].class).invoke(null, (Object) expressions.toArray(String[]::new));
            Predicate<String> isActive = active::contains;
            return (Boolean) profiles.getMethod("matches", Predicate.class).invoke(parsed, isActive);
        } catch (InvocationTargetException e) {
            throw new RetortException("The spring.config.activate.on-profile of a document in the application's " + file + " ("
                    + String.join(", ", expressions) + ") is not a profile expression: " + Messages.rootMessage(e.getCause()) + "; fix it.",
                    e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new RetortException("The application's " + file + " has a document for profile(s) " + String.join(", ", expressions)
                    + ", but the application has no Spring Framework (spring-core) on its class path to tell whether it applies: " + e + ".", e);
        }
    }
}
