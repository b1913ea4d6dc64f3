package dev.retort.internal.revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.retort.RetortException;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;

/**
 * The revision index a build writes into the application jar, beside the migrations ({@code db/migrations/retort.revisions},
 * so every packaging carries it where the class loader sees it: a Spring Boot jar moves {@code META-INF} out of its
 * class path, but keeps packages in {@code BOOT-INF/classes}): every
 * revision's declaration, class (or SQL file) and upgrade checksum, and the head(s). A deploy reads it instead of scanning and
 * rendering every migration, and a rollback script reads an artifact's head from it. Only an index inside a jar is
 * trusted: class directories change under a developer's hands, so there the migrations are scanned.
 */
public final class RevisionIndex {

    /** The format of an index of Java revisions only, which every Retort reads. */
    private static final String FORMAT = "1";
    /** The format of an index that also lists SQL revision files: a Retort that cannot load them refuses it by its format. */
    private static final String FORMAT_WITH_SQL = "2";
    /** The format of an index that also lists repeatables and callbacks: an older Retort would miss them, so it refuses it. */
    private static final String FORMAT_WITH_REPEATABLES = "3";

    private RevisionIndex() {
    }

    /** Where the index of a package lives, relative to a class path root. */
    public static String resourceName(String packageName) {
        return packageName.replace('.', '/') + "/retort.revisions";
    }

    /** The index of a graph, as text (deterministic: the same graph always gives the same bytes). */
    public static String write(String packageName, RevisionGraph graph, Function<String, String> checksum) {
        return write(packageName, graph, checksum, Discovered.of(List.of()));
    }

    /** The index of a graph and of the repeatables and callbacks found beside it. */
    public static String write(String packageName, RevisionGraph graph, Function<String, String> checksum, Discovered found) {
        Properties properties = new Properties();
        boolean sql = false;
        properties.setProperty("package", packageName);
        properties.setProperty("heads", String.join(",", graph.heads()));
        properties.setProperty("revisions", String.join(",", graph.revisions().stream().map(RevisionScript::id).toList()));
        for (RevisionScript revision : graph.revisions()) {
            String key = "revision." + revision.id() + ".";
            properties.setProperty(key + "parents", String.join(",", revision.parents()));
            properties.setProperty(key + "message", revision.message());
            properties.setProperty(key + "created", revision.created());
            properties.setProperty(key + "transactional", Boolean.toString(revision.transactional()));
            if (revision.phase() != dev.retort.Revision.Phase.ORDINARY) {
                properties.setProperty(key + "phase", revision.phase().name().toLowerCase(java.util.Locale.ROOT));
                if (!revision.expand().isEmpty()) {
                    properties.setProperty(key + "expand", revision.expand());
                }
            }
            String file = MigrationClasses.sqlFile(revision);
            if (file != null) {
                sql = true;
                properties.setProperty(key + "file", file);
            } else {
                properties.setProperty(key + "class", revision.source());
            }
            properties.setProperty(key + "checksum", checksum.apply(revision.id()));
        }
        boolean more = !found.repeatables().isEmpty() || !found.callbacks().isEmpty();
        if (more) {
            writeExtras(properties, found);
        }
        properties.setProperty("format", more ? FORMAT_WITH_REPEATABLES : sql ? FORMAT_WITH_SQL : FORMAT);
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties.store starts with a date comment; drop it so the jar's bytes depend on the migrations alone.
        List<String> lines = new ArrayList<>(out.toString().lines().filter(l -> !l.startsWith("#")).sorted().toList());
        lines.add(0, "# Retort revision index, written at build time by migrations:index. Do not edit.");
        return String.join("\n", lines) + "\n";
    }

    private static void writeExtras(Properties properties, Discovered found) {
        properties.setProperty("repeatables", String.join(",", found.repeatables().stream().map(r -> r.name()).toList()));
        for (var repeatable : found.repeatables()) {
            String key = "repeatable." + repeatable.name() + ".";
            properties.setProperty(key + (repeatable.source().endsWith(".sql") ? "file" : "class"), repeatable.source());
            properties.setProperty(key + "message", repeatable.message());
            properties.setProperty(key + "transactional", Boolean.toString(repeatable.transactional()));
        }
        int i = 0;
        for (var callback : found.callbacks()) {
            String key = "callback." + i++ + ".";
            String source = callback.describe();
            if (source.endsWith(".sql")) {
                properties.setProperty(key + "file", source);
                properties.setProperty(key + "event", SqlScriptFile.callbackEvent(source).orElseThrow().name());
            } else {
                properties.setProperty(key + "class", source);
            }
        }
        properties.setProperty("callbacks", Integer.toString(i));
    }

    /** The revisions, repeatables and callbacks an index declares; classes and files are loaded when first needed. */
    static Discovered read(Properties index, ClassLoader loader, ScriptSplitter splitter) {
        List<dev.retort.revision.RepeatableScript> repeatables = new ArrayList<>();
        for (String name : list(index.getProperty("repeatables"))) {
            String key = "repeatable." + name + ".";
            String file = index.getProperty(key + "file");
            repeatables.add(file != null ? SqlRevisionFiles.repeatableLazily(file, name, index.getProperty(key + "message", ""),
                    Boolean.parseBoolean(index.getProperty(key + "transactional", "true")), loader, splitter)
                    : MigrationClasses.repeatable(index.getProperty(key + "class"), loader));
        }
        List<dev.retort.Callback> callbacks = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(index.getProperty("callbacks", "0")); i++) {
            String key = "callback." + i + ".";
            String file = index.getProperty(key + "file");
            callbacks.add(file != null ? SqlRevisionFiles.callbackLazily(file, dev.retort.Callback.Event.valueOf(index.getProperty(key + "event")),
                    loader, splitter) : MigrationClasses.callback(index.getProperty(key + "class"), loader));
        }
        return new Discovered(revisions(index, loader, splitter), repeatables, callbacks);
    }

    /** The revisions an index declares; their classes are loaded from {@code loader} when their operations are needed. */
    private static List<RevisionScript> revisions(Properties index, ClassLoader loader, ScriptSplitter splitter) {
        List<RevisionScript> scripts = new ArrayList<>();
        for (String id : list(index.getProperty("revisions"))) {
            String key = "revision." + id + ".";
            String className = index.getProperty(key + "class");
            String file = index.getProperty(key + "file");
            scripts.add(new RevisionScript(id, list(index.getProperty(key + "parents")), index.getProperty(key + "message", ""),
                    index.getProperty(key + "created", ""), Boolean.parseBoolean(index.getProperty(key + "transactional", "true")),
                    file != null ? file : className, file != null ? SqlRevisionFiles.lazily(file, id, loader, splitter)
                    : MigrationClasses.lazily(className, loader), index.getProperty(key + "checksum"),
                    dev.retort.Revision.Phase.valueOf(index.getProperty(key + "phase", "ordinary").toUpperCase(java.util.Locale.ROOT)),
                    index.getProperty(key + "expand", "")));
        }
        return scripts;
    }

    /** The head(s) an index records. */
    public static Set<String> heads(Properties index) {
        return new TreeSet<>(list(index.getProperty("heads")));
    }

    /** Every revision id an index records. */
    public static Set<String> revisions(Properties index) {
        return new TreeSet<>(list(index.getProperty("revisions")));
    }

    /**
     * Reads an index.
     *
     * @throws RetortException when it cannot be read or is of a format this Retort does not know
     */
    public static Properties load(URL resource) {
        try (InputStream in = resource.openStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource.toString());
        } catch (IOException e) {
            throw new RetortException("Cannot read the revision index " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Parses the text of an index; {@code where} names it in errors. */
    public static Properties parse(String text, String where) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!java.util.Set.of(FORMAT, FORMAT_WITH_SQL, FORMAT_WITH_REPEATABLES).contains(properties.getProperty("format"))) {
            throw new RetortException("The revision index " + where + " has format '" + properties.getProperty("format")
                    + "', which this version of Retort does not read; rebuild the artifact with this version.");
        }
        return properties;
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
    }
}
