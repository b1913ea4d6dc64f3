package dev.retort.internal.hibernate.reader;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;

/**
 * The user-defined types Hibernate declares for {@code @Struct} embeddables ({@code create type … as (…)}), read
 * reflectively: 6.4 holds them in a class, 6.6 and 7.x behind an interface (with array types beside them, which hold
 * no attributes and are left out), so no call is compiled against either.
 */
final class CompositeTypes {

    /** One declared type: where it is, and its columns in the order Hibernate creates them. */
    record Declared(String catalog, boolean catalogQuoted, String schema, boolean schemaQuoted, String name, boolean quoted,
                    List<org.hibernate.mapping.Column> columns) {
    }

    private CompositeTypes() {
    }

    static List<Declared> of(Metadata metadata) {
        List<Declared> types = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            Collection<?> declared = (Collection<?>) call(namespace, "getUserDefinedTypes");
            if (declared == null) {
                continue;
            }
            for (Object type : declared) {
                Object columns = call(type, "getColumns");
                if (!(columns instanceof Collection<?> list)) {
                    continue; // an array type: no attributes of its own
                }
                List<org.hibernate.mapping.Column> attributes = new ArrayList<>();
                list.forEach(c -> attributes.add((org.hibernate.mapping.Column) c));
                types.add(new Declared((String) call(type, "getCatalog"), Boolean.TRUE.equals(call(type, "isCatalogQuoted")),
                        (String) call(type, "getSchema"), Boolean.TRUE.equals(call(type, "isSchemaQuoted")), (String) call(type, "getName"),
                        Boolean.TRUE.equals(call(type, "isQuoted")), attributes));
            }
        }
        return types;
    }

    private static Object call(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + method + " of " + target + ": " + e, e);
        }
    }
}
