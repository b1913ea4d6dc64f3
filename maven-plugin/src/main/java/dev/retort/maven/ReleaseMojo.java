package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.ReleaseReport;
import dev.retort.lint.Finding;
import dev.retort.config.SettingNames;

/**
 * The release step of a deploy, for a CI job that runs before new code serves traffic: production guard,
 * validation (one head, no unknown revision in the database, no edited applied migration), upgrade to head under
 * the lock, a JSON report. Fails the build unless the database ends at head.
 */
@Mojo(name = "release", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ReleaseMojo extends AbstractWritingMojo {

    /** Where the JSON report goes. */
    @Parameter(property = "migrations.reportFile", defaultValue = "${project.build.directory}/migrations/release.json")
    private File reportFile;

    /**
     * The revision ({@code head}, an id) whose schema a database without Retort's tables already holds (made by Flyway,
     * hbm2ddl or by hand): the release compares the two on a dev database and stamps it there when they are equal, or
     * refuses, naming the differences.
     */
    @Parameter(property = "migrations.baselineOnRelease")
    private String baselineOnRelease;

    /**
     * Applies contract revisions now, though their expand is applied by this release or instances built before it still
     * run; in production only with {@code confirm} and {@code confirmDestructive} too.
     */
    @Parameter(property = "migrations.forceContract")
    private String forceContract;

    /** The schemas a baseline on release compares, comma-separated; default {@code schema}, else the connection's current one. */
    @Parameter(property = "migrations.schemas")
    private String schemas;

    /** Objects a baseline on release leaves out of its comparison, as for {@code check}; other tools' tables always are. */
    @Parameter(property = "migrations.excludeObjects")
    private String excludeObjects;

    /** Where a baseline on release builds the schema to compare with: {@code embedded} (the default), {@code docker} or a scratch server's URL. */
    @Parameter(property = "migrations.devDatabase")
    private String devDatabase;

    /** The image of a {@code docker} dev database. */
    @Parameter(property = "migrations.devImage")
    private String devImage;

    @Override
    protected void configure(dev.retort.config.Settings.Builder builder) throws MojoFailureException {
        super.configure(builder);
        builder.set(dev.retort.config.Setting.FORCE_CONTRACT, forceContract);
        builder.set(dev.retort.config.Setting.BASELINE_ON_RELEASE, baselineOnRelease).set(dev.retort.config.Setting.SCHEMAS, schemas)
                .set(dev.retort.config.Setting.EXCLUDE_OBJECTS, excludeObjects).set(dev.retort.config.Setting.DEV_DATABASE, devDatabase)
                .set(dev.retort.config.Setting.DEV_IMAGE, devImage);
    }

    @Override
    protected dev.retort.fleet.FleetCommand fleetCommand() {
        return dev.retort.fleet.FleetCommand.RELEASE;
    }

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        ReleaseReport report = retort.release(SettingNames.MAVEN);
        try {
            Files.createDirectories(reportFile.toPath().toAbsolutePath().getParent());
            Files.writeString(reportFile.toPath(), report.toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("The release ended (" + report.outcome() + ") but its report could not be written to "
                    + reportFile + ": " + e.getMessage(), e);
        }
        // Lint's findings read as migrations:lint and generate print them: warnings of the build.
        Set<String> findings = report.findings().stream().map(Finding::line).collect(Collectors.toSet());
        report.summary().forEach(line -> {
            if (findings.contains(line)) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        });
        getLog().info("Report: " + reportFile);
        if (!report.succeeded()) {
            throw new MojoFailureException(report.summary().get(report.summary().size() - 1));
        }
    }
}
