package dev.retort.internal.hibernate.reader;

import java.util.Arrays;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.service.spi.ServiceContributor;

import dev.retort.RetortException;

/**
 * The services an application registers on its own {@code StandardServiceRegistryBuilder} (what a custom id generator
 * may need while Hibernate builds its metadata), supplied to the reader as Hibernate's own {@link ServiceContributor}s:
 * those the application lists in {@code META-INF/services} are applied by Hibernate itself, and those named by the
 * setting {@value Generators#SERVICE_CONTRIBUTORS} (comma-separated class names, from the application's class path)
 * here.
 */
final class ServiceContributors {

    private ServiceContributors() {
    }

    static void apply(StandardServiceRegistryBuilder builder, Object names, ClassLoader loader) {
        if (names == null || names.toString().isBlank()) {
            return;
        }
        for (String name : Arrays.stream(names.toString().split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList()) {
            Object contributor;
            try {
                contributor = Class.forName(name, true, loader).getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new RetortException("The Hibernate setting " + Generators.SERVICE_CONTRIBUTORS + " names " + name + ", which cannot be "
                        + "created (" + e + "); name a public class with a public constructor without parameters on the project's class path.", e);
            }
            if (!(contributor instanceof ServiceContributor serviceContributor)) {
                throw new RetortException("The Hibernate setting " + Generators.SERVICE_CONTRIBUTORS + " names " + name + ", which is no "
                        + ServiceContributor.class.getName() + "; name classes that implement it.");
            }
            serviceContributor.contribute(builder);
        }
    }
}
