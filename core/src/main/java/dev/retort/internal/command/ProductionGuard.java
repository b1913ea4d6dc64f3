package dev.retort.internal.command;

import dev.retort.RetortException;
import dev.retort.config.Setting;
import dev.retort.config.Settings;

/**
 * Refuses writes to a production database that nobody confirmed. Every writing command needs {@code confirm};
 * those that undo or rewrite what production has recorded (downgrade, stamp with purge, repair) need
 * {@code confirmDestructive} as well. A refusal happens before anything connects, so it changes nothing.
 */
public final class ProductionGuard {

    private final Settings settings;

    /** A guard over these settings. */
    public ProductionGuard(Settings settings) {
        this.settings = settings;
    }

    /** Refuses a writing command in production without {@code confirm}. */
    public void write(String command) {
        if (settings.isProduction() && !settings.confirmed()) {
            throw new RetortException("The database is a production database (" + where() + "), and " + command + " writes to it: set "
                    + "{confirm} to yes to go ahead. Nothing was changed.");
        }
    }

    /** Refuses a command that undoes or rewrites production's history without both confirmations. */
    public void destructive(String command) {
        if (settings.isProduction() && !(settings.confirmed() && settings.confirmedDestructive())) {
            throw new RetortException("The database is a production database (" + where() + "), and " + command + " undoes or rewrites "
                    + "what it has recorded: set both {confirm} and {confirmDestructive} to yes to go ahead. Nothing was changed.");
        }
    }

    /** Refuses release's {@code forceContract} in production without both confirmations: it lifts the two-deploy rule. */
    public void forcedContracts() {
        if (settings.isProduction() && !(settings.confirmed() && settings.confirmedDestructive())) {
            throw new RetortException("The database is a production database (" + where() + "), and {forceContract} applies contract "
                    + "revisions while the code of the version before may still run: set both {confirm} and {confirmDestructive} to "
                    + "yes to go ahead. Nothing was changed.");
        }
    }

    /**
     * Refuses {@code clean} in production whatever is confirmed, and everywhere unless {@code cleanEnabled} allows it:
     * it drops every object in the managed schemas.
     */
    public void clean() {
        if (settings.isProduction()) {
            throw new RetortException("The database is a production database (" + where() + "), and clean drops every object in it: "
                    + "clean never runs in production, whatever is confirmed. Nothing was changed.");
        }
        if (!settings.cleanEnabled()) {
            throw new RetortException("clean drops every object in the managed schemas, Retort's tables included: set {cleanEnabled} to "
                    + "yes to allow it on this development or test database. Nothing was changed.");
        }
    }

    private String where() {
        return "{environment} is " + settings.environment() + ", from " + settings.origin(Setting.ENVIRONMENT);
    }
}
