package dev.retort.containers;

import java.util.function.Consumer;

import org.testcontainers.containers.GenericContainer;

import dev.retort.RetortException;

/** A platform's docker dev database: Docker and the images checked first, then the container started, each failure a sentence. */
public final class DevContainers {

    private DevContainers() {
    }

    /**
     * Makes sure Docker answers and the images a container of {@code image} needs are here (pulling those that are not),
     * or refuses in a sentence that names what is missing and what else to set.
     *
     * @param instead  what else {@code devDatabase} may be set to, e.g. {@code the JDBC URL of a scratch MariaDB server}
     * @param progress told of each image pull
     */
    public static void prepare(String image, String instead, Consumer<String> progress) {
        String unavailable = Docker.unavailable();
        if (unavailable != null) {
            throw new RetortException("{devDatabase}=docker needs Docker, which is not available here (" + unavailable + "); start Docker, "
                    + "or set {devDatabase} to " + instead + ".");
        }
        ContainerImages.Missing missing = ContainerImages.ensure(image, progress);
        if (missing != null) {
            throw new RetortException(missing.advice(instead));
        }
    }

    /**
     * Starts the container, saying how long it took; one that does not start is stopped again and refused in a sentence.
     *
     * @param since when {@link #prepare} began, from {@link System#nanoTime()}: the time said includes pulls
     */
    public static <C extends GenericContainer<?>> C start(C container, String image, long since, Consumer<String> progress) {
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new RetortException("The dev database container (" + image + ") did not start: " + RetortException.rootMessage(e)
                    + ". Check that the image can be pulled, or set {devImage}.", e);
        }
        progress.accept(String.format("Started dev database %s (%s) in %.1f s.", image, container.getContainerName(),
                (System.nanoTime() - since) / 1e9));
        return container;
    }
}
