package dev.retort.spring.boot.it;

import java.io.File;
import java.util.List;

import dev.retort.testing.DatabaseServer;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * The self-hosted application's scenario: one jar, the database chosen by its URL alone. On each database the same jar
 * migrates a fresh database at start-up with the same history, and Hibernate's validation accepts the schema it leaves.
 */
public final class PortableApp {

    private static final String HEAD = "b0070a000002";

    private PortableApp() {
    }

    public static void scenario(File basedir) throws Exception {
        for (String platform : List.of("postgresql", "mariadb")) {
            DatabaseServer server = TestDatabases.server(platform);
            TestDatabase db = server.createDatabase("it_portable_" + platform);
            try {
                try (SampleApp app = SampleApp.start(basedir, db, "start-on-" + platform)) {
                    app.awaitStarted();
                    SampleApp.check(app.output().contains("Upgraded 2 revisions"), "the first start on " + platform + " upgrades both revisions", app);
                    String created = app.request("POST", "/notes?author=ada", "first note on " + platform);
                    SampleApp.check(created.contains("\"author\":\"ada\"") && created.contains("\"createdAt\""), "the note is written: " + created, app);
                    SampleApp.check(app.request("GET", "/notes", null).contains("first note on " + platform), "the note is read back", app);
                }
                SampleApp.check(db.column("select version_num from retort_version").equals(List.of(HEAD)), platform + " is at head", null);
                try (SampleApp app = SampleApp.start(basedir, db, "restart-on-" + platform)) {
                    app.awaitStarted();
                    SampleApp.check(app.output().contains("Nothing to do: the database is already at " + HEAD + "."),
                            "a second start on " + platform + " applies nothing", app);
                }
            } finally {
                server.dropDatabase(db);
            }
        }
    }
}
