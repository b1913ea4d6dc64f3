package dev.retort.operation;

/** What a {@code createTable} lists: columns and table constraints. */
public sealed interface TableElement permits Column, Constraint {
}
