package dev.retort.command;

import java.nio.file.Path;
import java.util.List;

import dev.retort.schema.Comparison;

/**
 * What {@code generate} or {@code merge} wrote.
 *
 * @param revision   the new revision's id, or null when nothing was written
 * @param parents    its parents
 * @param className  its class's simple name, or null
 * @param file       where it was written, or null
 * @param source     the file's text, or null
 * @param comparison the changes found (empty for a hand-written or merge revision)
 */
public record Generated(String revision, List<String> parents, String className, Path file, String source, Comparison comparison) {

    public Generated {
        parents = List.copyOf(parents);
    }

    /** Whether no change was detected and nothing was written. */
    public boolean nothingToDo() {
        return file == null;
    }
}
