package dev.retort.internal.runtime;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.RunResult;

/** One upgrader in its own JVM, for the concurrency test: prints how many revisions it applied. */
public final class UpgradeProcessMain {

    private UpgradeProcessMain() {
    }

    public static void main(String[] args) {
        try (Retort retort = Retort.configure().url(args[0]).user(args[1]).password(args.length > 2 ? args[2] : null)
                .migrationsPackage("dev.retort.fixtures.concurrent").listener(MigrationListener.none()).load()) {
            RunResult result = retort.upgrade();
            System.out.println("applied=" + result.steps().size());
        }
    }
}
