package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.retort.config.Setting;
import dev.retort.config.Settings;

/** Goals that write to the database (upgrade, downgrade, stamp, release, repair): the lock they take and the production guard. */
abstract class AbstractWritingMojo extends AbstractDatabaseMojo {

    /**
     * How long a run waits for another run's lock: seconds (0: do not wait), or a duration such as {@code 500ms} or
     * {@code 2m}; default 60 seconds.
     */
    @Parameter(property = "migrations.lockTimeout")
    protected String lockTimeout;

    /** The database's environment; {@code production} makes every writing goal need {@code confirm}. */
    @Parameter(property = "migrations.environment")
    protected String environment;

    /** Confirms writing to a production database. */
    @Parameter(property = "migrations.confirm")
    protected String confirm;

    /** Confirms, on top of {@code confirm}, downgrade, stamp with purge and repair on a production database. */
    @Parameter(property = "migrations.confirmDestructive")
    protected String confirmDestructive;

    @Override
    protected void configure(Settings.Builder builder) throws MojoFailureException {
        super.configure(builder);
        builder.set(Setting.LOCK_TIMEOUT, lockTimeout).set(Setting.ENVIRONMENT, environment).set(Setting.CONFIRM, confirm)
                .set(Setting.CONFIRM_DESTRUCTIVE, confirmDestructive);
    }
}
