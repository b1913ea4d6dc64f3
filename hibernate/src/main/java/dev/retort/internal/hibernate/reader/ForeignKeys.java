package dev.retort.internal.hibernate.reader;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collection;
import java.util.Map;

import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;

/**
 * A table's foreign keys, on whichever Hibernate reads the entities: 7.x lists them with
 * {@code getForeignKeyCollection()} and deprecates, for removal, the map that 6.x offers alone.
 */
final class ForeignKeys {

    private static final MethodHandle COLLECTION = find("getForeignKeyCollection", Collection.class);
    private static final MethodHandle MAP = COLLECTION != null ? null : find("getForeignKeys", Map.class);

    private ForeignKeys() {
    }

    @SuppressWarnings("unchecked")
    static Collection<ForeignKey> of(Table table) {
        try {
            return COLLECTION != null ? (Collection<ForeignKey>) COLLECTION.invoke(table)
                    : ((Map<?, ForeignKey>) MAP.invoke(table)).values();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read the foreign keys of table " + table.getName() + ": " + e, e);
        }
    }

    private static MethodHandle find(String name, Class<?> returns) {
        try {
            return MethodHandles.publicLookup().findVirtual(Table.class, name, MethodType.methodType(returns));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
