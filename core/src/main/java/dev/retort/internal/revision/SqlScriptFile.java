package dev.retort.internal.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.Callback;
import dev.retort.RepeatableMigration;
import dev.retort.command.Direction;
import dev.retort.command.Step;
import dev.retort.operation.Operations;
import dev.retort.platform.ScriptPiece;
import dev.retort.revision.RepeatableScript;
import dev.retort.revision.RevisionGraphException;

/**
 * A SQL file that is not a revision: a repeatable ({@code R__active_authors.sql}) or a callback named after its event
 * ({@code afterRun.sql}, {@code afterRun__grant_reader.sql}). Its optional header takes {@code -- retort:message} and
 * {@code -- retort:transactional}; the rest is statements, split as the database's client splits them. A
 * {@code -- retort:platform} line puts the statements below it on the databases it names, as in a revision file
 * ({@link PlatformScope}).
 *
 * @param path          the class path resource name
 * @param message       the one-line description, possibly empty
 * @param transactional whether it runs in a transaction (default true)
 * @param statements    its statements, as written, each with the databases it runs on
 */
record SqlScriptFile(String path, String message, boolean transactional, List<SqlRevisionFile.Scoped> statements) {

    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Flyway's callback names with Retort's event for each, so a file carried over is told its new name. */
    private static final Map<String, String> FLYWAY_CALLBACKS = Map.of("beforeMigrate", "beforeRun", "afterMigrate", "afterRun",
            "beforeEachMigrate", "beforeEach", "afterEachMigrate", "afterEach", "afterMigrateError", "afterFailure",
            "afterEachMigrateError", "afterFailure", "afterMigrateApplied", "afterRun");

    SqlScriptFile {
        statements = List.copyOf(statements);
    }

    /** The file name of a class path resource. */
    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The repeatable's name when the file is named as one ({@code R__<name>.sql}), else empty. */
    static Optional<String> repeatableName(String path) {
        Matcher m = REPEATABLE.matcher(fileName(path));
        if (!m.matches()) {
            return Optional.empty();
        }
        if (!VALID_NAME.matcher(m.group(1)).matches()) {
            throw new RevisionGraphException("The repeatable " + path + " is named '" + m.group(1) + "'; a repeatable's name (after R__) "
                    + "is up to 64 letters, digits, underscores, dots or hyphens.");
        }
        return Optional.of(m.group(1));
    }

    /**
     * The event a callback file is named after ({@code afterRun.sql}, {@code afterRun__grant.sql}), else empty.
     *
     * @throws RevisionGraphException for a file named as one of Flyway's callbacks, saying Retort's name for it
     */
    static Optional<Callback.Event> callbackEvent(String path) {
        String name = fileName(path);
        String base = name.substring(0, name.length() - ".sql".length());
        int separator = base.indexOf("__");
        String event = separator < 0 ? base : base.substring(0, separator);
        for (Callback.Event candidate : Callback.Event.values()) {
            if (candidate.fileName().equals(event)) {
                return Optional.of(candidate);
            }
        }
        if (FLYWAY_CALLBACKS.containsKey(event)) {
            throw new RevisionGraphException(path + " is named as Flyway's " + event + " callback; Retort runs it as "
                    + FLYWAY_CALLBACKS.get(event) + ": rename it " + FLYWAY_CALLBACKS.get(event) + name.substring(event.length()) + ".");
        }
        return Optional.empty();
    }

    /**
     * Parses a repeatable's or callback's file.
     *
     * @throws RevisionGraphException (one line, naming the file, the line and the problem) when it is malformed
     */
    static SqlScriptFile parse(String path, String text, ScriptSplitter splitter) {
        String normalized = (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n").replace('\r', '\n');
        List<SqlRevisionFile.Scoped> statements = new ArrayList<>();
        String message = null;
        Boolean transactional = null;
        PlatformScope scope = PlatformScope.ALL;
        try {
            for (ScriptPiece piece : splitter.split(normalized)) {
                if (piece instanceof ScriptPiece.Statement statement) {
                    statements.add(new SqlRevisionFile.Scoped(statement.sql(), scope));
                    continue;
                }
                ScriptPiece.Directive directive = (ScriptPiece.Directive) piece;
                String[] parts = directive.text().strip().split("\\s+", 2);
                String value = parts.length > 1 ? parts[1].strip() : "";
                if (parts[0].equals("platform")) {
                    try {
                        scope = PlatformScope.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw problem(path, directive.line(), e.getMessage());
                    }
                    continue;
                }
                if (!statements.isEmpty()) {
                    throw problem(path, directive.line(), "-- retort:" + parts[0] + " comes after the first statement; header lines go "
                            + "at the top of the file");
                }
                switch (parts[0]) {
                    case "message" -> {
                        if (message != null || value.chars().anyMatch(Character::isISOControl)) {
                            throw problem(path, directive.line(), "a second -- retort:message line, or one with a control character");
                        }
                        message = value;
                    }
                    case "transactional" -> {
                        if (transactional != null || !(value.equals("true") || value.equals("false"))) {
                            throw problem(path, directive.line(), "transactional is '" + value + "'; give true or false, once");
                        }
                        transactional = Boolean.valueOf(value);
                    }
                    default -> throw problem(path, directive.line(), "unknown header key '" + parts[0] + "'; a repeatable or callback "
                            + "takes message, transactional and platform (a revision needs a file not named R__… or after a callback event)");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new RevisionGraphException("The SQL file " + path + " is not valid: " + e.getMessage() + ".");
        }
        return new SqlScriptFile(path, message == null ? "" : message, transactional == null || transactional, statements);
    }

    private static RevisionGraphException problem(String path, int line, String problem) {
        return new RevisionGraphException("The SQL file " + path + " is not valid: line " + line + ": " + problem + ".");
    }

    /** This file as the repeatable of that name. */
    RepeatableScript repeatable(String name) {
        Repeatable repeatable = new Repeatable(this);
        return new RepeatableScript(name, message, transactional, path, () -> repeatable);
    }

    /** This file as a callback at that event. */
    Callback callback(Callback.Event event) {
        return new FileCallback(this, event);
    }

    /** A repeatable written as SQL: one {@code execute} per statement. */
    private record Repeatable(SqlScriptFile file) implements RepeatableMigration, SqlSourced {
        @Override
        public void apply(Operations op) {
            statements(Direction.UP, op.platform()).forEach(op::execute);
        }

        @Override
        public String path() {
            return file.path();
        }

        @Override
        public List<String> statements(Direction direction, String platform) {
            return SqlRevisionFile.on(file.statements(), platform);
        }
    }

    /** A callback written as SQL, at the event its name says. */
    private record FileCallback(SqlScriptFile file, Callback.Event event) implements Callback, SqlSourced {
        @Override
        public void handle(Callback.Event at, Step step, Operations op) {
            statements(Direction.UP, op.platform()).forEach(op::execute);
        }

        @Override
        public boolean handles(Callback.Event at) {
            return at == event;
        }

        @Override
        public String describe() {
            return file.path();
        }

        @Override
        public String path() {
            return file.path();
        }

        @Override
        public List<String> statements(Direction direction, String platform) {
            return SqlRevisionFile.on(file.statements(), platform);
        }
    }

    /** Whether a callback runs in a transaction of its own: a SQL file can say it must not (a refresh done concurrently). */
    static boolean transactional(Callback callback) {
        return !(callback instanceof FileCallback file) || file.file().transactional();
    }
}
