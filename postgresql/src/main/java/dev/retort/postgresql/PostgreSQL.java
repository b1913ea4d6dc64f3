package dev.retort.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.retort.operation.Operation;

/**
 * The operations only PostgreSQL has, for a migration to record with {@code op.add(…)}:
 *
 * <pre>{@code
 * import static dev.retort.postgresql.PostgreSQL.createExtension;
 *
 * op.add(createExtension("pg_trgm"));
 * }</pre>
 *
 * <p>PostgreSQL renders them; any other platform refuses them by name, so a history meant for several databases says
 * where it cannot run.
 */
public final class PostgreSQL {

    /** The platform id the operations carry. */
    public static final String PLATFORM = "postgresql";

    private PostgreSQL() {
    }

    /** {@code CREATE EXTENSION IF NOT EXISTS name}. */
    public static CreateExtension createExtension(String name) {
        return new CreateExtension(name, null, true);
    }

    /** {@code CREATE EXTENSION IF NOT EXISTS name SCHEMA schema}. */
    public static CreateExtension createExtension(String name, String schema) {
        return new CreateExtension(name, schema, true);
    }

    /** {@code DROP EXTENSION IF EXISTS name}. */
    public static DropExtension dropExtension(String name) {
        return new DropExtension(name, true);
    }

    /**
     * {@code CREATE EXTENSION [IF NOT EXISTS] … [SCHEMA …]}.
     *
     * @param name        extension name
     * @param schema      schema to install into, or null
     * @param ifNotExists skip when installed
     */
    public record CreateExtension(String name, String schema, boolean ifNotExists) implements Operation.Specific {

        public CreateExtension {
            Objects.requireNonNull(name, "extension name");
        }

        @Override
        public String platform() {
            return PLATFORM;
        }

        @Override
        public String describe() {
            return "create extension " + name;
        }

        @Override
        public Call source() {
            List<Object> arguments = new ArrayList<>();
            arguments.add(name);
            if (schema != null) {
                arguments.add(schema);
            }
            return new Call(PostgreSQL.class.getName(), "createExtension", arguments);
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropExtension(name, ifNotExists));
        }
    }

    /**
     * {@code DROP EXTENSION [IF EXISTS]}.
     *
     * @param name     extension name
     * @param ifExists skip when not installed
     */
    public record DropExtension(String name, boolean ifExists) implements Operation.Specific {

        public DropExtension {
            Objects.requireNonNull(name, "extension name");
        }

        @Override
        public String platform() {
            return PLATFORM;
        }

        @Override
        public String describe() {
            return "drop extension " + name;
        }

        @Override
        public Call source() {
            return new Call(PostgreSQL.class.getName(), "dropExtension", List.of(name));
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new CreateExtension(name, null, ifExists));
        }
    }
}
