package dev.retort.internal.rolling;

import java.util.ArrayList;
import java.util.List;

import dev.retort.operation.Backfill;
import dev.retort.operation.Operation;
import dev.retort.platform.Platform;
import dev.retort.platform.SqlDialect;
import dev.retort.schema.Change;
import dev.retort.schema.Table;

/** What {@link RollingRewriter} collects, revision by revision, while it reads the changes. */
final class Halves {

    final List<Change> expand = new ArrayList<>();
    final List<Change> backfill = new ArrayList<>();
    final List<Change> contract = new ArrayList<>();
    final List<Change> finish = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    /** The single-column primary key a backfill goes by ranges of, or null. */
    static String key(Table table) {
        return table.primaryKey() != null && table.primaryKey().columns().size() == 1 ? table.primaryKey().columns().get(0) : null;
    }

    /** A batched backfill of a table in what {@code generate} writes: the schema left out where it is the default one. */
    static Backfill backfill(Platform platform, String schema, String table, String key, String set, String where) {
        SqlDialect dialect = platform.dialect();
        String bare = schema == null || schema.equals(platform.defaultSchema()) ? null : schema;
        return Backfill.of(dialect.qualified(bare, table)).key(dialect.identifier(key)).set(set).where(where).batchSize(RollingRewriter.BATCH);
    }

    /** A backfill as a change: run by its upgrade, its progress forgotten by its downgrade. */
    static Change backfillChange(String summary, Backfill fill) {
        return new Change(summary, List.of(new Operation.RunJdbc(fill.describe(), fill)),
                List.of(new Operation.RunJdbc("forget the progress of " + fill.describe(), fill.forget())), null);
    }
}
