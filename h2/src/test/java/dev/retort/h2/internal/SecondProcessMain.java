package dev.retort.h2.internal;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;

/** A second process asking Retort for the state of an H2 file (args: url): prints Retort's error, or "opened". */
public final class SecondProcessMain {

    private SecondProcessMain() {
    }

    public static void main(String[] args) {
        try (Retort retort = Retort.configure().url(args[0]).user("sa").password("").migrationsPackage("db.none")
                .listener(MigrationListener.none()).load()) {
            retort.status();
            System.out.println("opened");
        } catch (RetortException e) {
            System.out.println("error: " + e.getMessage());
        }
    }
}
