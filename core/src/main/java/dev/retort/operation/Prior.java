package dev.retort.operation;

/**
 * What a value was before an operation changed it, so the operation can be reversed. A {@code null}
 * {@code Prior} means "not known"; {@code Prior.of(null)} means "there was none".
 *
 * @param value the earlier value, possibly null
 * @param <T>   its type
 */
public record Prior<T>(T value) {

    /** The earlier value (null for "none"). */
    public static <T> Prior<T> of(T value) {
        return new Prior<>(value);
    }
}
