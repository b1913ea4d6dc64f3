package dev.retort.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command lines of the recipe pages, read from their code blocks: each {@code java … dev.retort.cli.Main …} line,
 * whatever its form (a shell line, a YAML {@code run:} step, a {@code command:} array, a TOML string, a launcher
 * script's {@code exec}, a comment giving the other kind of jar's form), with the block it stands in and the build
 * commands before it. {@link Recipes} runs them.
 */
final class RecipePages {

    /** The pages whose commands are run. */
    static final List<String> PAGES = List.of("quickstart.md", "release.md", "spring-boot.md");

    static final String MAIN = "dev.retort.cli.Main";
    static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    private static final Pattern JSON_ARRAY = Pattern.compile("\\[\\s*\"java\"[^\\]]*]");
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private RecipePages() {
    }

    /** The kinds of jar a command line is written for. */
    enum Jar {
        /** A jar whose manifest lists its libraries in {@code lib/} beside it (a project from the archetype). */
        PLAIN,
        /** A Spring Boot executable jar, run through Boot's launcher. */
        BOOT
    }

    /**
     * One command line of a page.
     *
     * @param page     the page's file name
     * @param line     its line number there
     * @param jar      the kind of jar it is written for
     * @param argv     the command, {@code java} first
     * @param block    the code block it is in (what decides its environment)
     * @param builds   the build commands before it in its block ({@code ./mvnw …})
     */
    record Command(String page, int line, Jar jar, List<String> argv, String block, List<String> builds) {

        /** Where it is and what it is, for messages. */
        String where() {
            return page + ":" + line + ": " + String.join(" ", argv);
        }

        /** The jar path it names, after {@code -cp}. */
        String jarPath() {
            int cp = argv.indexOf("-cp");
            return cp < 0 ? null : argv.get(cp + 1);
        }

        /** Retort's command and its arguments: what follows the main class or the launcher. */
        List<String> retort() {
            int at = Math.max(argv.indexOf(MAIN), argv.indexOf(LAUNCHER));
            return argv.subList(at + 1, argv.size());
        }
    }

    /** Every command line of the recipe pages in {@code docs}, in page order. */
    static List<Command> commands(Path docs) {
        List<Command> all = new ArrayList<>();
        for (String page : PAGES) {
            all.addAll(page(docs.resolve(page)));
        }
        return all;
    }

    /** Every {@code java … dev.retort.cli.Main} command line in the code blocks of one page. */
    static List<Command> page(Path page) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Command> commands = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().startsWith("```")) {
                continue;
            }
            if (start < 0) {
                start = i;
                continue;
            }
            List<String> block = lines.subList(start + 1, i);
            String text = String.join("\n", block);
            List<String> builds = new ArrayList<>();
            for (int j = 0; j < block.size(); j++) {
                String line = block.get(j);
                Matcher build = Pattern.compile("(\\./mvnw [^#]*)").matcher(line);
                if (!line.contains(MAIN) && build.find()) {
                    builds.add(build.group(1).strip());
                }
                if (line.contains(MAIN)) {
                    List<String> argv = argv(line, page.getFileName() + ":" + (start + 2 + j));
                    Jar jar = argv.contains(LAUNCHER) ? Jar.BOOT : Jar.PLAIN;
                    commands.add(new Command(page.getFileName().toString(), start + 2 + j, jar, argv, text, List.copyOf(builds)));
                }
            }
            start = -1;
        }
        return commands;
    }

    /** The command of one line: a JSON array, or shell words from {@code java} to the end of the command. */
    static List<String> argv(String line, String where) {
        Matcher array = JSON_ARRAY.matcher(line);
        if (array.find()) {
            List<String> argv = new ArrayList<>();
            Matcher string = JSON_STRING.matcher(array.group());
            while (string.find()) {
                argv.add(string.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            return argv;
        }
        Matcher java = Pattern.compile("(^|[\\s\"'(])java\\s").matcher(line);
        if (!java.find()) {
            throw new IllegalStateException(where + ": a line naming " + MAIN + " without a java command this test can read: " + line);
        }
        int from = java.end(1);
        String rest = line.substring(from);
        char before = from > 0 ? line.charAt(from - 1) : ' ';
        if (before == '"' || before == '\'') {
            rest = rest.substring(0, rest.indexOf(before));   // a command inside a string: release_command = "java …"
        }
        return words(rest);
    }

    /** Shell words up to the end of the command: a comment, a continuation, ||, &&, ; or |. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (word == null && (c == '#' || c == '\\' || c == ';' || c == '|' || c == '&')) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** The repository's {@code docs}, found from a directory inside it. */
    static Path docs(Path inside) {
        for (Path at = inside.toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("docs/release.md"))) {
                return at.resolve("docs");
            }
        }
        throw new IllegalStateException("no docs/release.md above " + inside);
    }
}
