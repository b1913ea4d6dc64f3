package dev.retort.internal.hibernate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import dev.retort.RetortException;

/**
 * The persistence units of the {@code META-INF/persistence.xml} files on the application's class path. Read with
 * the JDK's XML parser rather than Hibernate's, whose persistence.xml API changed between 6.x and 7.x: the format is
 * small and stable, and the reader then treats a unit's classes and mapping files exactly like scanned ones.
 */
public final class PersistenceUnits {

    private static final String RESOURCE = "META-INF/persistence.xml";
    private static final String DEFAULT_MAPPING = "META-INF/orm.xml";
    private static final String SCANNER_FACTORY = "META-INF/services/org.hibernate.boot.archive.scan.spi.ScannerFactory";

    /**
     * One persistence unit.
     *
     * @param name            its name
     * @param root            the class path root holding its persistence.xml
     * @param classes         the classes it lists
     * @param mappingFiles    the mapping files it lists
     * @param excludeUnlisted whether the root's other annotated classes are left out
     * @param validationMode  its {@code <validation-mode>}, or null
     * @param properties      its properties
     */
    public record Unit(String name, URL root, List<String> classes, List<String> mappingFiles, boolean excludeUnlisted, String validationMode,
            Map<String, String> properties) {
    }

    private PersistenceUnits() {
    }

    /**
     * The named unit, with the settings the application's Hibernate would see: the unit's properties, its
     * validation mode over them, and the explicit settings over both.
     *
     * @throws RetortException when no persistence.xml has a unit of that name
     */
    public static ReadRequest request(ClassLoader loader, String unitName, Map<String, Object> explicit) {
        List<Unit> units = units(loader);
        Unit unit = units.stream().filter(u -> u.name().equals(unitName)).findFirst().orElseThrow(() -> new RetortException(units.isEmpty()
                ? "Persistence unit '" + unitName + "' was asked for ({persistenceUnit}) but the project has no " + RESOURCE
                        + " on its class path; add one, or leave {persistenceUnit} unset to scan {entityPackages}."
                : "Persistence unit '" + unitName + "' is not in the project's " + RESOURCE + "; set {persistenceUnit} to one of its units: "
                        + String.join(", ", units.stream().map(Unit::name).toList()) + "."));
        Map<String, Object> settings = new LinkedHashMap<>(unit.properties());
        if (unit.validationMode() != null) {
            settings.put("jakarta.persistence.validation.mode", unit.validationMode());
        }
        settings.putAll(explicit);
        Set<String> classes = new LinkedHashSet<>(unit.classes());
        if (!unit.excludeUnlisted() && scansUnlisted(loader, settings)) {
            classes.addAll(EntityScan.root(rootPath(unit.root())));
        }
        List<String> mappingFiles = new ArrayList<>(unit.mappingFiles());
        if (!mappingFiles.contains(DEFAULT_MAPPING) && hasDefaultMapping(loader, unit.root())) {
            mappingFiles.add(DEFAULT_MAPPING);
        }
        return new ReadRequest(List.copyOf(classes), mappingFiles, settings, loader, "persistence unit " + unitName);
    }

    /**
     * Whether the application's Hibernate adds a unit's unlisted classes: Hibernate 6 scans the unit's root; Hibernate
     * 7 only with a scanner (hibernate-scan-jandex, or one named by {@code hibernate.archive.scanner}).
     */
    private static boolean scansUnlisted(ClassLoader loader, Map<String, Object> settings) {
        if (settings.containsKey("hibernate.archive.scanner") || loader.getResource(SCANNER_FACTORY) != null) {
            return true;
        }
        try {
            String version = (String) Class.forName("org.hibernate.Version", true, loader).getMethod("getVersionString").invoke(null);
            return version.startsWith("6.");
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    /** Every unit of every persistence.xml the loader sees. */
    static List<Unit> units(ClassLoader loader) {
        List<Unit> units = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                units.addAll(parse(url));
            }
        } catch (IOException e) {
            throw new RetortException("Cannot read the project's " + RESOURCE + ": " + e.getMessage(), e);
        }
        return units;
    }

    static List<Unit> parse(URL url) {
        Document document;
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(in);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new RetortException("Cannot read " + url + ": " + dev.retort.internal.Messages.rootMessage(e) + "; fix the file's XML.", e);
        }
        URL root = root(url);
        List<Unit> units = new ArrayList<>();
        for (Element unit : children(document.getDocumentElement(), "persistence-unit")) {
            List<String> classes = texts(unit, "class");
            List<String> mappingFiles = texts(unit, "mapping-file");
            List<String> exclude = texts(unit, "exclude-unlisted-classes");
            boolean excludeUnlisted = !exclude.isEmpty() && (exclude.get(0).isEmpty() || Boolean.parseBoolean(exclude.get(0)));
            List<String> validation = texts(unit, "validation-mode");
            Map<String, String> properties = new LinkedHashMap<>();
            for (Element group : children(unit, "properties")) {
                for (Element property : children(group, "property")) {
                    properties.put(property.getAttribute("name"), property.getAttribute("value"));
                }
            }
            units.add(new Unit(unit.getAttribute("name"), root, classes, mappingFiles, excludeUnlisted,
                    validation.isEmpty() ? null : validation.get(0), properties));
        }
        return units;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(e -> e.getTextContent().strip()).toList();
    }

    /** The class path root a persistence.xml belongs to: the directory or jar above its META-INF. */
    private static URL root(URL persistenceXml) {
        try {
            return new URL(rootOf(persistenceXml, RESOURCE));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootPath(URL root) {
        try {
            return Path.of(root.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return root.toExternalForm();
        }
    }

    private static boolean hasDefaultMapping(ClassLoader loader, URL root) {
        try {
            return Collections.list(loader.getResources(DEFAULT_MAPPING)).stream()
                    .anyMatch(url -> rootOf(url, DEFAULT_MAPPING).equals(root.toExternalForm()));
        } catch (IOException e) {
            return false;
        }
    }

    private static String rootOf(URL resource, String name) {
        String text = resource.toExternalForm();
        String root = text.substring(0, text.length() - name.length());
        return root.startsWith("jar:") && root.endsWith("!/") ? root.substring("jar:".length(), root.length() - "!/".length()) : root;
    }
}
