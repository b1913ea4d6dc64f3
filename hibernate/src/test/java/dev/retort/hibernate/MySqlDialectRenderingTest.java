package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.internal.diff.SchemaDiffer;
import dev.retort.operation.Operation;
import dev.retort.platform.Platform;
import dev.retort.platform.Platforms;
import dev.retort.platform.SqlStatement;
import dev.retort.schema.SchemaModel;

/**
 * MySQL 8, which cannot run here: the model of {@link MariaDbConvergenceTest} read for MySQL (Hibernate's MySQLDialect,
 * offline), the SQL Retort renders for it from empty compared statement by statement with the script Hibernate's own
 * create writes for MySQL: the same tables, columns of the same types (as MySQL normalises them), NULL-ness and
 * {@code AUTO_INCREMENT}, the same keys, indexes and checks, and no sequences (Hibernate keeps a generator's values in a
 * table there).
 */
@Tag("mariadb")
class MySqlDialectRenderingTest {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)create table (\\S+) \\((.*)\\)([^)]*)");
    private static final Pattern ALTER_ADD = Pattern.compile("(?is)alter table (\\S+) add (?:constraint (\\S+) )?(.*)");
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)create (unique )?index (\\S+) on (\\S+) \\((.*)\\)");
    private static final Pattern COLUMN = Pattern.compile("(?is)(\\S+)\\s+(.*?)(?=\\s+(?:not null|null|default|auto_increment|comment|check|unique|primary key)\\b|$)(.*)");

    private final Platform mysql = Platforms.named("mysql");

    @Test
    void theModelRendersForMySqlAsHibernatesMySqlDialectCreatesIt(@TempDir Path work) {
        MariaDbConvergenceTest.Model model = MariaDbConvergenceTest.Model.compile(work, "mysql8", MariaDbConvergenceTest.MODEL);
        SchemaModel read = HibernateSchemaReader.scan(model.classes().get(0).getClassLoader(), List.of(model.pkg()), Map.of(), mysql);
        List<String> retort = new ArrayList<>();
        for (Operation operation : SchemaDiffer.compare(mysql, read, SchemaModel.empty(Set.of())).upgrade()) {
            mysql.dialect().render(operation).stream().map(SqlStatement::sql).forEach(retort::add);
        }
        List<String> hibernate = hibernateScript(model, work.resolve("create.sql"));
        String both = "Retort:\n  " + String.join(";\n  ", retort) + "\nHibernate:\n  " + String.join(";\n  ", hibernate);

        assertTrue(retort.stream().noneMatch(s -> s.toLowerCase(Locale.ROOT).contains("sequence")), both);
        assertTrue(hibernate.stream().noneMatch(s -> s.toLowerCase(Locale.ROOT).startsWith("create sequence")), both);
        assertTrue(retort.stream().noneMatch(s -> s.contains("json_valid")), "MySQL's json is a type of its own: " + both);

        Schema fromRetort = Schema.of(retort, mysql);
        Schema fromHibernate = Schema.of(hibernate, mysql);
        assertEquals(fromHibernate.tables.keySet(), fromRetort.tables.keySet(), both);
        fromHibernate.tables.forEach((table, columns) -> {
            Map<String, String[]> ours = fromRetort.tables.get(table);
            assertEquals(columns.keySet(), ours.keySet(), table + "\n" + both);
            columns.forEach((name, theirs) -> {
                String[] mine = ours.get(name);
                assertTrue(mysql.rules().sameType(mysql.rules().parseType(theirs[0]), mysql.rules().parseType(mine[0])),
                        table + "." + name + ": Hibernate's " + theirs[0] + ", Retort's " + mine[0] + "\n" + both);
                assertEquals(theirs[1], mine[1], table + "." + name + " NULL-ness and AUTO_INCREMENT\n" + both);
            });
        });
        assertEquals(fromHibernate.keys, fromRetort.keys, both);
        assertEquals(fromHibernate.indexes, fromRetort.indexes, both);
        assertEquals(fromHibernate.checks.keySet(), fromRetort.checks.keySet(), both);
        fromHibernate.checks.forEach((table, expressions) -> {
            List<String> ours = fromRetort.checks.get(table);
            assertEquals(expressions.size(), ours.size(), table + "\n" + both);
            for (int i = 0; i < expressions.size(); i++) {
                assertTrue(mysql.rules().sameExpression(expressions.get(i), ours.get(i)), expressions.get(i) + " / " + ours.get(i) + "\n" + both);
            }
        });
        for (String table : List.of("book_seq", "tag_SEQ")) {
            String insert = "insert into " + table + " ( next_val ) values ( 1 )";
            assertTrue(hibernate.contains(insert), both);
            assertTrue(read.remarks().stream().anyMatch(r -> r.object().name().equals(table) && r.message().contains(insert)),
                    "Hibernate fills a generator's table as it creates it; generate says so: " + read.remarks());
        }
        assertTrue(retort.contains("CREATE TABLE `author` (\n    `active` bit(1) NOT NULL,\n    `balance` decimal(12,2),\n    `born_on` date,\n"
                + "    `legacy` boolean,\n    `level` tinyint,\n    `verified` bit(1),\n    `views` int NOT NULL DEFAULT 0 COMMENT 'times shown',\n"
                + "    `created_at` datetime(6),\n    `id` bigint NOT NULL AUTO_INCREMENT,\n    `seen_at` datetime(6),\n    `updated_at` datetime(6),\n"
                + "    `code` varchar(16) character set ascii collate ascii_bin,\n    `token` binary(16),\n"
                + "    `last_name` varchar(80) NOT NULL COMMENT 'family name',\n    `email` varchar(120),\n    `prefs` json,\n"
                + "    `status` enum('DRAFT','PUBLISHED','RETIRED'),\n    PRIMARY KEY (`id`),\n    CONSTRAINT `UKgrm3merlhi91rac0mu26swyhf` UNIQUE (`email`)\n"
                + ") COMMENT = 'people who write'"), both);
    }

    /** What one side creates: columns by table (type, and NULL-ness with AUTO_INCREMENT), keys, indexes and checks. */
    private static final class Schema {
        final Map<String, Map<String, String[]>> tables = new TreeMap<>();
        final Set<String> keys = new TreeSet<>();
        final Set<String> indexes = new TreeSet<>();
        final Map<String, List<String>> checks = new TreeMap<>();

        static Schema of(List<String> statements, Platform platform) {
            Schema schema = new Schema();
            for (String statement : statements) {
                String s = statement.replace("`", "").replaceAll("\\s+", " ").strip();
                Matcher m;
                if ((m = CREATE_TABLE.matcher(s)).matches()) {
                    String table = m.group(1);
                    Map<String, String[]> columns = schema.tables.computeIfAbsent(table, t -> new TreeMap<>());
                    for (String element : topLevel(m.group(2))) {
                        schema.element(table, element, columns);
                    }
                } else if ((m = ALTER_ADD.matcher(s)).matches()) {
                    String name = m.group(2);
                    schema.element(m.group(1), (name == null ? "" : "constraint " + name + " ") + m.group(3), null);
                } else if ((m = CREATE_INDEX.matcher(s)).matches()) {
                    schema.indexes.add(m.group(3) + "." + m.group(2) + (m.group(1) == null ? "" : " unique") + " (" + m.group(4).replace(" ", "")
                            .toLowerCase(Locale.ROOT) + ")");
                }
            }
            return schema;
        }

        private void element(String table, String element, Map<String, String[]> columns) {
            String lower = element.toLowerCase(Locale.ROOT);
            Matcher named = Pattern.compile("(?is)constraint (\\S+) (.*)").matcher(element);
            String name = named.matches() ? named.group(1) : null;
            String rest = named.matches() ? named.group(2) : element;
            String restLower = rest.toLowerCase(Locale.ROOT);
            if (lower.startsWith("primary key")) {
                keys.add(table + " primary " + rest.substring("primary key".length()).replace(" ", ""));
            } else if (restLower.startsWith("unique")) {
                keys.add(table + "." + name + " unique " + rest.substring("unique".length()).replace(" ", ""));
            } else if (restLower.startsWith("foreign key")) {
                keys.add(table + "." + name + " " + restLower.replace(" ", ""));
            } else if (restLower.startsWith("check")) {
                checks.computeIfAbsent(table, t -> new ArrayList<>()).add(rest.substring("check".length()).strip());
            } else {
                Matcher c = COLUMN.matcher(element);
                assertTrue(c.matches(), element);
                String tail = c.group(3).toLowerCase(Locale.ROOT);
                columns.put(c.group(1), new String[] {c.group(2), (tail.contains("not null") || tail.contains("auto_increment") ? "not null" : "null")
                        + (tail.contains("auto_increment") ? " auto_increment" : "")});
                Matcher check = Pattern.compile("(?is).*\\bcheck\\s*(\\(.*\\))").matcher(c.group(3));
                if (check.matches()) {
                    checks.computeIfAbsent(table, t -> new ArrayList<>()).add(check.group(1));
                }
            }
        }

        /** The elements of a table's body, split at commas outside parentheses and quotes. */
        private static List<String> topLevel(String body) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i < body.length(); i++) {
                char ch = body.charAt(i);
                if (ch == '\'') {
                    quoted = !quoted;
                } else if (!quoted && ch == '(') {
                    depth++;
                } else if (!quoted && ch == ')') {
                    depth--;
                } else if (!quoted && depth == 0 && ch == ',') {
                    out.add(body.substring(start, i).strip());
                    start = i + 1;
                }
            }
            out.add(body.substring(start).strip());
            return out;
        }
    }

    /** The script Hibernate's own create writes for MySQL 8 (MySQLDialect, offline), one statement per entry. */
    private static List<String> hibernateScript(MariaDbConvergenceTest.Model model, Path file) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        settings.put("jakarta.persistence.database-product-name", "MySQL");
        settings.put("jakarta.persistence.database-major-version", "8");
        settings.put("jakarta.persistence.database-minor-version", "0");
        settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
        settings.put("jakarta.persistence.schema-generation.scripts.create-target", file.toString());
        settings.put("hibernate.hbm2ddl.delimiter", ";");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(HibernateSchemaReader.bootstrap(model.classes()))
                .applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            model.classes().forEach(sources::addAnnotatedClass);
            org.hibernate.boot.spi.MetadataImplementor metadata = (org.hibernate.boot.spi.MetadataImplementor) sources.buildMetadata();
            metadata.orderColumns(false);
            SchemaManagementToolCoordinator.process(metadata, registry, settings, action -> { });
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
        try {
            List<String> statements = new ArrayList<>();
            for (String statement : Files.readString(file).split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
            assertFalse(statements.isEmpty(), "Hibernate wrote no script");
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
