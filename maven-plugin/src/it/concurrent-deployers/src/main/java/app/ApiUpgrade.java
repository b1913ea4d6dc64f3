package app;

import dev.retort.Retort;
import dev.retort.command.Summary;
import dev.retort.config.Settings;

/** An application that migrates at start-up, as several instances of it do at once. */
public final class ApiUpgrade {

    public static void main(String[] args) {
        try (Retort retort = Retort.configure().settings(Settings.builder().environment(System.getenv()).build()).load()) {
            System.out.println("applied=" + retort.upgrade().steps().size());
        }
    }
}
