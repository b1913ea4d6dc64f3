package dev.retort.reliability;

import java.util.ArrayList;
import java.util.List;

import dev.retort.testing.Revs;
import dev.retort.revision.RevisionScript;

/**
 * A 200-revision history for crash tests: revision 1 fills a table {@code big} with enough rows that building an
 * index on it takes a moment; every twentieth revision (10, 30, ...) builds such an index concurrently, outside a
 * transaction; the others create a table each.
 */
final class CrashRevisions {

    static final int COUNT = 200;

    private CrashRevisions() {
    }

    static String id(int i) {
        return String.format("k%011d", i);
    }

    static boolean transactional(int i) {
        return i % 20 != 10;
    }

    static List<RevisionScript> all() {
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

    /** Runs an upgrade or downgrade in its own JVM, so a test can kill it: {@code url user password up|down target}. */
    public static void main(String[] args) {
        try (var retort = dev.retort.Retort.configure().url(args[0]).user(args[1]).password(args[2]).revisions(all())
                .listener(dev.retort.MigrationListener.none()).load()) {
            if ("up".equals(args[3])) {
                retort.upgrade(args[4]);
            } else {
                retort.downgrade(args[4]);
            }
        }
    }
}
