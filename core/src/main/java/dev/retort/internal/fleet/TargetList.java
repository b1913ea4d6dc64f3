package dev.retort.internal.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.retort.RetortException;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.fleet.Target;

/**
 * The targets the settings name: the {@code targets} list (a file, standard input, or URLs), the {@code tenantSchemas}, and
 * the rows of the {@code targetsQuery} run on the fleet's database; in that order, each target once.
 */
public final class TargetList {

    private TargetList() {
    }

    /** Whether the settings name a fleet at all. */
    public static boolean named(Settings settings) {
        return settings.get(Setting.TARGETS) != null || settings.get(Setting.TENANT_SCHEMAS) != null || settings.get(Setting.TARGETS_QUERY) != null;
    }

    /**
     * The targets, each once (by name), in the order their sources list them.
     *
     * @param catalog the fleet's database, for the targets query; null when none is configured
     * @param input   standard input, for {@code targets} {@code -}
     */
    public static List<Target> read(Settings settings, DataSource catalog, InputStream input) {
        Map<String, Target> targets = new LinkedHashMap<>();
        String list = settings.get(Setting.TARGETS);
        if (list != null) {
            entries(list, input).forEach(e -> add(targets, Target.parse(e)));
        }
        String schemas = settings.get(Setting.TENANT_SCHEMAS);
        if (schemas != null) {
            for (String schema : schemas.split(",")) {
                if (!schema.isBlank()) {
                    add(targets, Target.schema(schema));
                }
            }
        }
        String query = settings.get(Setting.TARGETS_QUERY);
        if (query != null) {
            if (catalog == null) {
                throw new RetortException("{targetsQuery} needs the database to run it on (the catalog): set {url} or DATABASE_URL.");
            }
            query(catalog, query).forEach(e -> add(targets, Target.parse(e)));
        }
        return List.copyOf(targets.values());
    }

    /** Whether any of the targets is a schema on the fleet's database, so that database must be configured. */
    public static boolean needsFleetDatabase(List<Target> targets) {
        return targets.stream().anyMatch(Target::isSchema);
    }

    private static void add(Map<String, Target> targets, Target target) {
        targets.putIfAbsent(target.name(), target);
    }

    /** The entries of {@code targets}: URLs comma-separated, {@code -} for standard input, else a file's lines. */
    static List<String> entries(String value, InputStream input) {
        String stripped = value.strip();
        if (stripped.equals("-")) {
            return lines(new InputStreamReader(input, StandardCharsets.UTF_8), "standard input");
        }
        if (Target.isUrl(stripped)) {
            return java.util.Arrays.stream(stripped.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        Path file = Path.of(stripped);
        try {
            return lines(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new RetortException("The targets file " + file + " does not exist; check {targets} (a file, - for standard input, or URLs).");
        } catch (IOException e) {
            throw new RetortException("Cannot read the targets file " + file + ": " + e.getMessage() + "; check {targets}.");
        }
    }

    /** The lines of a target list: blank lines and lines starting with {@code #} left out. */
    static List<String> lines(Reader reader, String where) {
        List<String> entries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw new RetortException("Cannot read the targets from " + where + ": " + e.getMessage() + ".");
        }
        return entries;
    }

    /** The first column of each row of the targets query, run on the fleet's database. */
    private static List<String> query(DataSource catalog, String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = catalog.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String value = rs.getString(1);
                if (value != null && !value.isBlank()) {
                    rows.add(value.strip());
                }
            }
        } catch (SQLException e) {
            throw new RetortException("The targets query failed: " + dev.retort.internal.Messages.oneLine(String.valueOf(e.getMessage()))
                    + "; check {targetsQuery}, which runs on the database {url} names.");
        }
        return rows;
    }
}
