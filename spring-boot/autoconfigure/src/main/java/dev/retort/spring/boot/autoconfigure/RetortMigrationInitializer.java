package dev.retort.spring.boot.autoconfigure;

import org.springframework.beans.factory.InitializingBean;

import dev.retort.Retort;

/**
 * Runs the {@link RetortMigrationStrategy} when the context creates this bean, which every entity manager factory
 * depends on: the database is migrated (or checked) before Hibernate looks at it.
 */
public class RetortMigrationInitializer implements InitializingBean {

    private final Retort retort;
    private final String target;
    private final RetortMigrationStrategy strategy;

    /** An initializer that runs the strategy with the target on this Retort. */
    public RetortMigrationInitializer(Retort retort, String target, RetortMigrationStrategy strategy) {
        this.retort = retort;
        this.target = target;
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        strategy.migrate(retort, target);
    }
}
