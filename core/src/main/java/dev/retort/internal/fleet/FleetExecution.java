package dev.retort.internal.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.retort.RetortException;
import dev.retort.fleet.FleetCommand;
import dev.retort.fleet.FleetListener;
import dev.retort.fleet.FleetOptions;
import dev.retort.fleet.FleetProgress;
import dev.retort.fleet.FleetReport;
import dev.retort.fleet.Target;
import dev.retort.fleet.TargetResult;

/**
 * Runs one command over a fleet's targets: the canaries first, then the rest, at most {@code parallel} at once on as many
 * threads; after a failure with fail-fast (or a failed canary) no further target starts. Reports progress as targets
 * finish and every few seconds.
 */
final class FleetExecution {

    /** How often the progress line repeats while targets run. */
    private static final long TICK_SECONDS = 5;

    private final FleetCommand command;
    private final FleetOptions options;
    private final FleetListener listener;
    private final Function<Target, TargetResult> work;
    private final Map<Target, Long> running = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong lastProgress = new AtomicLong();
    private volatile String stopReason;
    private int total;

    FleetExecution(FleetCommand command, FleetOptions options, FleetListener listener, Function<Target, TargetResult> work) {
        this.command = command;
        this.options = options;
        this.listener = listener;
        this.work = work;
    }

    FleetReport run(List<Target> targets) {
        long start = System.nanoTime();
        total = targets.size();
        TargetResult[] results = new TargetResult[targets.size()];
        int canaries = Math.min(options.canary(), targets.size());
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, Math.min(options.parallel(), targets.size())), daemon("retort-fleet"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("retort-fleet-progress"));
        ticker.scheduleAtFixedRate(() -> {
            if (!running.isEmpty()) {
                emitProgress();
            }
        }, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        try {
            runAll(threads, targets, results, 0, canaries);
            if (canaries > 0 && failed.get() > 0 && canaries < targets.size()) {
                stop("not started: a canary target failed (" + canaries + " canary target(s) run first)");
            }
            runAll(threads, targets, results, canaries, targets.size());
        } finally {
            threads.shutdownNow();
            ticker.shutdownNow();
        }
        emitProgress();
        return new FleetReport(command, options.shard(), List.of(results), Duration.ofNanos(System.nanoTime() - start));
    }

    private void runAll(ExecutorService threads, List<Target> targets, TargetResult[] results, int from, int to) {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int index = i;
            futures.add(threads.submit(() -> results[index] = one(targets.get(index))));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetortException("The fleet run was interrupted.", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("A fleet task failed unexpectedly", e.getCause());
            }
        }
    }

    private TargetResult one(Target target) {
        if (stopped.get()) {
            return finished(new TargetResult(target, null, null, 0, Duration.ZERO, TargetResult.Outcome.SKIPPED, stopReason));
        }
        running.put(target, System.nanoTime());
        TargetResult result;
        try {
            result = work.apply(target);
        } catch (RuntimeException e) {
            result = new TargetResult(target, null, null, 0, Duration.ZERO, TargetResult.Outcome.FAILED, "failed unexpectedly: " + e);
        } finally {
            running.remove(target);
        }
        if (result.outcome() == TargetResult.Outcome.FAILED) {
            failed.incrementAndGet();
            if (options.failFast()) {
                stop("not started: " + target.name() + " failed and the run fails fast");
            }
        }
        return finished(result);
    }

    private TargetResult finished(TargetResult result) {
        done.incrementAndGet();
        listener.targetFinished(result);
        long now = System.nanoTime();
        long last = lastProgress.get();
        if (now - last >= TimeUnit.SECONDS.toNanos(1) && lastProgress.compareAndSet(last, now)) {
            emitProgress();
        }
        return result;
    }

    private void stop(String reason) {
        if (stopped.compareAndSet(false, true)) {
            stopReason = reason;
        }
    }

    private void emitProgress() {
        Target slowest = null;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<Target, Long> e : running.entrySet()) {
            if (e.getValue() < oldest) {
                oldest = e.getValue();
                slowest = e.getKey();
            }
        }
        listener.progress(new FleetProgress(total, done.get(), running.size(), failed.get(), slowest,
                slowest == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - oldest)));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
