package org.freshears.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.IntFunction;
import org.freshears.audio.AudioBuffer;

/**
 * Runs steps over a whole buffer, one processor at a time (each in blocks), compensating each
 * processor's latency so the output stays aligned with the input to the frame. Working processor by
 * processor keeps latency compensation exact and simple: the delayed output is shifted back in place
 * and the tail is flushed with silence.
 */
public final class Renderer {
    public static final int DEFAULT_BLOCK_FRAMES = 4096;

    private final int blockFrames;
    private final CodecPeaks codecPeaks;
    /** Per step of a chain run (its index), where a loudness search finds and keeps the peaks of its input. */
    private final IntFunction<PeakReuse> peakReuse;

    public Renderer() {
        this(DEFAULT_BLOCK_FRAMES);
    }

    public Renderer(int blockFrames) {
        this(blockFrames, CodecPeaks.NONE);
    }

    private Renderer(int blockFrames, CodecPeaks codecPeaks, IntFunction<PeakReuse> peakReuse) {
        if (blockFrames <= 0) {
            throw new IllegalArgumentException("blockFrames must be > 0, got " + blockFrames);
        }
        this.blockFrames = blockFrames;
        this.codecPeaks = codecPeaks;
        this.peakReuse = peakReuse;
    }

    private Renderer(int blockFrames, CodecPeaks codecPeaks) {
        this(blockFrames, codecPeaks, step -> PeakReuse.NONE);
    }

    /** This renderer, resolving codec-safe limiters with these codec round trips. */
    public Renderer withCodecPeaks(CodecPeaks peaks) {
        return new Renderer(blockFrames, peaks, peakReuse);
    }

    /**
     * This renderer, its loudness searches finding and keeping the limiter peaks of their input where
     * {@code atStep} says (given the step's index in the chain run; its input is the chain's input after the
     * steps before it): for a caller that names the audio of each render and runs the same again.
     */
    public Renderer withPeakReuse(IntFunction<PeakReuse> atStep) {
        return new Renderer(blockFrames, codecPeaks, atStep);
    }

    /** The audio a chain made and the steps as they ran (every adaptive step resolved on its input). */
    public record Rendered(AudioBuffer audio, List<Step> resolved) {
        public Rendered {
            resolved = List.copyOf(resolved);
        }
    }

    /**
     * Renders the steps. Streaming steps work in place on the given buffer; an {@link Edit} makes a new
     * one. Returns the rendered audio (the given buffer when no step changed the length).
     */
    public AudioBuffer render(List<? extends Step> steps, AudioBuffer buffer) {
        return runOver(steps, buffer, ChainObserver.NONE).audio();
    }

    /** As {@link #render(List, AudioBuffer)}, reporting progress as a fraction from 0 to 1. */
    public AudioBuffer render(List<? extends Step> steps, AudioBuffer buffer, DoubleConsumer progress) {
        return runOver(steps, buffer, ChainObserver.progress(progress)).audio();
    }

    /**
     * The one chain runner (sessions, replays and the benchmark all render through it): in order, each
     * adaptive step is resolved against the audio as it stands at that point, then applied: a streaming step
     * in place (its fresh processor shown to the observer first), an {@link Edit} into a new buffer, a step
     * whose resolving rendered its output already (a loudness search's) by handing that output over.
     *
     * <p>{@code input} is never changed: a session's versions are shared once made (with the result cache, the
     * listening files waiting to be encoded, the next step), so the first streaming step renders over a copy,
     * made then and used by the steps after it; a chain that only hands over outputs copies nothing.
     */
    public Rendered run(List<? extends Step> steps, AudioBuffer input, ChainObserver observer) {
        return run(steps, input, Double.NaN, observer);
    }

    /**
     * As {@link #run(List, AudioBuffer, ChainObserver)}, where the caller has measured the integrated loudness of
     * {@code input} already ({@code inputLufs}, as {@link org.freshears.measure.LoudnessMeter#integratedLufs} gives
     * it; NaN: not measured): a loudness target first in the chain starts from it instead of measuring again.
     */
    public Rendered run(List<? extends Step> steps, AudioBuffer input, double inputLufs, ChainObserver observer) {
        return run(steps, input, false, inputLufs, observer);
    }

    /**
     * As {@link #run(List, AudioBuffer, ChainObserver)}, but rendering over {@code buffer} itself, which the caller
     * owns and no longer needs as it was (a replay's audio, step after step): no copy is made.
     */
    public Rendered runOver(List<? extends Step> steps, AudioBuffer buffer, ChainObserver observer) {
        return run(steps, buffer, true, Double.NaN, observer);
    }

    private Rendered run(List<? extends Step> steps, AudioBuffer input, boolean inputOwned, double inputLufs,
            ChainObserver observer) {
        int n = steps.size();
        List<Step> resolved = new ArrayList<>(n);
        AudioBuffer current = input;
        for (int i = 0; i < n; i++) {
            int index = i;
            Step step = steps.get(i);
            if (step == null) {
                throw new IllegalArgumentException("processor " + (i + 1) + " is null");
            }
            Processor ready = null;
            if (step instanceof AdaptiveStep adaptive) {
                double currentLufs = i == 0 ? inputLufs : Double.NaN; // only the first step sees the given buffer
                AdaptiveStep.Resolved resolution = adaptive.resolved(current,
                        new InputKnown(codecPeaks, currentLufs, peakReuse.apply(i)));
                step = resolution.step();
                ready = resolution.ready();
            }
            resolved.add(step);
            Ownership owned = current != input ? Ownership.RUN : inputOwned ? Ownership.CALLER : Ownership.SHARED;
            current = applyStep(index, step, ready, current, owned, observer, f -> observer.progress((index + f) / n));
        }
        observer.progress(1.0);
        return new Rendered(current, resolved);
    }

    /** Whose the audio a step is applied to is, and so whether it may be rendered over. */
    private enum Ownership {
        /** Made by this run's steps before: rendered over. */
        RUN,
        /** The caller's, to be rendered over ({@link #runOver}, {@link #render}): it holds the output after. */
        CALLER,
        /** The caller's, never changed ({@link #run}): a copy is rendered over. */
        SHARED
    }

    /**
     * Applies one step ({@code ready}: a processor of it made by its resolving for this audio, or null) to
     * {@code audio}, as its {@code owned} allows.
     */
    private AudioBuffer applyStep(int index, Step step, Processor ready, AudioBuffer audio, Ownership owned,
            ChainObserver observer, DoubleConsumer progress) {
        if (step instanceof AdaptiveStep) {
            throw new IllegalArgumentException(step + " depends on its input: resolve it before applying it");
        }
        StepFit.checkTimes(step, audio.sampleRate(), audio.frames());
        if (step instanceof Edit edit) {
            return edit.apply(audio);
        }
        Processor processor = ready != null ? ready : step.newProcessor();
        if (processor instanceof RenderedLimiter rendered && owned != Ownership.CALLER) {
            // Its output is made already: handed over (the caller's own buffer gets it put in place, below).
            observer.processorMade(index, processor, audio);
            AudioBuffer output = rendered.output(new ProcessSpec(audio.sampleRate(), audio.channels(), blockFrames));
            progress.accept(1.0);
            return output;
        }
        AudioBuffer target = owned == Ownership.SHARED ? audio.copy() : audio;
        observer.processorMade(index, processor, target);
        apply(processor, target, progress);
        return target;
    }

    /** Prepares the processor and runs it over the whole buffer, in place, latency compensated. */
    public void apply(Processor processor, AudioBuffer buffer) {
        apply(processor, buffer, fraction -> { });
    }

    private void apply(Processor processor, AudioBuffer buffer, DoubleConsumer progress) {
        float[][] audio = buffer.planar();
        int frames = buffer.frames();
        processor.prepare(new ProcessSpec(buffer.sampleRate(), buffer.channels(), blockFrames));
        int latency = processor.latencyFrames();
        if (latency < 0) {
            throw new IllegalStateException(processor + " reports a negative latency: " + latency);
        }
        for (int pos = 0; pos < frames; pos += blockFrames) {
            int n = Math.min(blockFrames, frames - pos);
            processor.process(audio, pos, n);
            progress.accept((pos + n) / (double) frames);
        }
        if (latency > 0) {
            float[][] tail = new float[audio.length][latency];
            for (int pos = 0; pos < latency; pos += blockFrames) {
                processor.process(tail, pos, Math.min(blockFrames, latency - pos));
            }
            alignBack(audio, tail, frames, latency);
        }
    }

    /** Where {@link #stream} hands the output, a block at a time, in order. */
    public interface BlockSink {
        /** The next {@code frames} frames of the output: {@code audio[c][from, from + frames)} of every channel c. */
        void accept(float[][] audio, int from, int frames);
    }

    /**
     * Runs the processor over the input as {@link #apply(Processor, AudioBuffer)} does, latency compensated, but
     * without changing the input or making the whole output: each block is copied, processed and handed to
     * {@code sink} (the latency's first frames held back, the flushed tail's given after), so the sink sees,
     * block by block, the very samples {@code apply} would leave in a copy of the input.
     */
    public void stream(Processor processor, AudioBuffer input, BlockSink sink) {
        float[][] audio = input.planar();
        int frames = input.frames();
        processor.prepare(new ProcessSpec(input.sampleRate(), input.channels(), blockFrames));
        int latency = processor.latencyFrames();
        if (latency < 0) {
            throw new IllegalStateException(processor + " reports a negative latency: " + latency);
        }
        float[][] block = new float[audio.length][blockFrames];
        long total = (long) frames + latency;
        long held = latency; // output frames still to drop: the processor's delay
        for (long pos = 0; pos < total; pos += blockFrames) {
            int n = (int) Math.min(blockFrames, total - pos);
            int real = (int) Math.max(0, Math.min(n, frames - pos)); // input frames in the block; silence after
            for (int c = 0; c < audio.length; c++) {
                System.arraycopy(audio[c], (int) Math.min(pos, frames), block[c], 0, real);
                Arrays.fill(block[c], real, n, 0f);
            }
            processor.process(block, 0, n);
            int skip = (int) Math.min(held, n);
            held -= skip;
            if (skip < n) {
                sink.accept(block, skip, n - skip);
            }
        }
    }

    /** The aligned output is (audio ++ tail)[latency, latency + frames). */
    private static void alignBack(float[][] audio, float[][] tail, int frames, int latency) {
        for (int c = 0; c < audio.length; c++) {
            float[] ch = audio[c];
            if (latency < frames) {
                System.arraycopy(ch, latency, ch, 0, frames - latency);
                System.arraycopy(tail[c], 0, ch, frames - latency, latency);
            } else {
                System.arraycopy(tail[c], latency - frames, ch, 0, frames);
            }
        }
    }
}
