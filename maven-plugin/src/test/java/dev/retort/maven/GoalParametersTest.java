package dev.retort.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each goal's help ({@code mvn help:describe -Ddetail}, {@code migrations:help}) lists the parameters that goal uses,
 * read from the plugin descriptor the build generates.
 */
class GoalParametersTest {

    private static final Set<String> REVISIONS = Set.of("packageName", "sqlLocation", "skip");
    private static final Set<String> CONNECTION = Set.of("url", "platform", "placeholders", "user", "password", "passwordFile", "serverId",
            "schema", "connectTimeout", "readTimeout", "connectRetries", "statementLockTimeout", "statementTimeout");
    private static final Set<String> WRITING = Set.of("lockTimeout", "environment", "confirm", "confirmDestructive");
    /**
     * Every goal that connects takes a fleet: upgrade, release, current, lint and sql run over it, the others refuse it in
     * a sentence.
     */
    private static final Set<String> FLEET = Set.of("targets", "tenantSchemas", "targetsQuery", "parallel", "failFast", "canary", "shard");

    /** Each goal's editable parameters. */
    private static Map<String, Set<String>> goals() throws Exception {
        Document descriptor;
        try (InputStream in = GoalParametersTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Map<String, Set<String>> goals = new TreeMap<>();
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            Set<String> parameters = new TreeSet<>();
            NodeList list = mojo.getElementsByTagName("parameter");
            for (int j = 0; j < list.getLength(); j++) {
                Element parameter = (Element) list.item(j);
                if ("true".equals(text(parameter, "editable"))) {
                    parameters.add(text(parameter, "name"));
                }
            }
            goals.put(text(mojo, "goal"), parameters);
        }
        return goals;
    }

    private static String text(Element parent, String child) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static Set<String> union(Set<?>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<?> set : sets) {
            set.forEach(o -> all.add((String) o));
        }
        return all;
    }

    @Test
    void goalsThatReadOnlyTheRevisionsListNoDatabaseParameter() throws Exception {
        Map<String, Set<String>> goals = goals();
        assertEquals(union(REVISIONS), goals.get("branches"));
        assertEquals(union(REVISIONS, Set.of("message", "sourceDirectory")), goals.get("merge"));
        // show and index render SQL: the URL (or the platform) picks the dialect, nothing connects
        assertEquals(union(REVISIONS, Set.of("url", "platform", "placeholders", "target")), goals.get("show"));
        assertEquals(union(REVISIONS, Set.of("url", "platform", "placeholders")), goals.get("index"));
    }

    @Test
    void goalsThatReadTheDatabaseListItsConnectionAndOnlyWritingGoalsTheLockAndTheProductionGuard() throws Exception {
        Map<String, Set<String>> goals = goals();
        assertEquals(union(REVISIONS, CONNECTION, FLEET), goals.get("heads"));
        assertEquals(union(REVISIONS, CONNECTION, FLEET, Set.of("verbose")), goals.get("current"));
        assertEquals(union(REVISIONS, CONNECTION, FLEET, WRITING, Set.of("target")), goals.get("upgrade"));
        assertEquals(union(REVISIONS, CONNECTION, FLEET, WRITING, Set.of("cleanEnabled", "schemas")), goals.get("clean"));
        // lint and sql over a fleet: each target from its own revision; sql's output is then a directory of one file per target
        assertEquals(union(REVISIONS, CONNECTION, FLEET, Set.of("target", "from", "platforms")), goals.get("lint"));
        assertEquals(union(REVISIONS, CONNECTION, FLEET, Set.of("target", "direction", "from", "output")), goals.get("sql"));
        assertTrue(goals.get("release").containsAll(Set.of("baselineOnRelease", "devDatabase", "excludeObjects")), goals.get("release").toString());
        for (String writer : Set.of("upgrade", "downgrade", "stamp", "release", "repair", "clean")) {
            assertTrue(goals.get(writer).containsAll(union(CONNECTION, WRITING)), writer + ": " + goals.get(writer));
        }
        for (String reader : Set.of("heads", "history", "current", "check-deployable", "sql", "lint", "generate", "check", "verify")) {
            assertTrue(goals.get(reader).stream().noneMatch(WRITING::contains), reader + ": " + goals.get(reader));
        }
        assertTrue(goals.get("generate").containsAll(Set.of("devDatabase", "devImage", "entityPackages", "message", "excludeObjects")),
                goals.get("generate").toString());
    }
}
