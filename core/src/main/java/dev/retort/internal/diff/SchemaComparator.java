package dev.retort.internal.diff;

import dev.retort.operation.Operation;
import dev.retort.schema.DiffPhase;
import dev.retort.schema.ObjectComparator;
import dev.retort.schema.SchemaDiff;

/** Creates the schemas the target names that do not exist; a schema is never dropped for what it no longer holds. */
final class SchemaComparator implements ObjectComparator {

    @Override
    public void compare(SchemaDiff diff) {
        for (String schema : diff.target().schemas()) {
            if (!diff.current().schemas().contains(schema)) {
                diff.add(DiffPhase.CREATE_SCHEMAS, "create schema " + schema, new Operation.CreateSchema(schema, true), null);
            }
        }
    }
}
