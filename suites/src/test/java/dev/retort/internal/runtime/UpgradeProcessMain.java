package dev.retort.internal.runtime;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.RunResult;
import dev.retort.config.Setting;
import dev.retort.config.Settings;

/** One upgrader in its own JVM, for the concurrency test ({@code url user password [package]}): prints how many revisions it applied. */
public final class UpgradeProcessMain {

    private UpgradeProcessMain() {
    }

    public static void main(String[] args) {
        // Eight JVMs start at once on two cores: give connecting more than the default 10 s, as a deploy on a busy
        // host would (RETORT_CONNECT_TIMEOUT).
        try (Retort retort = Retort.configure().settings(Settings.builder().set(Setting.CONNECT_TIMEOUT, "60s").build()).url(args[0]).user(args[1]).password(args.length > 2 ? args[2] : null)
                .migrationsPackage(args.length > 3 ? args[3] : "dev.retort.fixtures.concurrent").listener(MigrationListener.none()).load()) {
            RunResult result = retort.upgrade();
            System.out.println("applied=" + result.steps().size());
        }
    }
}
