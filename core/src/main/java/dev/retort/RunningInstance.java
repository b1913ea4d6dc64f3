package dev.retort;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.retort.internal.rolling.Instances;

/**
 * This application instance's registration in the database, made by {@link Retort#registerInstance()}: it says which head
 * the instance was built with, so {@code release} does not apply a contract revision while code older than its expand
 * still runs. A daemon thread refreshes it every third of its time to live; {@link #close()} (at shutdown) removes it,
 * and a registration not refreshed in time (the instance was killed) expires by itself.
 */
public final class RunningInstance implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunningInstance.class.getName());

    private final Instances instances;
    private final String id;
    private final Set<String> heads;
    private final String version;
    private final String host;
    private final Duration ttl;
    private final ScheduledExecutorService refresher;

    RunningInstance(Instances instances, Set<String> heads, String version, String host, Duration ttl) {
        this.instances = instances;
        this.id = UUID.randomUUID().toString();
        this.heads = Set.copyOf(heads);
        this.version = version;
        this.host = host;
        this.ttl = ttl;
        instances.register(id, this.heads, version, host, ttl);
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "retort-instance-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(200, ttl.toMillis() / 3);
        refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            if (!instances.refresh(id)) {
                instances.register(id, heads, version, host, ttl);
            }
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next refresh tries again, and the registration expires meanwhile.
            LOG.log(Level.WARNING, "Could not refresh the registration of this instance: {0}", e.getMessage());
        }
    }

    /** The registration's id, as {@code release} names the instance. */
    public String id() {
        return id;
    }

    /** The head(s) the instance was built with. */
    public Set<String> heads() {
        return heads;
    }

    /** Stops refreshing and removes the registration. */
    @Override
    public void close() {
        refresher.shutdownNow();
        try {
            instances.unregister(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove the registration of this instance (it expires by itself): {0}", e.getMessage());
        }
    }
}
