package dev.retort.spring.boot.it;

import java.io.File;
import java.util.List;
import java.util.Map;

import dev.retort.testing.DatabaseServer;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * The self-hosted application's scenario: one jar with an embedded H2 file by default, the operator choosing another
 * database by its URL alone. On each, the same jar migrates the database at start-up with the same history, and
 * Hibernate's validation accepts the schema it leaves.
 */
public final class PortableApp {

    private static final String HEAD = "b0070a000002";

    private PortableApp() {
    }

    public static void scenario(File basedir) throws Exception {
        // The default: no URL given, the H2 file of application.properties, created beside the jar on first start.
        try (SampleApp app = SampleApp.start(basedir, Map.of(), "start-on-h2-file")) {
            firstStart(app, "an H2 file");
        }
        SampleApp.check(new File(basedir, "data/app.mv.db").isFile(), "the H2 file is where application.properties says", null);
        try (SampleApp app = SampleApp.start(basedir, Map.of(), "restart-on-h2-file")) {
            app.awaitStarted();
            SampleApp.check(app.output().contains("Nothing to do: the database is already at " + HEAD + "."),
                    "a second start on the H2 file applies nothing", app);
            SampleApp.check(app.request("GET", "/notes", null).contains("first note on an H2 file"), "the file kept the note", app);
        }
        for (String platform : List.of("postgresql", "mariadb")) {
            DatabaseServer server = TestDatabases.server(platform);
            TestDatabase db = server.createDatabase("it_portable_" + platform);
            try {
                try (SampleApp app = SampleApp.start(basedir, db, "start-on-" + platform)) {
                    firstStart(app, platform);
                }
                SampleApp.check(db.column("select version_num from retort_version").equals(List.of(HEAD)), platform + " is at head", null);
            } finally {
                server.dropDatabase(db);
            }
        }
    }

    private static void firstStart(SampleApp app, String database) throws Exception {
        app.awaitStarted();
        SampleApp.check(app.output().contains("Upgraded 2 revisions"), "the first start on " + database + " upgrades both revisions", app);
        String created = app.request("POST", "/notes?author=ada", "first note on " + database);
        SampleApp.check(created.contains("\"author\":\"ada\"") && created.contains("\"createdAt\""), "the note is written: " + created, app);
        SampleApp.check(app.request("GET", "/notes", null).contains("first note on " + database), "the note is read back", app);
    }
}
