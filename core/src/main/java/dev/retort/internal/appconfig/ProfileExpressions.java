package dev.retort.internal.appconfig;

import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import dev.retort.RetortException;
import dev.retort.internal.Messages;

/**
 * Whether a document's {@code spring.config.activate.on-profile} matches the active profiles. Evaluated by Spring's
 * own {@code Profiles.of} from the application's class path, so {@code prod & !cloud} and {@code (eu | us)} mean what
 * they mean at start-up; only JDK types cross to it. Every Spring Boot application has Spring there; a class path
 * without it is still read for plain names and {@code !name}, which need no parser.
 */
final class ProfileExpressions {

    private static final String PROFILES = "org.springframework.core.env.Profiles";

    private ProfileExpressions() {
    }

    static boolean matches(List<String> expressions, Collection<String> active, String file, ClassLoader application) {
        Class<?> profiles;
        try {
            profiles = Class.forName(PROFILES, true, application);
        } catch (ClassNotFoundException | LinkageError e) {
            return withoutSpring(expressions, active, file, e);
        }
        try {
            Object parsed = profiles.getMethod("of", String[].class).invoke(null, (Object) expressions.toArray(String[]::new));
            Predicate<String> isActive = active::contains;
            return (Boolean) profiles.getMethod("matches", Predicate.class).invoke(parsed, isActive);
        } catch (InvocationTargetException e) {
            throw new RetortException("The spring.config.activate.on-profile of a document in the application's " + file + " ("
                    + String.join(", ", expressions) + ") is not a profile expression: " + Messages.rootMessage(e.getCause()) + "; fix it.",
                    e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new RetortException("Cannot use the Spring Framework on the application's class path to tell whether a document of its "
                    + file + " (for profile(s) " + String.join(", ", expressions) + ") applies: " + e + ".", e);
        }
    }

    /** Any one of the names, or {@code !name}s, active: what a list of plain expressions means to {@code Profiles.of}. */
    private static boolean withoutSpring(List<String> expressions, Collection<String> active, String file, Throwable missing) {
        if (expressions.stream().anyMatch(expression -> expression.matches(".*[&|()].*"))) {
            throw new RetortException("The application's " + file + " has a document for profile(s) " + String.join(", ", expressions)
                    + ", and only Spring's own parser, which its class path lacks, can tell whether it applies; add "
                    + "org.springframework:spring-core (spring-boot-starter brings it).", missing);
        }
        return expressions.stream().map(String::strip).anyMatch(expression -> expression.startsWith("!")
                ? !active.contains(expression.substring(1).strip()) : active.contains(expression));
    }
}
