package dev.retort.revision;

import java.util.function.Supplier;

import dev.retort.RepeatableMigration;

/**
 * One repeatable revision as Retort sees it: a name that orders it and identifies it in the history, and a way to
 * obtain what it records.
 *
 * @param name          its name: a SQL file's name without {@code R__} and {@code .sql}, or a class's simple name
 * @param message       a one-line description, possibly empty
 * @param transactional whether it runs in one transaction with its history row (where the database's DDL is transactional)
 * @param source        where it was declared, for messages: the class name or the file's class path resource
 * @param migration     creates what it records
 */
public record RepeatableScript(String name, String message, boolean transactional, String source, Supplier<RepeatableMigration> migration) {

    @Override
    public String toString() {
        return name + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
