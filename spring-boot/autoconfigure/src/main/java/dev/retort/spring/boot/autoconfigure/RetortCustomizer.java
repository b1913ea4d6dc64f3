package dev.retort.spring.boot.autoconfigure;

import dev.retort.Retort;

/**
 * Changes the configuration of the auto-configured {@link Retort} after the {@code retort.*} properties were applied
 * and before it loads its migrations: a listener of its own, another class loader, revisions from elsewhere. Every
 * bean of this type is applied, in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface RetortCustomizer {

    /** Adjusts the builder; called once, at start-up. */
    void customize(Retort.Builder builder);
}
