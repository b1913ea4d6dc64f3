package dev.retort.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * Whether the images a test container needs are here or can be pulled, found out before Testcontainers starts: where
 * Docker runs but no registry answers, Testcontainers retries its Ryuk image's pull for minutes in every test JVM.
 * Docker is asked through a client of this class's own; Testcontainers' shared one starts Ryuk as it is made.
 */
final class ContainerImages {

    private static final long PULL_SECONDS = 50;
    private static final Pattern DAEMON_MESSAGE = Pattern.compile("\\{\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern RYUK = Pattern.compile("testcontainers/ryuk:[\\w.-]+");

    private ContainerImages() {
    }

    /** Whether a Docker daemon answers, asked without starting Ryuk. */
    static boolean dockerAnswers() {
        try {
            DockerClientFactory.instance().getTransportConfig();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Null when the image, Ryuk's (unless {@code TESTCONTAINERS_RYUK_DISABLED}) and that of Testcontainers' start-up
     * checks (unless turned off) are here or were pulled; otherwise which image is missing, and why, in a few words.
     */
    static String unavailable(String image) {
        List<String> images = new ArrayList<>(List.of(image));
        String ryuk = "true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED")) ? null : ryukImage();
        if (ryuk != null) {
            images.add(ryuk);
        }
        if (!TestcontainersConfiguration.getInstance().isDisableChecks()) {
            images.add(substituted("alpine:3.17"));
        }
        try (DockerClient client = DockerClientProviderStrategy.getClientForConfig(DockerClientFactory.instance().getTransportConfig())) {
            for (String needed : images) {
                String reason = pulledUnlessHere(client, needed);
                if (reason != null) {
                    return "image " + needed + (needed.equals(ryuk) ? " (Testcontainers' Ryuk; TESTCONTAINERS_RYUK_DISABLED=true does without it)"
                            : "") + " is not here and " + reason;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "Docker did not answer about its images: " + e.getMessage();
        }
    }

    private static String pulledUnlessHere(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
            return null;
        } catch (NotFoundException e) {
            // pull it
        }
        try {
            QuietPull pull = client.pullImageCmd(image).exec(new QuietPull());
            boolean done = pull.awaitCompletion(PULL_SECONDS, TimeUnit.SECONDS);
            if (pull.error != null) {
                return "cannot be pulled: " + daemonWords(pull.error);
            }
            return done ? null : "was not pulled within " + PULL_SECONDS + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "its pull was interrupted";
        } catch (RuntimeException e) {
            return "cannot be pulled: " + daemonWords(e);
        }
    }

    /** What the daemon said, without the HTTP envelope ({@code Status 500: {"message":"..."}}), on one line. */
    private static String daemonWords(Throwable e) {
        String text = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
        Matcher m = DAEMON_MESSAGE.matcher(text);
        return m.find() ? m.group(1).replace("\\\"", "\"") : text;
    }

    /** Keeps a failed pull's error for the caller; the library would log it with a stack trace. */
    private static final class QuietPull extends PullImageResultCallback {
        private volatile Throwable error;

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            try {
                close();
            } catch (IOException e) {
                // the stream is gone either way
            }
        }
    }

    /** Ryuk's image, read from the class's constants: making the container object would resolve, and so pull, it. */
    private static String ryukImage() {
        try (InputStream in = DockerClientFactory.class.getResourceAsStream("/org/testcontainers/utility/RyukContainer.class")) {
            Matcher m = in == null ? null : RYUK.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            return m != null && m.find() ? substituted(m.group()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String substituted(String image) {
        return ImageNameSubstitutor.instance().apply(DockerImageName.parse(image)).asCanonicalNameString();
    }
}
