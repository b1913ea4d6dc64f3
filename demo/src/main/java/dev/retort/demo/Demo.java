package dev.retort.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.Summary;
import dev.retort.config.DatabaseUrl;
import dev.retort.report.Reports;

/**
 * Migrates a fresh database {@code retort_demo} end to end: history, upgrade, current, downgrade,
 * the offline SQL of what is pending, and upgrade again. The server comes from {@code DATABASE_URL}
 * (any database on it; the demo creates its own) or defaults to {@code 127.0.0.1:5432} as {@code postgres}.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws SQLException {
        String server = System.getenv().getOrDefault("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(server);
        } catch (RetortException e) {
            fail(e.getMessage());
            return;
        }
        String demoUrl = url.withDatabase("retort_demo").jdbcUrl();
        System.out.println("Retort demo on " + DatabaseUrl.mask(demoUrl));
        recreateDemoDatabase(url);

        try (Retort retort = Retort.configure().url(demoUrl).user(url.user()).password(url.password())
                .listener(new ConsoleListener()).load()) {
            section("history (before)", Reports.history(retort.status()));
            System.out.println("\n== upgrade head");
            System.out.println(Summary.of(retort.upgrade("head")));
            section("current --verbose", Reports.current(retort.status(), true));
            System.out.println("\n== downgrade -1");
            System.out.println(Summary.of(retort.downgrade("-1")));
            section("current --verbose", Reports.current(retort.status(), true));
            System.out.println("\n== sql (what upgrade head would run now; nothing is executed)");
            System.out.print(retort.upgradeSql("head"));
            System.out.println("\n== upgrade head");
            System.out.println(Summary.of(retort.upgrade()));
            System.out.println("\n== upgrade head (again)");
            System.out.println(Summary.of(retort.upgrade()));
            section("history", Reports.history(retort.status()));
        } catch (RetortException e) {
            fail(e.getMessage());
        }
    }

    private static void section(String title, List<String> lines) {
        System.out.println("\n== " + title);
        lines.forEach(System.out::println);
    }

    private static void recreateDemoDatabase(DatabaseUrl url) {
        try (Connection c = url.user() == null ? DriverManager.getConnection(url.jdbcUrl())
                : DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password() == null ? "" : url.password());
             Statement s = c.createStatement()) {
            s.execute("drop database if exists retort_demo with (force)");
            s.execute("create database retort_demo");
        } catch (SQLException e) {
            fail("Cannot prepare the demo database on " + DatabaseUrl.mask(url.jdbcUrl()) + ": " + e.getMessage()
                    + " Start PostgreSQL on 127.0.0.1:5432 or set DATABASE_URL.");
        }
    }

    private static void fail(String message) {
        System.err.println("ERROR: " + message);
        System.exit(1);
    }
}
