package dev.retort.containers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import org.testcontainers.utility.TestcontainersConfiguration;

import dev.retort.RetortException;

/**
 * The images a Testcontainers container needs, made present before Testcontainers starts: the container's own, and,
 * unless turned off, Ryuk's (its clean-up container) and the small image of its start-up checks. Each missing image is
 * pulled once, within a time limit; Testcontainers itself would retry a failing pull of Ryuk's image for minutes and
 * then report that Docker is not available. Asks Docker through a client of its own, because Testcontainers' shared
 * client starts Ryuk as it is made.
 */
public final class ContainerImages {

    /** How long one image pull may take. */
    static final Duration PULL_TIMEOUT = Duration.ofSeconds(50);

    private static final java.util.regex.Pattern RYUK = java.util.regex.Pattern.compile("testcontainers/ryuk:[\\w.-]+");

    private static final java.util.regex.Pattern DAEMON_MESSAGE = java.util.regex.Pattern.compile("\\{\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * An image that is not here and could not be pulled: which, for what, and the daemon's answer.
     *
     * @param image  the image's name, as Testcontainers would pull it
     * @param role   what Testcontainers needs it for
     * @param reason why it is not here, in words ({@code it cannot be pulled from Docker Hub: …})
     */
    public record Missing(String image, Role role, String reason) {

        /**
         * What to do about it, in a sentence for a dev database: {@code instead} names what else the user may set
         * {@code devDatabase} to (e.g. {@code embedded (no Docker needed) or to the JDBC URL of a scratch PostgreSQL server}).
         */
        public String advice(String instead) {
            return switch (role) {
                case CONTAINER -> "The dev database image " + image + " is not on this machine, and " + reason + ". Set {devImage} to an "
                        + "image this machine has (docker images), or set {devDatabase} to " + instead + ".";
                case RYUK -> "Testcontainers starts its clean-up container (Ryuk) from " + image + ", which is not on this machine, and "
                        + reason + ". Set TESTCONTAINERS_RYUK_DISABLED=true (the dev database container is then removed when the run "
                        + "ends), or set {devDatabase} to " + instead + ".";
                case CHECKS -> "Testcontainers checks Docker with a container of " + image + ", which is not on this machine, and "
                        + reason + ". Set checks.disable=true in ~/.testcontainers.properties, or set {devDatabase} to " + instead + ".";
            };
        }

        /** Which image is missing and why, in a few words, for a test's report. */
        public String describe() {
            return "image " + image + (role == Role.RYUK ? " (Testcontainers' Ryuk; TESTCONTAINERS_RYUK_DISABLED=true does without it)" : "")
                    + " is not here, and " + reason;
        }
    }

    /** What Testcontainers needs an image for. */
    public enum Role {
        /** The container's own image. */
        CONTAINER,
        /** Ryuk, the container that removes the others when the JVM ends. */
        RYUK,
        /** The small image Testcontainers checks Docker with at its start. */
        CHECKS
    }

    private ContainerImages() {
    }

    /**
     * Makes the images present, pulling those Docker lacks; returns the first that is neither here nor pullable, or
     * null when all are here.
     *
     * @param progress told of each pull before it starts
     * @throws IllegalStateException when Docker does not answer
     */
    public static Missing ensure(String image, java.util.function.Consumer<String> progress) {
        List<Needed> needed = new ArrayList<>();
        needed.add(new Needed(image, Role.CONTAINER));
        if (!"true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            String ryuk = ryukImage();
            if (ryuk != null) {
                needed.add(new Needed(ryuk, Role.RYUK));
            }
        }
        if (!TestcontainersConfiguration.getInstance().isDisableChecks()) {
            needed.add(new Needed(substituted("alpine:3.17"), Role.CHECKS));
        }
        try (DockerClient client = DockerClientProviderStrategy.getClientForConfig(DockerClientFactory.instance().getTransportConfig())) {
            for (Needed n : needed) {
                String reason = present(client, n.image(), progress);
                if (reason != null) {
                    return new Missing(n.image(), n.role(), reason);
                }
            }
            return null;
        } catch (java.io.IOException e) {
            return null; // closing the client failed; the images were found
        }
    }

    private record Needed(String image, Role role) {
    }

    /** Null when the image is here or was pulled; otherwise why it is not here. */
    private static String present(DockerClient client, String image, java.util.function.Consumer<String> progress) {
        try {
            client.inspectImageCmd(image).exec();
            return null;
        } catch (NotFoundException e) {
            // not here yet: pull it
        }
        String from = registry(image);
        progress.accept("Pulling " + image + " from " + from + " (at most " + PULL_TIMEOUT.toSeconds() + " s).");
        try {
            QuietPull pull = client.pullImageCmd(image).exec(new QuietPull());
            boolean done = pull.awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (pull.error != null) {
                return "it cannot be pulled from " + from + ": " + daemonMessage(pull.error);
            }
            return done ? null : "it was not pulled from " + from + " within " + PULL_TIMEOUT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "pulling it was interrupted";
        } catch (RuntimeException e) {
            return "it cannot be pulled from " + from + ": " + daemonMessage(e);
        }
    }

    /** A pull's callback that keeps its error for the message instead of logging it with a stack trace. */
    private static final class QuietPull extends PullImageResultCallback {
        private volatile Throwable error;

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            try {
                close();
            } catch (java.io.IOException e) {
                // the stream is gone either way
            }
        }
    }

    /** Where an image is pulled from, in words. */
    static String registry(String image) {
        String registry = DockerImageName.parse(image).getRegistry();
        return registry == null || registry.isBlank() ? "Docker Hub" : registry;
    }

    /**
     * The image Testcontainers' Ryuk runs, or null when this Testcontainers does not say. Read from the class's
     * constants: creating the container object would resolve its image, which pulls it.
     */
    private static String ryukImage() {
        try (var in = DockerClientFactory.class.getResourceAsStream("/org/testcontainers/utility/RyukContainer.class")) {
            if (in == null) {
                return null;
            }
            var m = RYUK.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
            return m.find() ? substituted(m.group()) : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String substituted(String image) {
        return ImageNameSubstitutor.instance().apply(DockerImageName.parse(image)).asCanonicalNameString();
    }

    /** The Docker daemon's own words from an error it answered with ({@code Status 500: {"message":"..."}}). */
    private static String daemonMessage(Throwable e) {
        String text = RetortException.rootMessage(e);
        java.util.regex.Matcher m = DAEMON_MESSAGE.matcher(text);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : text;
    }
}
