package dev.retort.reliability;

import static dev.retort.operation.Types.column;
import static dev.retort.operation.Types.integer;
import static dev.retort.operation.Types.primaryKey;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.retort.operation.Operation;
import dev.retort.operation.Operations;
import dev.retort.testing.Revs;
import dev.retort.revision.RevisionScript;

/**
 * A 200-revision history for crash tests: revision 1 fills a table {@code big} with enough rows that building an
 * index on it takes a moment; every twentieth revision (10, 30, ...) builds such an index. The others create a table each.
 *
 * <p>On PostgreSQL the index is built concurrently, outside a transaction, and every other revision runs in one. On
 * MariaDB, whose DDL commits statement by statement, the index revision has three statements (a table, the index, a
 * table), so a kill during the index build lands between two DDL statements of one revision; every revision is written
 * with the operations DSL, so an interrupted one can be undone from its operations' reverses.
 */
final class CrashRevisions {

    static final int COUNT = 200;

    private CrashRevisions() {
    }

    static String id(int i) {
        return String.format("k%011d", i);
    }

    /** Whether the revision runs in a transaction on PostgreSQL; on MariaDB, the one-statement revisions. */
    static boolean transactional(int i) {
        return i % 20 != 10;
    }

    /** What revision {@code i} creates, in the order its upgrade creates it: tables by name, indexes as {@code ix_…}. */
    static List<String> objects(String platform, int i) {
        if (i == 1) {
            return List.of("big");
        }
        if (transactional(i)) {
            return List.of("t_" + i);
        }
        return "postgresql".equals(platform) ? List.of("ix_big_" + i) : List.of("t_" + i + "_a", "ix_big_" + i, "t_" + i);
    }

    static List<RevisionScript> all() {
        return all("postgresql");
    }

    static List<RevisionScript> all(String platform) {
        return "postgresql".equals(platform) ? postgres() : statementByStatement("h2".equals(platform)
                ? "insert into big select x, mod(x, 1000), mod(x, 7) from system_range(1, 150000)"
                : "insert into big select seq, seq % 1000, seq % 7 from seq_1_to_150000");
    }

    private static List<RevisionScript> postgres() {
        List<RevisionScript> scripts = new ArrayList<>();
        for (int i = 1; i <= COUNT; i++) {
            int n = i;
            List<String> parents = i == 1 ? List.of() : List.of(id(i - 1));
            if (i == 1) {
                scripts.add(Revs.script(id(i), parents, true, op -> {
                    op.execute("create table big (id int primary key, v int, w int)");
                    op.execute("insert into big select g, g % 1000, g % 7 from generate_series(1, 150000) g");
                }, op -> op.execute("drop table big")));
            } else if (!transactional(i)) {
                scripts.add(Revs.script(id(i), parents, false,
                        op -> op.execute("create index concurrently if not exists ix_big_" + n + " on big (v, w)"),
                        op -> op.execute("drop index concurrently if exists ix_big_" + n)));
            } else {
                scripts.add(Revs.script(id(i), parents, true, op -> op.execute("create table t_" + n + " (id int primary key)"),
                        op -> op.execute("drop table t_" + n)));
            }
        }
        return scripts;
    }

    /** MariaDB's and H2's: DDL commits statement by statement; {@code fill} puts 150,000 rows in {@code big}. */
    private static List<RevisionScript> statementByStatement(String fill) {
        List<RevisionScript> scripts = new ArrayList<>();
        for (int i = 1; i <= COUNT; i++) {
            int n = i;
            List<String> parents = i == 1 ? List.of() : List.of(id(i - 1));
            if (i == 1) {
                // The crash test runs this one before its kills: the INSERT has no reverse to undo it by.
                scripts.add(Revs.script(id(i), parents, true, op -> {
                    op.createTable("big", column("id", integer()).notNull(), column("v", integer()), column("w", integer()),
                            primaryKey("big_pkey", "id"));
                    op.execute(fill);
                }, op -> op.dropTable("big")));
            } else if (!transactional(i)) {
                scripts.add(reversible(id(i), parents, op -> {
                    op.createTable("t_" + n + "_a", column("id", integer()).notNull(), primaryKey("t_" + n + "_a_pkey", "id"));
                    op.createIndex("ix_big_" + n, "big", "v", "w");
                    op.createTable("t_" + n, column("id", integer()).notNull(), primaryKey("t_" + n + "_pkey", "id"));
                }));
            } else {
                scripts.add(reversible(id(i), parents,
                        op -> op.createTable("t_" + n, column("id", integer()).notNull(), primaryKey("t_" + n + "_pkey", "id"))));
            }
        }
        return scripts;
    }

    /** A revision whose downgrade is its upgrade's reverses, newest first, as generate writes one. */
    private static RevisionScript reversible(String id, List<String> parents, Consumer<Operations> upgrade) {
        return Revs.script(id, parents, true, upgrade, op -> {
            Operations up = new Operations();
            upgrade.accept(up);
            List<Operation> recorded = new ArrayList<>(up.recorded());
            java.util.Collections.reverse(recorded);
            for (Operation operation : recorded) {
                op.add(operation.reverse().orElseThrow());
            }
        });
    }

    /** Runs an upgrade or downgrade in its own JVM, so a test can kill it: {@code url user password up|down target}. */
    public static void main(String[] args) {
        String platform = args[0].startsWith("jdbc:postgresql:") ? "postgresql" : args[0].startsWith("jdbc:h2:") ? "h2" : "mariadb";
        try (var retort = dev.retort.Retort.configure().url(args[0]).user(args[1]).password(args[2]).revisions(all(platform))
                .listener(dev.retort.MigrationListener.none()).load()) {
            if ("up".equals(args[3])) {
                retort.upgrade(args[4]);
            } else {
                retort.downgrade(args[4]);
            }
        }
    }
}
