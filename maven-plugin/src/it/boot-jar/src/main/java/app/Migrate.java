package app;

import dev.retort.Retort;
import dev.retort.command.Summary;
import dev.retort.config.Settings;

/** Migrates the database DATABASE_URL names with the migrations packed in this jar: what a release step runs. */
public final class Migrate {

    public static void main(String[] args) {
        try (Retort retort = Retort.configure().settings(Settings.builder().environment(System.getenv()).build()).load()) {
            System.out.println("Found " + retort.graph().size() + " revisions in " + retort.graph().revisions().get(0).source()
                    + " via " + Thread.currentThread().getContextClassLoader().getClass().getName());
            System.out.println(Summary.of(retort.upgrade()));
        }
    }
}
