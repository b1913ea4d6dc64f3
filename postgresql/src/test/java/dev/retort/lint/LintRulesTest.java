package dev.retort.lint;

import static dev.retort.operation.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.operation.Operations;
import dev.retort.platform.Platforms;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * Every lint rule: a revision that triggers it, and the safe variant that does not, which must then run on PostgreSQL
 * against tables that hold rows. What lint knows of the schema comes from the revisions; the tables made by the set-up
 * SQL are unknown to it, so they count as existing ones.
 */
@PostgresTest
class LintRulesTest {

    private static final String TABLES = "create table author (id bigint primary key, name text not null, email varchar(100), nick text, "
            + "code text, status text not null default 'new', born timestamp);"
            + "insert into author values (1, 'Ann', 'ann@example.com', 'ann', '1', 'new', now()), (2, 'Bo', null, 'bo', '2', 'new', now());"
            + "create table book (id bigint primary key, author_id bigint); insert into book values (10, 1), (11, 2);"
            + "create index ix_author_name on author (name); create type mood as enum ('ok', 'bad')";

    private final TestDatabase db;

    LintRulesTest(TestDatabase db) {
        this.db = db;
    }

    /** A revision: whether it runs in a transaction, and its upgrade. */
    record Rev(boolean transactional, Consumer<Operations> upgrade) {
        static Rev tx(Consumer<Operations> upgrade) {
            return new Rev(true, upgrade);
        }

        static Rev noTx(Consumer<Operations> upgrade) {
            return new Rev(false, upgrade);
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("drop-table", List.of(Rev.tx(op -> op.dropTable("book"))),
                        List.of(Rev.tx(op -> op.dropTable("book").acknowledge("drop-table", "books moved to the catalogue service")))),
                rule("drop-column", List.of(Rev.tx(op -> op.dropColumn("author", "nick"))),
                        List.of(Rev.tx(op -> op.dropColumn("author", "nick").acknowledge("drop-column", "released without the field in 2.3")))),
                rule("narrowing-type", List.of(Rev.tx(op -> op.alterColumnType("author", "email", varchar(50)).from(varchar(100)))),
                        List.of(Rev.tx(op -> op.addColumn("author", column("email_short", varchar(50)))
                                .execute("update author set email_short = left(email, 50)")))),
                rule("cast-may-fail", List.of(Rev.tx(op -> op.alterColumnType("author", "nick", integer()).using("nick::integer").from(text()))),
                        List.of(Rev.tx(op -> op.addColumn("author", column("nick_number", integer()))
                                .execute("update author set nick_number = case when nick ~ '^[0-9]+$' then nick::integer end")))),
                rule("missing-using", List.of(Rev.tx(op -> op.alterColumnType("author", "code", integer()).from(text()))),
                        List.of(Rev.tx(op -> op.alterColumnType("author", "code", integer()).using("code::integer").from(text())))),
                rule("drop-default", List.of(Rev.tx(op -> op.dropDefault("author", "status"))),
                        List.of(Rev.tx(op -> op.dropDefault("author", "status").setDefault("author", "status", "'active'")))),
                rule("drop-not-null", List.of(Rev.tx(op -> op.dropNotNull("author", "name"))),
                        List.of(Rev.tx(op -> op.dropNotNull("author", "name").acknowledge("drop-not-null", "every reader copes with null")))),
                rule("table-rewrite", List.of(Rev.tx(op -> op.alterColumnType("author", "born", timestamptz()).from(timestamp()))),
                        List.of(Rev.tx(op -> op.alterColumnType("author", "email", varchar(320)).from(varchar(100))))),
                rule("volatile-default", List.of(Rev.tx(op -> op.addColumn("author", column("token", uuid()).defaultValue("gen_random_uuid()")))),
                        List.of(Rev.tx(op -> op.addColumn("author", column("token", uuid())).setDefault("author", "token", "gen_random_uuid()")
                                .execute("update author set token = gen_random_uuid() where token is null")))),
                rule("unbatched-update", List.of(Rev.tx(op -> op.execute("UPDATE author SET nick = lower(nick) WHERE nick IS NOT NULL"))),
                        List.of(Rev.noTx(op -> op.backfill(dev.retort.operation.Backfill.of("author").set("nick = lower(nick)")
                                .where("nick IS NOT NULL"))))),
                rule("add-serial-column", List.of(Rev.tx(op -> op.addColumn("author", column("position", bigint()).identity()))),
                        List.of(Rev.tx(op -> op.addColumn("author", column("position", bigint())).execute("update author set position = id")))),
                rule("sequence-behind-values", List.of(Rev.tx(op -> op.addIdentity("author", "id"))),
                        List.of(Rev.tx(op -> op.addIdentity("author", "id").syncIdentity("author", "id")))),
                rule("set-not-null", List.of(Rev.tx(op -> op.setNotNull("author", "nick"))),
                        List.of(Rev.tx(op -> op.addConstraint("author", check("author_nick_not_null", "nick IS NOT NULL").notValid())),
                                Rev.tx(op -> op.validateConstraint("author", "author_nick_not_null").setNotNull("author", "nick")
                                        .dropConstraint("author", "author_nick_not_null")))),
                rule("constraint-not-valid", List.of(Rev.tx(op -> op.addForeignKey("book", foreignKey("fk_book_author", "author_id")
                                .references("author", "id")))),
                        List.of(Rev.tx(op -> op.addForeignKey("book", foreignKey("fk_book_author", "author_id").references("author", "id").notValid())),
                                Rev.tx(op -> op.validateConstraint("book", "fk_book_author")))),
                rule("validate-in-transaction", List.of(Rev.tx(op -> op.addCheck("author", "ck_name", "length(name) > 0").validateConstraint(
                                "author", "ck_name"))),
                        List.of(Rev.noTx(op -> op.addConstraint("author", check("ck_name", "length(name) > 0").notValid())
                                .validateConstraint("author", "ck_name")))),
                rule("blocking-create-index", List.of(Rev.tx(op -> op.createIndex("ix_author_email", "author", "email"))),
                        List.of(Rev.noTx(op -> op.createIndex("ix_author_email", "author", "email").concurrently()))),
                rule("blocking-drop-index", List.of(Rev.tx(op -> op.dropIndex("ix_author_name"))),
                        List.of(Rev.noTx(op -> op.dropIndex("ix_author_name").concurrently()))),
                rule("unique-without-index", List.of(Rev.tx(op -> op.addUnique("author", "uq_author_email", "email"))),
                        List.of(Rev.noTx(op -> {
                            op.createIndex("uq_author_email", "author", "email").unique().concurrently();
                            op.addConstraint("author", unique("uq_author_email", "email").usingIndex("uq_author_email"));
                        }))),
                rule("concurrently-in-transaction", List.of(Rev.tx(op -> op.createIndex("ix_author_email", "author", "email").concurrently())),
                        List.of(Rev.noTx(op -> op.createIndex("ix_author_email", "author", "email").concurrently()))),
                rule("rename-table", List.of(Rev.tx(op -> op.renameTable("book", "volume"))),
                        List.of(Rev.tx(op -> op.renameTable("book", "volume").execute("CREATE VIEW book AS SELECT * FROM volume")))),
                rule("rename-column", List.of(Rev.tx(op -> op.renameColumn("author", "nick", "handle"))),
                        List.of(Rev.tx(op -> op.renameColumn("author", "nick", "handle").acknowledge("rename-column", "deployed with the app stopped")))),
                rule("not-null-without-default", List.of(Rev.tx(op -> op.addColumn("author", column("country", varchar(2)).notNull()))),
                        List.of(Rev.tx(op -> op.addColumn("author", column("country", varchar(2)).notNull().defaultValue("'NL'"))))),
                rule("enum-value-renamed", List.of(Rev.tx(op -> op.renameEnumValue("mood", "bad", "sad"))),
                        List.of(Rev.tx(op -> op.addEnumValue("mood", "sad")))),
                rule("enum-value-removed", List.of(Rev.tx(op -> op.createEnum("weather", "sun", "rain")), Rev.tx(op -> op.dropEnum("weather")
                                .createEnum("weather", "sun"))),
                        List.of(Rev.tx(op -> op.createEnum("weather", "sun", "rain")), Rev.tx(op -> op.dropEnum("weather")
                                .createEnum("weather", "sun", "rain", "snow")))),
                rule("no-lock-timeout", List.of(Rev.tx(op -> op.addColumn("author", column("bio", text())))),
                        List.of(Rev.tx(op -> op.execute("SET LOCAL lock_timeout = '5s'").addColumn("author", column("bio", text()))))),
                rule("identifier-too-long", List.of(Rev.tx(op -> op.addColumn("author", column("n".repeat(64), text())))),
                        List.of(Rev.tx(op -> op.addColumn("author", column("n".repeat(63), text()))))),
                rule("prefer-jsonb", List.of(Rev.tx(op -> op.addColumn("author", column("profile", json())))),
                        List.of(Rev.tx(op -> op.addColumn("author", column("profile", jsonb()))))),
                rule("prefer-timestamptz", List.of(Rev.tx(op -> op.addColumn("author", column("seen", timestamp())))),
                        List.of(Rev.tx(op -> op.addColumn("author", column("seen", timestamptz()))))),
                rule("avoid-char", List.of(Rev.tx(op -> op.addColumn("author", column("country", character(3))))),
                        List.of(Rev.tx(op -> op.addColumn("author", column("country", varchar(3)))))));
    }

    private static Arguments rule(String id, List<Rev> trigger, List<Rev> safe) {
        return Arguments.of(id, trigger, safe);
    }

    private static Revs graph(List<Rev> revisions) {
        Revs graph = Revs.graph();
        String parent = null;
        int n = 0;
        for (Rev rev : revisions) {
            String id = "lint" + (++n);
            graph.add(Revs.script(id, parent == null ? List.of() : List.of(parent), rev.transactional(), rev.upgrade(), op -> { }));
            parent = id;
        }
        return graph;
    }

    /** Runs with statementLockTimeout 0, as no-lock-timeout judges them; the other rules do not depend on it. */
    private Retort withoutStatementLockTimeout(Revs graph) {
        return Retort.configure().settings(dev.retort.config.Settings.builder().set(dev.retort.config.Setting.STATEMENT_LOCK_TIMEOUT, "0")
                .build()).url(db.jdbcUrl()).user(db.user()).password(db.password()).revisions(graph.scripts())
                .listener(dev.retort.MigrationListener.none()).load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aRevisionTriggersTheRuleAndItsSafeVariantDoesNotAndRuns(String rule, List<Rev> trigger, List<Rev> safe) {
        db.reset();
        db.execute(TABLES);
        try (Retort retort = withoutStatementLockTimeout(graph(trigger))) {
            if (trigger.size() > 1) {
                // The rule judges the last revision, on what the ones before left: they ran in an earlier deploy.
                retort.upgrade("lint" + (trigger.size() - 1));
            }
            List<Finding> found = retort.lint().findings().stream().filter(f -> f.rule().equals(rule) && !f.acknowledged()).toList();
            assertEquals(1, found.size(), () -> rule + " must report the trigger once: " + retort.lint().findings());
            Finding finding = found.get(0);
            assertEquals("lint" + trigger.size(), finding.revision());
            assertFalse(finding.problem().isBlank() || finding.safeAlternative().isBlank() || finding.operation().isBlank(), finding::describe);
            // Each entry point and generate's comments say how to accept a finding; the rule's own text must not say it again.
            assertFalse(finding.safeAlternative().contains("acknowledge("), finding::describe);
        }
        try (Retort retort = withoutStatementLockTimeout(graph(safe))) {
            LintReport report = retort.lint();
            assertTrue(report.findings().stream().noneMatch(f -> f.rule().equals(rule) && !f.acknowledged()),
                    () -> "the safe variant must not trigger " + rule + ": " + report.findings());
            retort.upgrade();
            assertEquals(List.of(), retort.lint().revisions(), "nothing pending once the safe variant ran on tables that hold rows");
        }
    }

    @Test
    void aTypeRuleQuotesTheColumnNotTheWholeCreateTable() {
        db.reset();
        Revs graph = graph(List.of(Rev.tx(op -> op.createTable("visit", column("id", bigint()).notNull(), column("seen", timestamp()),
                column("left_at", timestamp()), column("note", text()), primaryKey("visit_pkey", "id")))));
        try (Retort retort = withoutStatementLockTimeout(graph)) {
            List<Finding> found = retort.lint().findings().stream().filter(f -> f.rule().equals("prefer-timestamptz")).toList();
            assertEquals(1, found.size(), found::toString);
            assertEquals("public.visit.seen timestamp, public.visit.left_at timestamp", found.get(0).operation(), found.get(0)::describe);
            assertFalse(found.get(0).describe().contains("CREATE TABLE"), found.get(0)::describe);
        }
    }

    @Test
    void aDowngradeThatDropsAnIndexAndThenItsTableIsNotWarnedAboutTheIndex() {
        db.reset();
        Revs graph = Revs.graph().add(Revs.script("lint1", List.of(), true,
                op -> {
                    op.createTable("visit", column("id", bigint()).notNull(), column("seen", timestamptz()));
                    op.createIndex("ix_visit_seen", "visit", "seen");
                },
                op -> {
                    op.dropIndex("ix_visit_seen");
                    op.dropTable("visit");
                }));
        try (Retort retort = withoutStatementLockTimeout(graph)) {
            assertEquals(List.of(), retort.lint().findings().stream().filter(f -> f.rule().equals("blocking-drop-index"))
                    .map(Finding::describe).toList());
        }
    }

    @Test
    void anUpdateOfSomeRowsOrOfATableTheRevisionCreatesIsNotAnUnbatchedUpdate() {
        db.reset();
        db.execute(TABLES);
        Revs graph = graph(List.of(Rev.tx(op -> {
            op.execute("UPDATE author SET nick = 'x' WHERE id = 1")
                    .execute("update public.author set nick = lower(nick) from book where book.author_id = author.id");
            op.createTable("visit", column("id", bigint()).notNull(), column("seen", timestamptz()));
            op.execute("UPDATE visit SET seen = now()")
                    .execute("UPDATE \"author\" SET nick = upper(nick) WHERE nick IS NULL OR (code IS NOT NULL)");
        })));
        try (Retort retort = withoutStatementLockTimeout(graph)) {
            List<Finding> found = retort.lint().findings().stream().filter(f -> f.rule().equals("unbatched-update")).toList();
            assertEquals(1, found.size(), found::toString);
            assertTrue(found.get(0).operation().startsWith("UPDATE \"author\""), found.get(0)::describe);
            assertTrue(found.get(0).safeAlternative().contains("op.backfill(Backfill.of(\"author\")"), found.get(0)::describe);
        }
    }

    @Test
    void everyRuleOfThePlatformHasItsCase() {
        Set<String> covered = new TreeSet<>(rules().map(a -> (String) a.get()[0]).toList());
        Set<String> ids = new TreeSet<>(Platforms.named("postgresql").lintRules().stream().map(LintRule::id).toList());
        assertEquals(ids, covered);
        List<String> badIds = new ArrayList<>(ids.stream().filter(id -> !id.matches("[a-z]+(-[a-z0-9]+)*")).toList());
        assertEquals(List.of(), badIds, "rule ids are lower case words joined by dashes");
        db.reset();
        assertEquals("0", db.value("select count(*) from pg_tables where schemaname = 'public'"));
    }
}
