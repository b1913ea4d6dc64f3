package dev.retort.rolling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The child JVMs of one test, each bounded: a command line waited for at most {@link #COMMAND_TIMEOUT_SECONDS}, and
 * whatever still runs when the test ends killed with its descendants by {@link #close()}.
 */
final class Children implements AutoCloseable {

    static final long COMMAND_TIMEOUT_SECONDS = 90;

    /** What a command line said: its exit code and standard output (its standard error, for messages). */
    record Ran(int exit, String out, String err) {
    }

    private final Path logs;
    private final List<ProcessHandle> started = new ArrayList<>();
    private int count;

    Children(Path logs) {
        this.logs = logs;
    }

    /** Starts {@code main} in a JVM of its own, with these class path entries before the test's own class path. */
    Process start(String name, List<Path> classPath, String main, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived JVM: the quick compiler and the small collector start it sooner.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath(classPath), main));
        command.addAll(args);
        String file = name + "-" + ++count;
        try {
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command).redirectOutput(logs.resolve(file + ".out").toFile())
                    .redirectError(logs.resolve(file + ".err").toFile()).start();
            started.add(process.toHandle());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code main} to its end (at most {@link #COMMAND_TIMEOUT_SECONDS}) and says what it printed. */
    Ran run(String name, List<Path> classPath, String main, List<String> args) throws InterruptedException {
        Process process = start(name, classPath, main, args);
        String file = name + "-" + count;
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " " + args + " did not end within " + COMMAND_TIMEOUT_SECONDS + " s");
        }
        return new Ran(process.exitValue(), read(logs.resolve(file + ".out")), read(logs.resolve(file + ".err")));
    }

    /**
     * Whether every process started here has ended, with every process it started. Only these: other tests of the same
     * JVM start JVMs of their own at the same time.
     */
    boolean noneLeft() {
        return started.stream().noneMatch(p -> p.isAlive() || p.descendants().anyMatch(ProcessHandle::isAlive));
    }

    /** Kills what still runs (descendants first) and waits for it to end. */
    @Override
    public void close() {
        for (ProcessHandle process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (ProcessHandle process : started) {
            process.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(e -> process).join();
        }
    }

    private static String classPath(List<Path> first) {
        List<String> entries = new ArrayList<>(first.stream().map(Path::toString).toList());
        entries.add(System.getProperty("java.class.path"));
        return String.join(java.io.File.pathSeparator, entries);
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
