package dev.retort.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;

import dev.retort.RetortException;
import dev.retort.config.SettingNames;
import dev.retort.internal.json.Json;

/** Where the command line writes: results to standard output, errors to standard error, one line each, passwords never. */
final class Console {

    private final PrintStream out;
    private final PrintStream err;
    boolean json;
    /** Whether standard output carries the command's data (a script), so progress goes to standard error as in JSON mode. */
    boolean dataOnOut;

    Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** A line for people; nothing in JSON mode, where only the result is written. */
    void line(String text) {
        (json ? err : out).println(text);
    }

    /** Lines for people. */
    void lines(List<String> lines) {
        lines.forEach(this::line);
    }

    /** The result: its JSON in JSON mode, otherwise its lines for people. */
    void result(String jsonText, List<String> lines) {
        if (json) {
            out.println(jsonText);
        } else {
            lines.forEach(out::println);
        }
    }

    /** A progress line: standard error in JSON mode (or when standard output is a script), so standard output stays the result alone. */
    void progress(String text) {
        (json || dataOnOut ? err : out).println(text);
    }

    /** A failure the command found itself, as one line on standard error. */
    void error(String message) {
        err.println("retort: " + message);
    }

    /** Retort's own errors are one line for people (and an object in JSON mode); anything else is a bug, with its trace. */
    int failed(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        String message = e instanceof RetortException retort ? retort.getMessage(SettingNames.COMMAND_LINE)
                : "failed unexpectedly: " + e;
        err.println("retort: " + message);
        if (json) {
            out.println(Json.write(Map.of("error", message, "exitCode", Main.FAILURE)));
        }
        if (!(e instanceof RetortException)) {
            e.printStackTrace(err);
        }
        return Main.FAILURE;
    }

    /** A usage error: what is wrong and how to get help. */
    int usage(CommandLine.ParameterException e, String[] args) {
        err.println("retort: " + e.getMessage());
        err.println("Try: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        return Main.USAGE;
    }
}
