package dev.retort.internal.revision;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.classgraph.Resource;
import io.github.classgraph.ScanResult;

import dev.retort.Callback;
import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.revision.RepeatableScript;
import dev.retort.revision.RevisionGraphException;
import dev.retort.revision.RevisionScript;

/**
 * Finds and reads the SQL files under a class path location: revisions, repeatables ({@code R__<name>.sql}) and
 * callbacks (named after their event, {@code afterRun.sql}).
 */
final class SqlRevisionFiles {

    private SqlRevisionFiles() {
    }

    /**
     * The revisions, repeatables and callbacks of every {@code .sql} file under {@code location} (sub-directories
     * included) in a scan; a path found twice on the class path counts once, the first as class loading would pick it.
     *
     * @throws RevisionGraphException naming every malformed file, before anything is applied
     */
    static Discovered read(ScanResult scan, String location, ScriptSplitter splitter) {
        Map<String, Resource> byPath = new LinkedHashMap<>();
        for (Resource resource : scan.getResourcesWithExtension("sql")) {
            String path = resource.getPath();
            if (path.startsWith(location + "/")) {
                byPath.putIfAbsent(path, resource);
            }
        }
        List<RevisionScript> scripts = new ArrayList<>();
        List<RepeatableScript> repeatables = new ArrayList<>();
        List<Callback> callbacks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Resource> entry : new java.util.TreeMap<>(byPath).entrySet()) {
            String path = entry.getKey();
            try {
                var repeatable = SqlScriptFile.repeatableName(path);
                var event = repeatable.isPresent() ? java.util.Optional.<Callback.Event>empty() : SqlScriptFile.callbackEvent(path);
                if (repeatable.isPresent()) {
                    repeatables.add(SqlScriptFile.parse(path, content(entry.getValue()), splitter).repeatable(repeatable.get()));
                } else if (event.isPresent()) {
                    callbacks.add(SqlScriptFile.parse(path, content(entry.getValue()), splitter).callback(event.get()));
                } else {
                    scripts.add(SqlRevisionFile.parse(path, content(entry.getValue()), splitter).script());
                }
            } catch (RevisionGraphException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.size() == 1) {
            throw new RevisionGraphException(problems.get(0));
        } else if (!problems.isEmpty()) {
            throw new RevisionGraphException(problems.size() + " SQL revisions are not valid: "
                    + String.join(" ", problems));
        }
        return new Discovered(scripts, repeatables, callbacks);
    }

    /** A SQL repeatable named in a revision index: read from {@code loader} when its statements are needed. */
    static RepeatableScript repeatableLazily(String path, String name, String message, boolean transactional, ClassLoader loader,
                                             ScriptSplitter splitter) {
        java.util.function.Supplier<SqlScriptFile> file = fileLazily(path, loader, splitter);
        return new RepeatableScript(name, message, transactional, path, () -> file.get().repeatable(name).migration().get());
    }

    /** A SQL callback named in a revision index: read from {@code loader} when it first runs. */
    static Callback callbackLazily(String path, Callback.Event event, ClassLoader loader, ScriptSplitter splitter) {
        java.util.function.Supplier<SqlScriptFile> file = fileLazily(path, loader, splitter);
        return new LazyCallback(path, event, () -> file.get().callback(event));
    }

    private static java.util.function.Supplier<SqlScriptFile> fileLazily(String path, ClassLoader loader, ScriptSplitter splitter) {
        return new java.util.function.Supplier<>() {
            private SqlScriptFile file;

            @Override
            public synchronized SqlScriptFile get() {
                if (file == null) {
                    URL resource = loader.getResource(path);
                    if (resource == null) {
                        throw new RevisionGraphException("The revision index names the SQL file " + path + ", which the class path does "
                                + "not hold; rebuild the artifact.");
                    }
                    try (InputStream in = resource.openStream()) {
                        file = SqlScriptFile.parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8), splitter);
                    } catch (IOException e) {
                        throw new RetortException("Cannot read the SQL file " + resource + ": " + e.getMessage(), e);
                    }
                }
                return file;
            }
        };
    }

    /** A SQL revision named in a revision index: the file is read from {@code loader} when its statements are needed. */
    static Supplier<Migration> lazily(String path, String id, ClassLoader loader, ScriptSplitter splitter) {
        return new Supplier<>() {
            private Migration migration;

            @Override
            public synchronized Migration get() {
                if (migration == null) {
                    URL resource = loader.getResource(path);
                    if (resource == null) {
                        throw new RevisionGraphException("The revision index names the SQL revision " + path + " for revision " + id
                                + ", which the class path does not hold; rebuild the artifact.");
                    }
                    SqlRevisionFile file;
                    try (InputStream in = resource.openStream()) {
                        file = SqlRevisionFile.parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8), splitter);
                    } catch (IOException e) {
                        throw new RetortException("Cannot read the SQL revision " + resource + ": " + e.getMessage(), e);
                    }
                    if (!file.id().equals(id)) {
                        throw new RevisionGraphException("The SQL revision " + path + " declares id " + file.id() + " but the revision "
                                + "index records it as " + id + "; rebuild the artifact.");
                    }
                    migration = new SqlMigration(file);
                }
                return migration;
            }
        };
    }

    private static String content(Resource resource) {
        try {
            return new String(resource.load(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RetortException("Cannot read the SQL revision " + resource.getPath() + ": " + e.getMessage(), e);
        }
    }
}
