package dev.retort.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.retort.RetortException;

/**
 * Turns a Retort failure at start-up (an edited applied migration, a production database nobody confirmed, a failed
 * revision) into Spring Boot's start-up report: Retort's one-line message as the description, without the bean
 * creation chain around it.
 */
public final class RetortFailureAnalyzer extends AbstractFailureAnalyzer<RetortException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RetortException cause) {
        return new FailureAnalysis("Retort: " + cause.getMessage(),
                "Fix the cause above, or set retort.enabled=false to start without migrating (see docs/spring-boot.md).", cause);
    }
}
