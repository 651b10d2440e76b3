package org.freshears.chain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.freshears.audio.AudioBuffer;

/**
 * The gain-reduction trace of one loudness-search try, worked out on a thread of its own while the try renders
 * and is measured: the accepted try's is then ready when the search ends, instead of being worked out after it on
 * the search's thread (70-100 ms of a kernel's edited cell, while the other core waited). A try the search moves
 * on from is dropped (its drafting stops). The trace is the one {@link RenderedLimiter} would fill, to the bit:
 * steps 2 to 5 of the same limiter over the same detected peaks.
 */
final class TraceDraft {
    private static final ExecutorService DRAFTING = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "freshears-limiter-trace");
        thread.setDaemon(true);
        return thread;
    });

    private final Limiter settings;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final CompletableFuture<GainReductionTrace> trace;

    /**
     * Starts drafting the trace of {@code settings} on {@code input}'s peaks. The detection its preparing needs is
     * done here, on the caller's thread (the try's own limiter then finds it done), so the draft only reads them.
     */
    TraceDraft(Limiter settings, PeakEnvelope envelope, AudioBuffer input) {
        this.settings = settings;
        GainReductionTrace drafted = GainReductionTrace.forFrames(input.sampleRate(), input.frames(),
                GainReductionTrace.DEFAULT_HOP_MS);
        LimiterProcessor gains = new LimiterProcessor(settings, envelope);
        gains.traceInto(drafted);
        gains.prepare(new ProcessSpec(input.sampleRate(), input.channels(), Renderer.DEFAULT_BLOCK_FRAMES));
        this.trace = CompletableFuture.supplyAsync(() -> {
            gains.traceFromPeaks(dropped::get);
            return drafted;
        }, DRAFTING);
    }

    /** The search moved on: the drafting stops, its trace is never used. */
    void drop() {
        dropped.set(true);
    }

    /** The drafted trace, once done, if it is of {@code limiter} and was not dropped; else null (work it out). */
    GainReductionTrace of(Limiter limiter) {
        if (!settings.equals(limiter) || dropped.get()) {
            return null;
        }
        try {
            // join waits through interrupts (a cell being stopped: the trace is a moment away, and the step needs
            // it) and keeps the thread's interrupt for the caller
            return trace.join();
        } catch (CompletionException failed) {
            return null;
        }
    }
}
