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
 * where it cannot run. Generate writes the composite types Hibernate declares for {@code @Struct} embeddables with
 * them:
 *
 * <pre>{@code
 * op.add(createCompositeType("publisher_type", List.of("city varchar(255)", "name varchar(255)")));
 * op.add(addAttribute("publisher_type", "country varchar(2)"));
 * }</pre>
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
     * {@code CREATE TYPE name AS (attributes)}: a composite type in the search path's schema.
     *
     * @param attributes each attribute as SQL, its name and its type: {@code "city varchar(255)"}
     */
    public static CreateCompositeType createCompositeType(String name, List<String> attributes) {
        return new CreateCompositeType(null, name, attributes);
    }

    /** {@code CREATE TYPE schema.name AS (attributes)}. */
    public static CreateCompositeType createCompositeType(String schema, String name, List<String> attributes) {
        return new CreateCompositeType(schema, name, attributes);
    }

    /** {@code DROP TYPE name}, a composite type. */
    public static DropCompositeType dropCompositeType(String name) {
        return new DropCompositeType(null, name, null);
    }

    /** {@code DROP TYPE schema.name}, a composite type. */
    public static DropCompositeType dropCompositeType(String schema, String name) {
        return new DropCompositeType(schema, name, null);
    }

    /** {@code ALTER TYPE type ADD ATTRIBUTE attribute}: the attribute as SQL, {@code "country varchar(2)"}; it goes last. */
    public static AddAttribute addAttribute(String type, String attribute) {
        return new AddAttribute(null, type, attribute);
    }

    /** {@code ALTER TYPE schema.type ADD ATTRIBUTE attribute}. */
    public static AddAttribute addAttribute(String schema, String type, String attribute) {
        return new AddAttribute(schema, type, attribute);
    }

    /** {@code ALTER TYPE type DROP ATTRIBUTE name}. */
    public static DropAttribute dropAttribute(String type, String name) {
        return new DropAttribute(null, type, name, null);
    }

    /** {@code ALTER TYPE schema.type DROP ATTRIBUTE name}. */
    public static DropAttribute dropAttribute(String schema, String type, String name) {
        return new DropAttribute(schema, type, name, null);
    }

    /** {@code ALTER TYPE type ALTER ATTRIBUTE name TYPE newType}; PostgreSQL refuses it while a column uses the type. */
    public static AlterAttributeType alterAttributeType(String type, String name, String newType, String previousType) {
        return new AlterAttributeType(null, type, name, newType, previousType);
    }

    /** {@code ALTER TYPE schema.type ALTER ATTRIBUTE name TYPE newType}. */
    public static AlterAttributeType alterAttributeType(String schema, String type, String name, String newType, String previousType) {
        return new AlterAttributeType(schema, type, name, newType, previousType);
    }

    /** The arguments of a factory call: the schema first when there is one. */
    private static List<Object> arguments(String schema, Object... rest) {
        List<Object> arguments = new ArrayList<>();
        if (schema != null) {
            arguments.add(schema);
        }
        arguments.addAll(java.util.Arrays.asList(rest));
        return arguments;
    }

    /**
     * {@code CREATE TYPE … AS (…)}: a composite type.
     *
     * @param schema     schema, or null for the search path
     * @param name       type name
     * @param attributes each attribute as SQL, name and type: {@code "city varchar(255)"}
     */
    public record CreateCompositeType(String schema, String name, List<String> attributes) implements Operation.Specific {

        public CreateCompositeType {
            Objects.requireNonNull(name, "type name");
            attributes = List.copyOf(attributes);
        }

        @Override
        public String platform() {
            return PLATFORM;
        }

        @Override
        public String describe() {
            return "create composite type " + name;
        }

        @Override
        public Call source() {
            return new Call(PostgreSQL.class.getName(), "createCompositeType", arguments(schema, name, attributes));
        }

        @Override
        public List<String> newNames() {
            return List.of(name);
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropCompositeType(schema, name, attributes));
        }
    }

    /**
     * {@code DROP TYPE}: a composite type.
     *
     * @param schema     schema, or null for the search path
     * @param name       type name
     * @param attributes its attributes, for the reverse; null if unknown
     */
    public record DropCompositeType(String schema, String name, List<String> attributes) implements Operation.Specific {

        public DropCompositeType {
            Objects.requireNonNull(name, "type name");
            attributes = attributes == null ? null : List.copyOf(attributes);
        }

        @Override
        public String platform() {
            return PLATFORM;
        }

        @Override
        public String describe() {
            return "drop composite type " + name;
        }

        @Override
        public Call source() {
            return new Call(PostgreSQL.class.getName(), "dropCompositeType", arguments(schema, name));
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(attributes).map(a -> new CreateCompositeType(schema, name, a));
        }
    }

    /**
     * {@code ALTER TYPE … ADD ATTRIBUTE}.
     *
     * @param schema    schema, or null for the search path
     * @param type      the composite type
     * @param attribute the attribute as SQL, name and type
     */
    public record AddAttribute(String schema, String type, String attribute) implements Operation.Specific {

        public AddAttribute {
            Objects.requireNonNull(type, "type name");
            Objects.requireNonNull(attribute, "attribute");
        }

        @Override
        public String platform() {
            return PLATFORM;
        }

        @Override
        public String describe() {
            return "add attribute " + attribute + " to type " + type;
        }

        @Override
        public Call source() {
            return new Call(PostgreSQL.class.getName(), "addAttribute", arguments(schema, type, attribute));
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropAttribute(schema, type, attributeName(attribute), attribute));
        }
    }

    /**
     * {@code ALTER TYPE … DROP ATTRIBUTE}.
     *
     * @param schema     schema, or null for the search path
     * @param type       the composite type
     * @param name       the attribute's name
     * @param definition the attribute as SQL, for the reverse; null if unknown
     */
    public record DropAttribute(String schema, String type, String name, String definition) implements Operation.Specific {

        public DropAttribute {
            Objects.requireNonNull(type, "type name");
            Objects.requireNonNull(name, "attribute name");
        }

        @Override
        public String platform() {
            return PLATFORM;
        }

        @Override
        public String describe() {
            return "drop attribute " + name + " of type " + type;
        }

        @Override
        public Call source() {
            return new Call(PostgreSQL.class.getName(), "dropAttribute", arguments(schema, type, name));
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(definition).map(d -> new AddAttribute(schema, type, d));
        }
    }

    /**
     * {@code ALTER TYPE … ALTER ATTRIBUTE … TYPE}.
     *
     * @param schema       schema, or null for the search path
     * @param type         the composite type
     * @param name         the attribute's name
     * @param newType      its new type, as SQL
     * @param previousType its type before, as SQL, for the reverse; null if unknown
     */
    public record AlterAttributeType(String schema, String type, String name, String newType, String previousType) implements Operation.Specific {

        public AlterAttributeType {
            Objects.requireNonNull(type, "type name");
            Objects.requireNonNull(name, "attribute name");
            Objects.requireNonNull(newType, "new type");
        }

        @Override
        public String platform() {
            return PLATFORM;
        }

        @Override
        public String describe() {
            return "alter attribute " + name + " of type " + type + " to " + newType;
        }

        @Override
        public Call source() {
            return new Call(PostgreSQL.class.getName(), "alterAttributeType", arguments(schema, type, name, newType, previousType));
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(previousType).map(before -> new AlterAttributeType(schema, type, name, before, newType));
        }
    }

    /** The name in an attribute's SQL: its first word, or the quoted name it starts with. */
    static String attributeName(String attribute) {
        String text = attribute.strip();
        if (text.startsWith("\"")) {
            int end = text.indexOf('"', 1);
            while (end > 0 && end + 1 < text.length() && text.charAt(end + 1) == '"') {
                end = text.indexOf('"', end + 2);
            }
            return text.substring(1, end).replace("\"\"", "\"");
        }
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
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
