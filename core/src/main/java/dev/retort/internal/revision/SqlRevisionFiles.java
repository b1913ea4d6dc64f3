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

import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.revision.RevisionGraphException;
import dev.retort.revision.RevisionScript;

/** Finds and reads the SQL revision files under a class path location. */
final class SqlRevisionFiles {

    private SqlRevisionFiles() {
    }

    /**
     * The revisions of every {@code .sql} file under {@code location} (sub-directories included) in a scan; a path found
     * twice on the class path counts once, the first as class loading would pick it.
     *
     * @throws RevisionGraphException naming every malformed file, before anything is applied
     */
    static List<RevisionScript> read(ScanResult scan, String location, ScriptSplitter splitter) {
        Map<String, Resource> byPath = new LinkedHashMap<>();
        for (Resource resource : scan.getResourcesWithExtension("sql")) {
            String path = resource.getPath();
            if (path.startsWith(location + "/")) {
                byPath.putIfAbsent(path, resource);
            }
        }
        List<RevisionScript> scripts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Resource> entry : byPath.entrySet()) {
            try {
                scripts.add(SqlRevisionFile.parse(entry.getKey(), content(entry.getValue()), splitter).script());
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
        return scripts;
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
