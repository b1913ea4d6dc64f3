package dev.retort.operation;

/**
 * Options of a sequence; a null option is not set (at creation: the database's default; when altering: unchanged).
 *
 * @param start     {@code START WITH}
 * @param increment {@code INCREMENT BY}
 * @param minValue  {@code MINVALUE}
 * @param maxValue  {@code MAXVALUE}
 * @param cache     {@code CACHE}
 * @param cycle     {@code CYCLE} / {@code NO CYCLE}
 */
public record SequenceOptions(Long start, Long increment, Long minValue, Long maxValue, Long cache, Boolean cycle) {

    /** No option set. */
    public static final SequenceOptions NONE = new SequenceOptions(null, null, null, null, null, null);

    /** {@code START WITH}. */
    public SequenceOptions start(long value) {
        return new SequenceOptions(value, increment, minValue, maxValue, cache, cycle);
    }

    /** {@code INCREMENT BY}. */
    public SequenceOptions increment(long value) {
        return new SequenceOptions(start, value, minValue, maxValue, cache, cycle);
    }

    /** {@code MINVALUE}. */
    public SequenceOptions minValue(long value) {
        return new SequenceOptions(start, increment, value, maxValue, cache, cycle);
    }

    /** {@code MAXVALUE}. */
    public SequenceOptions maxValue(long value) {
        return new SequenceOptions(start, increment, minValue, value, cache, cycle);
    }

    /** {@code CACHE}. */
    public SequenceOptions cache(long value) {
        return new SequenceOptions(start, increment, minValue, maxValue, value, cycle);
    }

    /** {@code CYCLE} or {@code NO CYCLE}. */
    public SequenceOptions cycle(boolean value) {
        return new SequenceOptions(start, increment, minValue, maxValue, cache, value);
    }

    /** Whether no option is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
