package dev.retort.internal.revision;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.retort.platform.ScriptPiece;
import dev.retort.revision.RevisionGraphException;
import dev.retort.revision.RevisionScript;

/**
 * A revision written as a {@code .sql} file: a header of {@code -- retort:} lines, the upgrade's statements, and
 * optionally {@code -- retort:downgrade} followed by the downgrade's statements.
 *
 * <pre>
 * -- retort:revision id=4f2a9c1b7d10 parents=1a2b3c4d5e6f
 * -- retort:message Add the audit trigger
 * -- retort:created 2026-11-30T09:00:00Z
 * -- retort:transactional true
 * create function …;
 * -- retort:downgrade
 * drop function …;
 * </pre>
 *
 * <p>A {@code -- retort:platform <ids>} line (also {@code not <ids>} and {@code all}) in either section puts the
 * statements below it, up to the next such line or the section's end, on those databases only, so one file serves a
 * history meant for several databases ({@link PlatformScope}).
 *
 * @param path          the file's class path resource name, which messages and the history name it by
 * @param id            the revision id
 * @param parents       parent ids: none for a root, two or more for a merge
 * @param message       the one-line description, possibly empty
 * @param created       the creation time (ISO-8601), possibly empty
 * @param transactional whether the revision runs in one transaction (default true)
 * @param upgrade       the upgrade's statements, without semicolons, each with the databases it runs on
 * @param downgrade     the downgrade's statements, or null when the file has no downgrade section
 */
record SqlRevisionFile(String path, String id, List<String> parents, String message, String created, boolean transactional,
                       List<Scoped> upgrade, List<Scoped> downgrade) {

    /** One statement and the databases it runs on. */
    record Scoped(String sql, PlatformScope scope) {
    }


    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9_]+");
    private static final Set<String> RESERVED_IDS = Set.of("head", "heads", "base");
    private static final int MAX_ID_LENGTH = 64;
    private static final String KEYS = "revision, message, created, transactional, downgrade and platform";

    SqlRevisionFile {
        parents = List.copyOf(parents);
        upgrade = List.copyOf(upgrade);
        downgrade = downgrade == null ? null : List.copyOf(downgrade);
    }

    /**
     * Parses a file.
     *
     * @param path its class path resource name, for messages
     * @param text its content
     * @throws RevisionGraphException (one line, naming the file, the line and the problem) when the file is malformed
     */
    static SqlRevisionFile parse(String path, String text, ScriptSplitter splitter) {
        try {
            return new Parser(path).parse(splitter.split(normalize(text)));
        } catch (IllegalArgumentException e) {
            throw new RevisionGraphException("The SQL revision " + path + " is not valid: " + e.getMessage() + ".");
        }
    }

    /** The revision as the graph sees it; its migration records one {@code execute} per statement. */
    RevisionScript script() {
        SqlMigration migration = new SqlMigration(this);
        return new RevisionScript(id, parents, message, created, transactional, path, () -> migration);
    }

    /** Whether the file has a downgrade section (an empty one is a downgrade that does nothing). */
    boolean hasDowngrade() {
        return downgrade != null;
    }

    /** The statements of one section that run on a platform (an id, or null for no database in particular). */
    static List<String> on(List<Scoped> section, String platform) {
        return section.stream().filter(s -> s.scope().includes(platform)).map(Scoped::sql).toList();
    }

    /**
     * The text as the parser reads it: without a byte order mark, and with Windows or old Mac line endings made
     * {@code \n}, so a checkout with {@code core.autocrlf} renders the same statements (and checksum) as any other.
     */
    private static String normalize(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Reads the pieces of one file in order: header, upgrade, downgrade. */
    private static final class Parser {
        private final String path;
        private String id;
        private List<String> parents = List.of();
        private String message;
        private String created;
        private Boolean transactional;
        private final List<Scoped> upgrade = new ArrayList<>();
        private List<Scoped> downgrade;
        private PlatformScope scope = PlatformScope.ALL;
        private boolean statementSeen;

        Parser(String path) {
            this.path = path;
        }

        SqlRevisionFile parse(List<ScriptPiece> pieces) {
            for (ScriptPiece piece : pieces) {
                if (piece instanceof ScriptPiece.Statement statement) {
                    statementSeen = true;
                    (downgrade != null ? downgrade : upgrade).add(new Scoped(statement.sql(), scope));
                } else if (piece instanceof ScriptPiece.Directive directive) {
                    directive(directive);
                }
            }
            if (id == null) {
                throw new IllegalArgumentException("it has no revision id; start it with a line -- retort:revision id=<id> "
                        + "parents=<parent id>[,<parent id>…] (no parents for the first revision)");
            }
            return new SqlRevisionFile(path, id, parents, message == null ? "" : message, created == null ? "" : created,
                    transactional == null || transactional, upgrade, downgrade);
        }

        private void directive(ScriptPiece.Directive directive) {
            String text = directive.text();
            int space = indexOfWhitespace(text);
            String key = space < 0 ? text : text.substring(0, space);
            String value = space < 0 ? "" : text.substring(space).strip();
            int line = directive.line();
            if (key.equals("downgrade")) {
                if (downgrade != null) {
                    throw problem(line, "a second -- retort:downgrade line; a file has one downgrade section");
                }
                if (!value.isEmpty()) {
                    throw problem(line, "-- retort:downgrade takes nothing after it; put the downgrade's statements on the lines below");
                }
                downgrade = new ArrayList<>();
                scope = PlatformScope.ALL;
                return;
            }
            if (key.equals("platform")) {
                try {
                    scope = PlatformScope.parse(value);
                } catch (IllegalArgumentException e) {
                    throw problem(line, e.getMessage());
                }
                return;
            }
            if (!Set.of("revision", "message", "created", "transactional").contains(key)) {
                throw problem(line, "unknown header key '" + key + "'; the keys are " + KEYS);
            }
            if (statementSeen || downgrade != null) {
                throw problem(line, "-- retort:" + key + " comes after the first statement; header lines go at the top of the file");
            }
            switch (key) {
                case "revision" -> revision(line, value);
                case "message" -> {
                    once(line, key, message);
                    if (value.chars().anyMatch(Character::isISOControl)) {
                        throw problem(line, "the message has a control character (a tab or similar); a revision message is plain "
                                + "text on one line");
                    }
                    message = value;
                }
                case "created" -> {
                    once(line, key, created);
                    try {
                        Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        throw problem(line, "created is '" + value + "', not an ISO-8601 instant such as 2026-11-30T09:00:00Z");
                    }
                    created = value;
                }
                default -> {
                    once(line, key, transactional);
                    if (!value.equals("true") && !value.equals("false")) {
                        throw problem(line, "transactional is '" + value + "'; give true or false");
                    }
                    transactional = Boolean.valueOf(value);
                }
            }
        }

        private void revision(int line, String value) {
            once(line, "revision", id);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String attribute : value.isEmpty() ? new String[0] : value.split("\\s+")) {
                int equals = attribute.indexOf('=');
                String name = equals < 0 ? attribute : attribute.substring(0, equals);
                if (!name.equals("id") && !name.equals("parents")) {
                    throw problem(line, "-- retort:revision has '" + attribute + "'; it takes id=<id> and parents=<id>[,<id>…]");
                }
                if (equals < 0 || attributes.put(name, attribute.substring(equals + 1)) != null) {
                    throw problem(line, "-- retort:revision gives " + name + (equals < 0 ? " without =<value>" : " twice"));
                }
            }
            String declared = attributes.get("id");
            if (declared == null || declared.isEmpty()) {
                throw problem(line, "-- retort:revision has no id; write id=<id>, e.g. id=4f2a9c1b7d10");
            }
            checkId(line, "id", declared);
            String parentList = attributes.getOrDefault("parents", "");
            List<String> declaredParents = parentList.isEmpty() ? List.of() : Arrays.asList(parentList.split(",", -1));
            for (String parent : declaredParents) {
                checkId(line, "parent", parent);
            }
            id = declared;
            parents = declaredParents;
        }

        private void checkId(int line, String what, String value) {
            if (!VALID_ID.matcher(value).matches()) {
                throw problem(line, what + " '" + value + "' may contain only letters, digits and underscores"
                        + (what.equals("parent") ? " (separate several parents with commas, no spaces)" : ""));
            }
            if (value.length() > MAX_ID_LENGTH) {
                throw problem(line, what + " '" + value + "' is longer than " + MAX_ID_LENGTH + " characters (the version table's limit)");
            }
            if (RESERVED_IDS.contains(value)) {
                throw problem(line, what + " '" + value + "' is a reserved target name");
            }
        }

        private static void once(int line, String key, Object current) {
            if (current != null) {
                throw problem(line, "a second -- retort:" + key + " line");
            }
        }

        private static int indexOfWhitespace(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (Character.isWhitespace(text.charAt(i))) {
                    return i;
                }
            }
            return -1;
        }

        private static IllegalArgumentException problem(int line, String problem) {
            return new IllegalArgumentException("line " + line + ": " + problem);
        }
    }
}
