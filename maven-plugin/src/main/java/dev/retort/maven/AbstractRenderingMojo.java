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

    /**
     * The database platform whose SQL is rendered when no URL names one (an id: {@code postgresql}, …), needed only when
     * several platform modules are on the plugin's class path; default: the URL's, else the only one there.
     */
    @Parameter(property = "migrations.platform")
    protected String platform;

    /**
     * Values of the {@code ${name}} placeholders of SQL revision files, repeatables and callbacks:
     * {@code name=value,name=value}. One placeholder also comes from {@code RETORT_PLACEHOLDERS_<NAME>}.
     */
    @Parameter(property = "migrations.placeholders")
    protected String placeholders;

    @Override
    protected void configure(Settings.Builder builder) throws org.apache.maven.plugin.MojoFailureException {
        super.configure(builder);
        builder.set(Setting.URL, url).set(Setting.PLATFORM, platform).set(Setting.PLACEHOLDERS, placeholders);
    }
}
