package dev.retort;

import java.util.function.Supplier;

import dev.retort.platform.Platform;

/**
 * The platform a {@link Retort} works with, chosen when first needed: a data source's platform is read from one of its
 * connections, and work that needs no database (the revision graph, history, merge) needs no platform at all.
 */
final class PlatformChoice implements Supplier<Platform> {

    private final Supplier<Platform> choose;
    private Platform chosen;

    PlatformChoice(Supplier<Platform> choose) {
        this.choose = choose;
    }

    @Override
    public synchronized Platform get() {
        if (chosen == null) {
            chosen = choose.get();
        }
        return chosen;
    }
}
