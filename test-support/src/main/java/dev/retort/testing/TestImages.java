package dev.retort.testing;

import dev.retort.containers.ContainerImages;

/** Whether a test container's images are here, asked before Testcontainers is, in words for the test's report. */
final class TestImages {

    private TestImages() {
    }

    /** Which image a container of {@code image} lacks and why, or null when all are here or were pulled. */
    static String unavailable(String image) {
        try {
            ContainerImages.Missing missing = ContainerImages.ensure(image, pull -> { });
            return missing == null ? null : missing.describe();
        } catch (RuntimeException e) {
            return "Docker did not answer about its images: " + e.getMessage();
        }
    }
}
