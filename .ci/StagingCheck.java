import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a repository that {@code ./mvnw -Ppublish deploy} staged (.ci/publish-check.sh) for what Maven Central asks:
 * every published module with its pom, jar, sources jar and Javadoc jar, each with checksums; a sources jar with Java
 * sources and a Javadoc jar with pages wherever the jar has classes; and in every pom, itself or through its parents,
 * a name, a description, the project's url, a licence, the scm and the developers. Run with a JDK, no build needed:
 * {@code java .ci/StagingCheck.java target/staging-repo}.
 */
public final class StagingCheck {

    /** The published modules: a new one is added here deliberately, and Retort's own test harness and demo stay out. */
    static final Set<String> PUBLISHED = new TreeSet<>(List.of("retort-parent", "retort-core", "retort-containers", "retort-postgresql", "retort-mysql", "retort-h2", "retort-hibernate", "retort-maven-plugin",
            "retort-archetype", "retort-spring-boot-autoconfigure", "retort-spring-boot-starter"));

    private final Path group;
    private final List<String> failures = new ArrayList<>();

    private StagingCheck(Path repository) {
        this.group = repository.resolve("dev/retort");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java .ci/StagingCheck.java <staged repository>");
            System.exit(2);
        }
        StagingCheck check = new StagingCheck(Path.of(args[0]));
        int passed = check.run();
        System.out.println("publish-check: " + passed + " passed, " + check.failures.size() + " failed");
        System.exit(check.failures.isEmpty() ? 0 : 1);
    }

    private int run() throws Exception {
        if (!Files.isDirectory(group)) {
            fail("the staged repository has no dev/retort group: " + group);
            return 0;
        }
        Set<String> staged = new TreeSet<>();
        try (Stream<Path> modules = Files.list(group)) {
            modules.filter(Files::isDirectory).forEach(m -> staged.add(m.getFileName().toString()));
        }
        if (!staged.equals(PUBLISHED)) {
            fail("the staged modules are " + staged + ", the published ones " + PUBLISHED);
        }
        int passed = 0;
        for (String artifactId : staged) {
            int before = failures.size();
            checkModule(artifactId);
            if (failures.size() == before) {
                passed++;
            }
        }
        return passed;
    }

    private void checkModule(String artifactId) throws Exception {
        Path versions = group.resolve(artifactId);
        List<Path> versionDirs;
        try (Stream<Path> list = Files.list(versions)) {
            versionDirs = list.filter(Files::isDirectory).toList();
        }
        if (versionDirs.size() != 1) {
            fail(artifactId + ": expected one staged version, found " + versionDirs);
            return;
        }
        Path dir = versionDirs.get(0);
        String version = dir.getFileName().toString();
        String fileVersion = fileVersion(dir, version);
        String base = artifactId + "-" + fileVersion;
        Path pom = require(dir.resolve(base + ".pom"));
        if (pom == null) {
            return;
        }
        Document model = parse(pom);
        String packaging = text(model.getDocumentElement(), "packaging");
        List<String> found = new ArrayList<>(List.of("pom"));
        if (!"pom".equals(packaging)) {
            Path jar = require(dir.resolve(base + ".jar"));
            Path sources = require(dir.resolve(base + "-sources.jar"));
            Path javadoc = require(dir.resolve(base + "-javadoc.jar"));
            if (jar == null || sources == null || javadoc == null) {
                return;
            }
            found.addAll(List.of("jar", "sources", "javadoc"));
            if (contains(jar, ".class")) {
                if (!contains(sources, ".java")) {
                    fail(artifactId + ": the jar has classes but its sources jar no Java source");
                }
                if (!contains(javadoc, "index.html")) {
                    fail(artifactId + ": the jar has classes but its Javadoc jar no index.html");
                }
            } else if (!contains(javadoc, "README.md")) {
                fail(artifactId + ": a module without classes needs a README.md in its Javadoc jar saying where its code is");
            }
        }
        checkMetadata(artifactId, model);
        System.out.println("ok " + artifactId + " " + version + ": " + String.join(", ", found) + " with checksums; "
                + "name, description, url, licence, scm, developers");
    }

    /** A SNAPSHOT is staged under a timestamp: the newest one in the version's metadata. */
    private String fileVersion(Path dir, String version) throws Exception {
        if (!version.endsWith("-SNAPSHOT")) {
            return version;
        }
        Path metadata = require(dir.resolve("maven-metadata.xml"));
        if (metadata == null) {
            return version;
        }
        Element snapshot = (Element) parse(metadata).getElementsByTagName("snapshot").item(0);
        return version.substring(0, version.length() - "SNAPSHOT".length()) + text(snapshot, "timestamp") + "-" + text(snapshot, "buildNumber");
    }

    /** Name and description of the module itself; url, licence, scm and developers from it or the parents it names. */
    private void checkMetadata(String artifactId, Document model) throws Exception {
        Element project = model.getDocumentElement();
        for (String own : List.of("name", "description")) {
            if (text(project, own) == null) {
                fail(artifactId + ": the pom has no <" + own + ">");
            }
        }
        for (String path : List.of("url", "licenses/license/name", "licenses/license/url", "scm/url", "scm/connection",
                "developers/developer/name")) {
            if (inherited(project, path) == null) {
                fail(artifactId + ": neither the pom nor its parents have <" + path.replace("/", "><") + ">");
            }
        }
    }

    private String inherited(Element project, String path) throws Exception {
        for (Element current = project; current != null; current = parentOf(current)) {
            String value = text(current, path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The parent's staged pom; a parent outside the staged group (none here) would have to be on Maven Central itself. */
    private Element parentOf(Element project) throws Exception {
        Element parent = child(project, "parent");
        if (parent == null) {
            return null;
        }
        Path dir = group.getParent().getParent().resolve(text(parent, "groupId").replace('.', '/')).resolve(text(parent, "artifactId"))
                .resolve(text(parent, "version"));
        if (!Files.isDirectory(dir)) {
            fail(text(project, "artifactId") + ": its parent " + text(parent, "artifactId") + " is not staged");
            return null;
        }
        String fileVersion = fileVersion(dir, text(parent, "version"));
        Path pom = require(dir.resolve(text(parent, "artifactId") + "-" + fileVersion + ".pom"));
        return pom == null ? null : parse(pom).getDocumentElement();
    }

    private Path require(Path file) {
        if (!Files.isRegularFile(file)) {
            fail("missing " + group.relativize(file));
            return null;
        }
        for (String checksum : List.of(".sha1", ".md5")) {
            if (!Files.isRegularFile(file.resolveSibling(file.getFileName() + checksum))) {
                fail("missing " + group.relativize(file) + checksum);
            }
        }
        return file;
    }

    private static boolean contains(Path jar, String suffix) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(entry -> entry.getName().endsWith(suffix));
        }
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }

    /** The text of the element at a slash-separated path of direct children, or null when absent or blank. */
    private static String text(Element from, String path) {
        Element current = from;
        for (String name : path.split("/")) {
            current = current == null ? null : child(current, name);
        }
        String value = current == null ? null : current.getTextContent().strip();
        return value == null || value.isEmpty() ? null : value;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private void fail(String message) {
        failures.add(message);
        System.out.println("FAILED " + message);
    }
}
