package dev.retort.platform;

/**
 * One piece of a SQL script as a database's own client would split it ({@link SqlDialect#splitScript}): a statement,
 * or a {@code -- retort:} line outside any statement, which SQL revision files use for their header and sections.
 */
public sealed interface ScriptPiece permits ScriptPiece.Statement, ScriptPiece.Directive {

    /** The line (from 1) where the piece starts. */
    int line();

    /**
     * A statement, without its terminator; comments before it and after its last token are left out.
     *
     * @param sql  the statement's text
     * @param line where it starts
     */
    record Statement(String sql, int line) implements ScriptPiece {
    }

    /**
     * A line comment {@code -- retort:…} at the start of a line, outside any string or statement body: it ends the
     * statement before it.
     *
     * @param text what follows {@code retort:}
     * @param line its line
     */
    record Directive(String text, int line) implements ScriptPiece {
    }
}
