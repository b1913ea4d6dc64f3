package dev.retort.lint;

import java.util.Optional;

/**
 * One judgement about an operation: a data-loss, lock or rolling-deploy hazard, or a matter of hygiene. A platform
 * supplies its rules ({@link dev.retort.platform.Platform#lintRules()}); Retort runs every rule on every operation of
 * a revision's upgrade and downgrade, in order, with what it knows of the schema at that point.
 */
public interface LintRule {

    /** The id findings carry and acknowledgements name, in lower case with dashes: {@code blocking-create-index}. */
    String id();

    /** The severity of its findings on the upgrade side. */
    Severity severity();

    /** One line: what it catches. */
    String summary();

    /** Reports ({@link RuleContext#report}) what is dangerous about the context's operation, if anything. */
    void check(RuleContext context);

    /**
     * The safe form of an operation this rule reports, where one can be written without knowing the data: what
     * {@code generate} with its {@code safe} option writes instead. Empty when there is none.
     */
    default Optional<SafeForm> safeForm(RuleContext context) {
        return Optional.empty();
    }
}
