package dev.retort.internal.revision;

import java.util.List;
import java.util.function.Supplier;

import dev.retort.platform.Platforms;
import dev.retort.platform.ScriptPiece;
import dev.retort.platform.SqlDialect;

/**
 * Splits SQL revision files into statements with the lexer of the database they run on ({@link SqlDialect#splitScript}).
 * The dialect is looked up when the first file is read, so a project without SQL revision files needs no platform
 * to find its revisions.
 */
public final class ScriptSplitter {

    private final Supplier<SqlDialect> dialect;
    private SqlDialect resolved;

    private ScriptSplitter(Supplier<SqlDialect> dialect) {
        this.dialect = dialect;
    }

    /** Files split by this dialect. */
    public static ScriptSplitter of(SqlDialect dialect) {
        return new ScriptSplitter(() -> dialect);
    }

    /** Files split by the dialect the supplier gives, asked when the first file is read. */
    public static ScriptSplitter of(Supplier<SqlDialect> dialect) {
        return new ScriptSplitter(dialect);
    }

    /** Files split by the dialect of the one platform on the class path ({@link Platforms#only()}), found when first needed. */
    public static ScriptSplitter ofOnlyPlatform() {
        return new ScriptSplitter(() -> Platforms.only().dialect());
    }

    /**
     * The pieces of a file's text.
     *
     * @throws IllegalArgumentException {@code line N: problem} for text that cannot be split
     */
    synchronized List<ScriptPiece> split(String text) {
        if (resolved == null) {
            resolved = dialect.get();
        }
        return resolved.splitScript(text);
    }
}
