package org.freshears.chain;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
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

    public Renderer() {
        this(DEFAULT_BLOCK_FRAMES);
    }

    public Renderer(int blockFrames) {
        if (blockFrames <= 0) {
            throw new IllegalArgumentException("blockFrames must be > 0, got " + blockFrames);
        }
        this.blockFrames = blockFrames;
    }

    /**
     * Renders the steps. Streaming steps work in place on the given buffer; an {@link Edit} makes a new
     * one. Returns the rendered audio (the given buffer when no step changed the length).
     */
    public AudioBuffer render(List<? extends Step> steps, AudioBuffer buffer) {
        return render(steps, buffer, fraction -> { });
    }

    /** As {@link #render(List, AudioBuffer)}, reporting progress as a fraction from 0 to 1. */
    public AudioBuffer render(List<? extends Step> steps, AudioBuffer buffer, DoubleConsumer progress) {
        int n = steps.size();
        AudioBuffer current = buffer;
        for (int i = 0; i < n; i++) {
            int index = i;
            Step step = steps.get(i);
            if (step instanceof AdaptiveStep adaptive) {
                step = adaptive.resolve(current);
            }
            current = applyStep(step, current, processor -> { }, f -> progress.accept((index + f) / n));
        }
        progress.accept(1.0);
        return current;
    }

    /**
     * Renders one concrete step: in place for a streaming step (its processor shown to {@code inspect}
     * before it runs, to attach a gain-reduction trace, say), into a new buffer for an {@link Edit}.
     * Returns the audio after the step.
     */
    public AudioBuffer applyStep(Step step, AudioBuffer audio, Consumer<Processor> inspect) {
        return applyStep(step, audio, inspect, fraction -> { });
    }

    /** As {@link #applyStep(Step, AudioBuffer, Consumer)}, reporting progress (0 to 1) after each block. */
    public AudioBuffer applyStep(Step step, AudioBuffer audio, Consumer<Processor> inspect,
            DoubleConsumer progress) {
        if (step instanceof AdaptiveStep) {
            throw new IllegalArgumentException(step + " depends on its input: resolve it before applying it");
        }
        if (step instanceof Edit edit) {
            return edit.apply(audio);
        }
        Processor processor = step.newProcessor();
        inspect.accept(processor);
        apply(processor, audio, progress);
        return audio;
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
