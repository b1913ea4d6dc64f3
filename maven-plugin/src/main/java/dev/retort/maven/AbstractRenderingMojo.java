package dev.retort.maven;

import org.apache.maven.plugins.annotations.Parameter;

import dev.retort.config.Setting;
import dev.retort.config.Settings;

/**
 * Goals that render the migrations' SQL without connecting ({@code show}, {@code index}): the database URL only picks
 * the SQL dialect, so the connection's other parameters are not theirs.
 */
abstract class AbstractRenderingMojo extends AbstractRetortMojo {

    /**
     * JDBC URL ({@code jdbc:postgresql://host:5432/db}) or {@code postgresql://user:pass@host:5432/db}; default: {@code DATABASE_URL}.
     * Here it only chooses the database whose SQL is rendered; nothing connects to it.
     */
    @Parameter(property = "migrations.url")
    protected String url;

    @Override
    protected void configure(Settings.Builder builder) throws org.apache.maven.plugin.MojoFailureException {
        super.configure(builder);
        builder.set(Setting.URL, url);
    }
}
