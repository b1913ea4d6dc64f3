package dev.retort.internal.revision;

import java.util.function.Supplier;

import dev.retort.Callback;
import dev.retort.command.Step;
import dev.retort.operation.Operations;

/**
 * A callback found by a scan or named in a revision index, made when it is first asked anything: its class is loaded
 * (or its file read) only by a run that reaches an event.
 */
final class LazyCallback implements Callback {

    private final String description;
    private final Callback.Event event;
    private final Supplier<Callback> callback;
    private Callback made;

    /**
     * @param event the one event it handles when that is known without making it (a file's), or null to ask it
     */
    LazyCallback(String description, Callback.Event event, Supplier<Callback> callback) {
        this.description = description;
        this.event = event;
        this.callback = callback;
    }

    synchronized Callback delegate() {
        if (made == null) {
            made = callback.get();
        }
        return made;
    }

    @Override
    public void handle(Event at, Step step, Operations op) {
        delegate().handle(at, step, op);
    }

    @Override
    public boolean handles(Event at) {
        return event != null ? event == at : delegate().handles(at);
    }

    @Override
    public String describe() {
        return description;
    }

    /** The callback itself, made if it was not yet. */
    static Callback unwrap(Callback callback) {
        return callback instanceof LazyCallback lazy ? lazy.delegate() : callback;
    }
}
