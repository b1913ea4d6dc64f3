package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/** The project's compiled classes and runtime dependencies over the plugin's own classes, made on first use and closed after the goal. */
final class ProjectClassLoader implements AutoCloseable {

    private final MavenProject project;
    private final String goal;
    private URLClassLoader loader;

    ProjectClassLoader(MavenProject project, String goal) {
        this.project = project;
        this.goal = goal;
    }

    /**
     * The loader.
     *
     * @throws MojoFailureException when the project is not compiled
     */
    URLClassLoader get() throws MojoFailureException {
        if (loader != null) {
            return loader;
        }
        File classes = new File(project.getBuild().getOutputDirectory());
        if (!classes.isDirectory() || isEmpty(classes)) {
            throw new MojoFailureException("The project's classes are not compiled (" + project.getBuild().getOutputDirectory()
                    + " is missing or empty); run mvn compile migrations:" + goal + ".");
        }
        List<URL> urls = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                urls.add(new File(element).toURI().toURL());
            }
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoFailureException("Cannot build the project's class path: " + e.getMessage(), e);
        }
        loader = new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
        return loader;
    }

    private static boolean isEmpty(File directory) {
        try (var entries = Files.list(directory.toPath())) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException ignored) {
                // the classes are no longer needed; a file handle left open goes with the build's JVM
            }
            loader = null;
        }
    }
}
