package dev.retort.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.retort.RetortException;

/**
 * A slice of a fleet, for spreading it over several processes (the pods of a Kubernetes Indexed Job): the targets sorted by
 * name, every {@code count}-th from the {@code index}-th. Shards {@code 1/n … n/n} of one list take every target exactly once.
 *
 * @param index which slice, from 1
 * @param count how many slices
 */
public record Shard(int index, int count) {

    /** The whole fleet. */
    public static final Shard ALL = new Shard(1, 1);

    /** Checks {@code 1 ≤ index ≤ count}. */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new RetortException("The shard is " + index + "/" + count + ", which is no slice: give i/n with 1 ≤ i ≤ n, e.g. {shard} 1/4.");
        }
    }

    /** {@code i/n}, as {@code --shard} takes it. */
    public static Shard parse(String value) {
        String[] parts = value.strip().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new RetortException("The shard is '" + value + "'; give i/n with 1 ≤ i ≤ n, e.g. {shard} 1/4.");
    }

    /**
     * The shard a setting names, else the one a Kubernetes Indexed Job gives its pod: {@code JOB_COMPLETION_INDEX} (from 0)
     * with {@code JOB_COMPLETIONS} (the Job's {@code completions}, which the manifest passes on), else the whole fleet.
     */
    public static Shard of(String setting, Map<String, String> environment) {
        if (setting != null && !setting.isBlank()) {
            return parse(setting);
        }
        String index = environment.get("JOB_COMPLETION_INDEX");
        if (index == null || index.isBlank()) {
            return ALL;
        }
        String completions = environment.get("JOB_COMPLETIONS");
        if (completions == null || completions.isBlank()) {
            throw new RetortException("JOB_COMPLETION_INDEX is set (" + index + ") but JOB_COMPLETIONS is not, so the number of shards is "
                    + "unknown; set JOB_COMPLETIONS to the Job's completions in its manifest, or give {shard} i/n.");
        }
        try {
            return new Shard(Integer.parseInt(index.strip()) + 1, Integer.parseInt(completions.strip()));
        } catch (NumberFormatException e) {
            throw new RetortException("JOB_COMPLETION_INDEX (" + index + ") and JOB_COMPLETIONS (" + completions + ") must be numbers.");
        }
    }

    /** This slice of the targets: sorted by name, every {@code count}-th from the {@code index}-th. */
    public List<Target> of(List<Target> targets) {
        if (count == 1) {
            return targets;
        }
        List<Target> sorted = new ArrayList<>(targets);
        sorted.sort(Comparator.comparing(Target::name));
        List<Target> slice = new ArrayList<>();
        for (int i = index - 1; i < sorted.size(); i += count) {
            slice.add(sorted.get(i));
        }
        return slice;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
