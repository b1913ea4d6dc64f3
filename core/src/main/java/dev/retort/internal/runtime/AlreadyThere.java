package dev.retort.internal.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.operation.Column;
import dev.retort.operation.Operation;
import dev.retort.platform.Platform;
import dev.retort.revision.RevisionScript;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;

/**
 * Which of the objects a revision creates are in the database already, and whether they look as the revision would
 * make them: the answer to "relation already exists" when a table was created by hand, or the version table is
 * behind the schema. Raw SQL cannot be looked into, so a revision made only of it gets no answer.
 */
public final class AlreadyThere {

    private AlreadyThere() {
    }

    /**
     * What the database already holds of a revision's objects.
     *
     * @param present the objects found, each described with how it compares
     * @param missing the objects not there
     */
    public record Findings(List<String> present, List<String> missing) {

        /** Whether every object the revision creates (there is at least one) is already there. */
        public boolean complete() {
            return !present.isEmpty() && missing.isEmpty();
        }

        /** One or two sentences for a message, or empty when nothing of the revision is there. */
        public String describe(RevisionScript revision) {
            if (present.isEmpty()) {
                return "";
            }
            String found = "Already in the database: " + String.join(", ", present) + ".";
            if (complete()) {
                return found + " Everything revision " + revision.id() + " creates is there: if the database really is at "
                        + revision.id() + " (its version table is behind, or the revision was applied by hand), record that with "
                        + "stamp " + revision.id() + ", then upgrade.";
            }
            return found + " Not there yet: " + String.join(", ", missing) + ". Finish or undo the partial change by hand, then "
                    + "upgrade again.";
        }
    }

    /** Looks for the objects the operations create. */
    public static Findings look(Platform platform, Connection connection, List<Operation> operations) throws SQLException {
        Set<String> schemas = new TreeSet<>();
        schemas.add(platform.defaultSchema());
        for (Operation operation : operations) {
            schemaOf(operation).ifPresent(schemas::add);
        }
        SchemaModel model = platform.catalogReader(name -> true).read(connection, schemas);
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String fallback = platform.defaultSchema();
        for (Operation operation : operations) {
            // Only operations that create a named object can be looked for; the others say nothing either way.
            if (operation instanceof Operation.CreateTable create) {
                String schema = create.schema() == null ? fallback : create.schema();
                Optional<Table> table = model.table(schema, create.name());
                String name = "table " + schema + "." + create.name();
                if (table.isEmpty()) {
                    missing.add(name);
                } else {
                    List<String> wanted = create.columns().stream().map(Column::name).toList();
                    List<String> found = table.get().columns().stream().map(Column::name).toList();
                    present.add(name + (found.equals(wanted) ? " (with the revision's columns)" : " (with other columns: "
                            + String.join(", ", found) + ")"));
                }
            } else if (operation instanceof Operation.AddColumn add) {
                String schema = add.schema() == null ? fallback : add.schema();
                String name = "column " + schema + "." + add.table() + "." + add.column().name();
                Optional<Column> column = model.table(schema, add.table()).flatMap(t -> t.column(add.column().name()));
                if (column.isEmpty()) {
                    missing.add(name);
                } else {
                    boolean same = platform.rules().sameType(column.get().type(), add.column().type());
                    present.add(name + (same ? "" : " (of type " + platform.dialect().typeName(column.get().type()) + ", not "
                            + platform.dialect().typeName(add.column().type()) + ")"));
                }
            } else if (operation instanceof Operation.CreateIndex create) {
                String schema = create.index().schema() == null ? fallback : create.index().schema();
                boolean exists = model.tables().stream().filter(t -> t.schema().equals(schema))
                        .anyMatch(t -> t.indexes().stream().anyMatch(i -> i.name().equals(create.index().name())));
                (exists ? present : missing).add("index " + schema + "." + create.index().name());
            } else if (operation instanceof Operation.CreateSequence create) {
                String schema = create.sequence().schema() == null ? fallback : create.sequence().schema();
                boolean exists = model.sequences().stream().anyMatch(q -> q.schema().equals(schema) && q.name().equals(create.sequence().name()));
                (exists ? present : missing).add("sequence " + schema + "." + create.sequence().name());
            } else if (operation instanceof Operation.CreateEnum create) {
                String schema = create.schema() == null ? fallback : create.schema();
                boolean exists = model.enums().stream().anyMatch(e -> e.schema().equals(schema) && e.name().equals(create.name()));
                (exists ? present : missing).add("enum type " + schema + "." + create.name());
            } else if (operation instanceof Operation.CreateSchema create) {
                (model.schemas().contains(create.name()) ? present : missing).add("schema " + create.name());
            }
        }
        return new Findings(present, missing);
    }

    /** The schema an object-creating operation names, if it names one. */
    private static Optional<String> schemaOf(Operation operation) {
        String schema = null;
        if (operation instanceof Operation.CreateTable create) {
            schema = create.schema();
        } else if (operation instanceof Operation.AddColumn add) {
            schema = add.schema();
        } else if (operation instanceof Operation.CreateIndex create) {
            schema = create.index().schema();
        } else if (operation instanceof Operation.CreateSequence create) {
            schema = create.sequence().schema();
        } else if (operation instanceof Operation.CreateEnum create) {
            schema = create.schema();
        } else if (operation instanceof Operation.CreateSchema create) {
            schema = create.name();
        }
        return Optional.ofNullable(schema);
    }
}
