package dev.retort.revision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import dev.retort.RetortException;
import dev.retort.internal.revision.RevisionIndex;

/**
 * What an application artifact knows of the revision graph, read from the jar without running it: its revision
 * index (written at build time by {@code migrations:index} beside the migrations, also inside a Spring Boot jar's
 * {@code BOOT-INF/classes}),
 * or else the {@code Retort-Head} attribute of its manifest.
 *
 * @param heads     the artifact's head revision(s)
 * @param revisions every revision the artifact knows (just the heads when only the manifest says anything)
 */
public record ArtifactRevisions(Set<String> heads, Set<String> revisions) {

    /** The manifest attribute that records an artifact's head(s), comma-separated. */
    public static final String MANIFEST_ATTRIBUTE = "Retort-Head";

    /** Where a build puts the revision index of a package, relative to a class path root. */
    public static String indexResource(String packageName) {
        return RevisionIndex.resourceName(packageName);
    }

    public ArtifactRevisions {
        heads = Set.copyOf(heads);
        revisions = Set.copyOf(revisions);
    }

    /**
     * Reads an artifact.
     *
     * @throws RetortException when the jar cannot be read or records no head
     */
    public static ArtifactRevisions read(Path jar, String packageName) {
        String index = RevisionIndex.resourceName(packageName);
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String name : new String[] {index, "BOOT-INF/classes/" + index, "WEB-INF/classes/" + index}) {
                JarEntry entry = file.getJarEntry(name);
                if (entry != null) {
                    try (InputStream in = file.getInputStream(entry)) {
                        Properties properties = RevisionIndex.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), jar + "!/" + name);
                        return new ArtifactRevisions(RevisionIndex.heads(properties), RevisionIndex.revisions(properties));
                    }
                }
            }
            Manifest manifest = file.getManifest();
            String head = manifest == null ? null : manifest.getMainAttributes().getValue(MANIFEST_ATTRIBUTE);
            if (head != null && !head.isBlank()) {
                Set<String> heads = new TreeSet<>(Arrays.stream(head.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
                return new ArtifactRevisions(heads, heads);
            }
        } catch (IOException e) {
            throw new RetortException("Cannot read the artifact " + jar + ": " + e.getMessage() + ".");
        }
        throw new RetortException("The artifact " + jar + " records no revisions: it has neither " + index + " nor a "
                + MANIFEST_ATTRIBUTE + " manifest attribute. Build it with the migrations:index goal (bound to prepare-package).");
    }
}
