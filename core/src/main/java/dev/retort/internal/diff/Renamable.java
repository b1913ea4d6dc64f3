package dev.retort.internal.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Pairs named objects of one table (constraints, indexes) between the current and the target model: by name first,
 * then, among those left, an old and a new one of the same definition count as renamed when the pairing is
 * unambiguous. Hibernate names keys after their table and columns ({@code author_pkey}, {@code FK…}, {@code UK…}),
 * so a renamed table or column leaves them with the old names; renaming them keeps the schema equal to a fresh create.
 *
 * @param <T> the kind of object
 */
final class Renamable<T> {

    /** An object kept by name whose definition changed. */
    record Changed<T>(T before, T after) {
    }

    /** What became of the objects: kept by name but changed, renamed (current to target), only current, only target. */
    record Outcome<T>(List<Changed<T>> changed, Map<T, T> renamed, List<T> dropped, List<T> added) {
    }

    private Renamable() {
    }

    /**
     * @param existing the current objects, renames of the comparison applied (so definitions compare with the target)
     * @param target   the target objects
     * @param name     an object's name
     * @param same     whether two objects have the same definition, names aside
     */
    static <T> Outcome<T> pair(List<T> existing, List<T> target, Function<T, String> name, BiPredicate<T, T> same) {
        Map<String, T> old = SchemaDiffer.index(existing, name);
        Map<String, T> now = SchemaDiffer.index(target, name);
        List<Changed<T>> changed = new ArrayList<>();
        List<T> oldOnly = new ArrayList<>();
        List<T> newOnly = new ArrayList<>();
        now.forEach((key, object) -> {
            T before = old.get(key);
            if (before == null) {
                newOnly.add(object);
            } else if (!same.test(object, before)) {
                changed.add(new Changed<>(before, object));
            }
        });
        old.forEach((key, object) -> {
            if (!now.containsKey(key)) {
                oldOnly.add(object);
            }
        });
        Map<T, T> renamed = new LinkedHashMap<>();
        for (T gone : List.copyOf(oldOnly)) {
            List<T> candidates = newOnly.stream().filter(n -> same.test(n, gone)).toList();
            if (candidates.size() == 1 && oldOnly.stream().filter(o -> same.test(candidates.get(0), o)).count() == 1) {
                renamed.put(gone, candidates.get(0));
                oldOnly.remove(gone);
                newOnly.remove(candidates.get(0));
            }
        }
        return new Outcome<>(changed, renamed, oldOnly, newOnly);
    }
}
