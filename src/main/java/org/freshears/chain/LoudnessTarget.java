package org.freshears.chain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.freshears.audio.AudioBuffer;
import org.freshears.measure.LoudnessMeter;

/**
 * A limiter driven so that the master lands on a target integrated loudness (BS.1770-4) after limiting:
 * {@code limiter().ceilingDbtp(-1).targetLufs(-14)}. Resolving searches the limiter's input gain: the
 * first guess assumes a transparent limiter, then the secant method corrects for the loudness the
 * limiter takes away, until the rendered master is within {@link #TOLERANCE_LU} of the target. The
 * limiter's true-peak detection, most of a render's cost, is the same at every gain, so the tries share it
 * ({@link PeakEnvelope}: each detects only what the tries before it left out); each try then computes the
 * gain and measures the result as it is made. The accepted try's output is the step's: it is kept, not rendered
 * again.
 *
 * @param targetLufs the integrated loudness the master should have, LUFS, in [-40, 0]
 * @param limiter the limiter settings; its inputGainDb is what the search sets
 */
public record LoudnessTarget(double targetLufs, Limiter limiter) implements AdaptiveStep {
    /** Well inside the 0.1 LU the issue asks for, so rounding on the way to a file cannot push it out. */
    public static final double TOLERANCE_LU = 0.02;
    static final int MAX_RENDERS = 12;
    private static final double MAX_STEP_DB = 12;
    /** Renders each try in blocks the meter takes whole (and that stay in the cache while it reads them). */
    private static final Renderer PROBES = new Renderer(1 << 16);
    /** Measures a try's blocks behind its rendering, in order (see {@link #integratedAfterLimiting}). */
    private static final ExecutorService MEASURING = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "freshears-loudness-search");
        thread.setDaemon(true);
        return thread;
    });

    public LoudnessTarget {
        if (!Double.isFinite(targetLufs) || targetLufs < -40 || targetLufs > 0) {
            throw new IllegalArgumentException("targetLufs must be in [-40, 0], got " + targetLufs);
        }
        if (limiter == null) {
            throw new IllegalArgumentException("a loudness target needs a limiter");
        }
    }

    public LoudnessTarget targetLufs(double lufs) {
        return new LoudnessTarget(lufs, limiter);
    }

    public LoudnessTarget ceilingDbtp(double dbtp) {
        return new LoudnessTarget(targetLufs, limiter.ceilingDbtp(dbtp));
    }

    public LoudnessTarget releaseMs(double ms) {
        return new LoudnessTarget(targetLufs, limiter.releaseMs(ms));
    }

    public LoudnessTarget lookaheadMs(double ms) {
        return new LoudnessTarget(targetLufs, limiter.lookaheadMs(ms));
    }

    public LoudnessTarget oversampling(int factor) {
        return new LoudnessTarget(targetLufs, limiter.oversampling(factor));
    }

    /** This loudness target, its ceiling lowered until every codec's decoded version stays under it. */
    public CodecSafeLimiter codecSafe(LossyCodec... codecs) {
        return new CodecSafeLimiter(limiter, targetLufs, java.util.List.of(codecs));
    }

    /** The limiter with the input gain that puts this input on the target. */
    @Override
    public Limiter resolve(AudioBuffer input) {
        return search(input, PeakEnvelope.of(input, limiter), Double.NaN, null);
    }

    /**
     * The limiter found, and a processor of it that hands over the output its accepted try rendered. The tries
     * render into one buffer (the one copy of the audio the search keeps); the last, accepted, try's output there
     * is the step's, so the limiter found is not rendered again ({@link RenderedLimiter}). The search starts from
     * the input's loudness where it is known, and takes the limiter's peaks from where an earlier search on this
     * input kept them (a search with another target, ceiling or release detects only what they leave out), else
     * detects them and keeps them there.
     */
    @Override
    public Resolved resolved(AudioBuffer input, InputKnown known) {
        PeakEnvelope envelope = PeakEnvelope.of(input, limiter, known.peakReuse());
        AudioBuffer output = new AudioBuffer(new float[input.channels()][input.frames()], input.sampleRate(),
                input.layout());
        GainReductionTrace[] accepted = new GainReductionTrace[1];
        Limiter found = search(input, envelope, known.integratedLufs(), output, accepted);
        return new Resolved(found, new RenderedLimiter(found, envelope, output, accepted[0]));
    }

    /**
     * The search, each gain it tries rendered with the peaks of {@code envelope} (they do not depend on the
     * gain) and measured as it is rendered, block by block: the same loudness, to the bit, as rendering
     * {@code limiter.inputGainDb(gain)} over a copy of the input and measuring that.
     *
     * @param knownInputLufs the input's integrated loudness if measured already, else NaN (measured here)
     * @param output where each try's output goes (null: nowhere): afterwards, the limiter found's output for this
     *     input, the very samples {@link Renderer#apply} makes of a copy of it
     */
    Limiter search(AudioBuffer input, PeakEnvelope envelope, double knownInputLufs, AudioBuffer output) {
        return search(input, envelope, knownInputLufs, output, null);
    }

    /**
     * As {@link #search(AudioBuffer, PeakEnvelope, double, AudioBuffer)}, each try recording its gain-reduction
     * trace as it renders when {@code accepted} is given: the accepted try's is left there (the trace the
     * limiter's own render of this input fills, so the step's chart needs no pass of its own).
     */
    private Limiter search(AudioBuffer input, PeakEnvelope envelope, double knownInputLufs, AudioBuffer output,
            GainReductionTrace[] accepted) {
        double inputLufs = Double.isNaN(knownInputLufs) ? LoudnessMeter.integratedLufs(input) : knownInputLufs;
        if (Double.isNaN(inputLufs)) {
            throw new IllegalArgumentException("cannot bring silence to " + targetLufs + " LUFS: the audio has no "
                    + "gated loudness");
        }
        double gain = clampGain(targetLufs - inputLufs);
        double previousGain = Double.NaN;
        double previousLufs = Double.NaN;
        double bestGain = gain;
        double bestError = Double.POSITIVE_INFINITY;
        for (int render = 0; render < MAX_RENDERS; render++) {
            GainReductionTrace trace = accepted == null ? null : GainReductionTrace.forFrames(input.sampleRate(),
                    input.frames(), GainReductionTrace.DEFAULT_HOP_MS);
            double lufs = integratedAfterLimiting(input, envelope, gain, output, trace);
            double error = targetLufs - lufs;
            if (Math.abs(error) < bestError) {
                bestError = Math.abs(error);
                bestGain = gain;
            }
            if (Math.abs(error) <= TOLERANCE_LU) {
                if (accepted != null) {
                    accepted[0] = trace;
                }
                return limiter.inputGainDb(gain);
            }
            double slope = (lufs - previousLufs) / (gain - previousGain);
            // The limiter can only take loudness away, so the slope lies in (0, 1], and it flattens as
            // the limiter works harder; a flat but positive slope still points the right way, so the
            // step is capped rather than refused.
            double step = Double.isFinite(slope) && slope > 0 ? error / Math.max(slope, 0.01) : error;
            step = Math.max(-MAX_STEP_DB, Math.min(MAX_STEP_DB, step));
            previousGain = gain;
            previousLufs = lufs;
            double next = clampGain(gain + step);
            if (next == gain) {
                break;
            }
            gain = next;
        }
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "cannot reach %.1f LUFS with a limiter ceiling of %.1f dBTP: the closest was %.2f LU away (input gain "
                        + "%.1f dB); lower the target or raise the ceiling", targetLufs, limiter.ceilingDbtp(), bestError,
                bestGain));
    }

    /**
     * The integrated loudness of the input through the limiter at this input gain; its output into {@code output},
     * its gain reduction into {@code trace} (either may be null: not kept).
     */
    private double integratedAfterLimiting(AudioBuffer input, PeakEnvelope envelope, double gainDb, AudioBuffer output,
            GainReductionTrace trace) {
        LoudnessMeter.IntegratedLoudness meter = new LoudnessMeter.IntegratedLoudness(input.sampleRate(),
                input.layout());
        LimiterProcessor limiting = new LimiterProcessor(limiter.inputGainDb(gainDb), envelope);
        if (trace != null) {
            limiting.traceInto(trace);
        }
        if (output == null) {
            PROBES.stream(limiting, input, meter::feed);
            return meter.integratedLufs();
        }
        // Each block is measured from its copy in the output on another thread while the next one renders: the
        // limiter's gain is one long recursion on this thread, and the K-weighting of the block before now runs
        // beside it instead of after it, on the core that waited. The meter gets the same blocks in the same order,
        // so the same loudness to the bit.
        int[] written = {0};
        CompletableFuture<?>[] measured = {CompletableFuture.completedFuture(null)};
        PROBES.stream(limiting, input, (block, from, frames) -> {
            int at = written[0];
            for (int c = 0; c < block.length; c++) {
                System.arraycopy(block[c], from, output.channel(c), at, frames);
            }
            written[0] += frames;
            measured[0] = measured[0].thenRunAsync(() -> meter.feed(output.planar(), at, frames), MEASURING);
        });
        try {
            measured[0].join(); // before the next try renders over the output
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error cause) {
                throw cause;
            }
            throw failed;
        }
        return meter.integratedLufs();
    }

    private static double clampGain(double gainDb) {
        return Math.max(-40, Math.min(40, gainDb));
    }
}
