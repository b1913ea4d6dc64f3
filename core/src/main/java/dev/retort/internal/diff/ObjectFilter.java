package dev.retort.internal.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.retort.platform.DatabaseObject;
import dev.retort.schema.SchemaModel;

/**
 * The objects Retort does not manage, left out of every comparison (generate, check, verify, a baseline on release) on
 * both sides: other tools' bookkeeping tables, the names and patterns of the {@code excludeObjects} setting, and what
 * repeatable revisions own. A name is matched without regard to case, a pattern with {@code *} and {@code ?}; one with a
 * dot is schema-qualified, one without matches in any schema.
 */
public final class ObjectFilter {

    /** The tables of Flyway, Liquibase and Alembic: a database moved to Retort keeps them, and Retort leaves them alone. */
    public static final List<String> OTHER_TOOLS = List.of("flyway_schema_history", "databasechangelog", "databasechangeloglock",
            "alembic_version");

    /** Retort's own tables for rolling deploys and backfills, which no entity describes. */
    public static final List<String> ROLLING_TABLES = List.of("retort_deploys", "retort_instances", "retort_backfills");

    private final List<Pattern> unqualified = new ArrayList<>();
    private final List<Pattern> qualified = new ArrayList<>();

    private ObjectFilter(List<String> patterns) {
        for (String pattern : patterns) {
            (pattern.contains(".") ? qualified : unqualified).add(glob(pattern.strip()));
        }
    }

    /** Other tools' tables, these patterns, and these objects (a repeatable's; one without a schema matches in any). */
    public static ObjectFilter of(List<String> patterns, List<DatabaseObject> owned) {
        List<String> all = new ArrayList<>(OTHER_TOOLS);
        all.addAll(ROLLING_TABLES);
        all.addAll(patterns);
        owned.forEach(object -> all.add(object.schema() == null ? object.name() : object.schema() + "." + object.name()));
        return new ObjectFilter(all);
    }

    /** Whether the object of that schema and name is left out. */
    public boolean excludes(String schema, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (unqualified.stream().anyMatch(p -> p.matcher(lower).matches())) {
            return true;
        }
        String full = (schema == null ? "" : schema.toLowerCase(Locale.ROOT)) + "." + lower;
        return qualified.stream().anyMatch(p -> p.matcher(full).matches());
    }

    /** Accepts a table name unless an unqualified pattern leaves it out (the catalog reader's own filter, by name alone). */
    public Predicate<String> tableNames() {
        return name -> unqualified.stream().noneMatch(p -> p.matcher(name.toLowerCase(Locale.ROOT)).matches());
    }

    /** The model without the objects left out. */
    public SchemaModel apply(SchemaModel model) {
        return new SchemaModel(model.schemas(), model.tables().stream().filter(t -> !excludes(t.schema(), t.name())).toList(),
                model.sequences().stream().filter(s -> !excludes(s.schema(), s.name())).toList(),
                model.enums().stream().filter(e -> !excludes(e.schema(), e.name())).toList(),
                model.composites().stream().filter(c -> !excludes(c.schema(), c.name())).toList(), model.remarks());
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
