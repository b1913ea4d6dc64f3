package dev.retort;

import dev.retort.command.Step;
import dev.retort.operation.Operations;

/**
 * Work Retort runs at a point of an upgrade or downgrade: re-granting privileges to a role after every run, refreshing
 * a materialized view, recording a deploy. A callback records operations as a migration does, so {@code sql} and dry
 * runs show it; JDBC code ({@code op.run}) runs online only.
 *
 * <p>Callbacks come from three places: SQL files named after their event beside the SQL revisions
 * ({@code afterRun.sql}, {@code afterRun__grant_reader.sql}), classes implementing this interface in the migrations
 * package (made with their constructor without parameters), and {@code Retort.configure().callback(…)} (a Spring Boot
 * application's {@code Callback} beans). At each event they run in that order, files by name.
 *
 * <p>A failing callback fails the run as a failing revision does: one at {@link Event#BEFORE_EACH} or
 * {@link Event#AFTER_EACH} runs inside the revision's transaction, so the revision rolls back with it; one at
 * {@link Event#BEFORE_RUN} or {@link Event#AFTER_RUN} runs in a transaction of its own. {@link Event#AFTER_FAILURE}
 * callbacks then run, and their own failure does not hide the first one. Callbacks do not run on dev databases
 * (generate, check, verify), nor for stamp.
 */
@FunctionalInterface
public interface Callback {

    /** The points of a run at which callbacks act, with the name a SQL callback file starts with. */
    enum Event {
        /** Before the first step of an upgrade or downgrade, also when there is nothing to do. */
        BEFORE_RUN("beforeRun"),
        /** After the last step of an upgrade or downgrade, also when there was nothing to do. */
        AFTER_RUN("afterRun"),
        /** Before each revision or repeatable, in its transaction. */
        BEFORE_EACH("beforeEach"),
        /** After each revision or repeatable, in its transaction. */
        AFTER_EACH("afterEach"),
        /** After a revision, a repeatable or a callback failed, once what failed was rolled back. */
        AFTER_FAILURE("afterFailure"),
        /** After repair recorded what it repaired. */
        AFTER_REPAIR("afterRepair");

        private final String fileName;

        Event(String fileName) {
            this.fileName = fileName;
        }

        /** The name a SQL callback file for this event has, before {@code .sql} or {@code __description.sql}. */
        public String fileName() {
            return fileName;
        }
    }

    /**
     * Records what to run at {@code event}.
     *
     * @param step the revision or repeatable about to run or just run, for {@link Event#BEFORE_EACH} and
     *             {@link Event#AFTER_EACH} (and the one that failed, for {@link Event#AFTER_FAILURE}); null otherwise
     * @param op   where to record the operations, as a migration's {@code upgrade} does
     */
    void handle(Event event, Step step, Operations op);

    /** Whether this callback acts at {@code event}; every event by default. */
    default boolean handles(Event event) {
        return true;
    }

    /** How messages and scripts name it: the class name by default. */
    default String describe() {
        return getClass().getName();
    }

    /** A callback that records {@code work} at one event only. */
    static Callback at(Event event, String description, java.util.function.BiConsumer<Step, Operations> work) {
        return new Callback() {
            @Override
            public void handle(Event at, Step step, Operations op) {
                work.accept(step, op);
            }

            @Override
            public boolean handles(Event at) {
                return at == event;
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
