package org.freshears.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.freshears.dsp.Decibels;

/**
 * The gain a dynamics processor applied over time, one value per hop of {@code hopFrames}: the most
 * extreme gain (dB, furthest from 0, sign kept) seen in that hop, so a 10 ms hop never hides a short
 * dip. Compressors record negative values (their reduction, without makeup gain); a dynamic EQ in lift
 * mode records positive ones. Where a processor treats channels or bands separately it reports, per
 * frame, the most extreme of them; one that compresses bands separately (a multiband compressor) also
 * records each band in a trace of its own ({@link #bands()}), so a chart can show which band worked.
 *
 * <p>Allocation-free while recording: the array is sized once, frames are pushed in stream order
 * ({@link #push}, or {@link #pushReduction} for a gain known as an amplitude), values beyond the capacity are
 * dropped (and counted). Not thread-safe.
 */
public final class GainReductionTrace {
    /** A common meter hop: 10 ms, fine enough for a chart of a whole song and cheap to keep. */
    public static final double DEFAULT_HOP_MS = 10;

    private final int hopFrames;
    private final double[] hopGainDb;
    private int skipFrames;
    private int hop;
    private int framesInHop;
    private long droppedFrames;
    /** The smallest amplitude {@link #pushReduction} gave in the current hop, not yet in its dB (1: none below). */
    private double hopLeastAmplitude = 1;
    /** What this trace is of: "" for a whole processor, the band ("below 200 Hz") for a band's trace. */
    private final String label;
    private final List<GainReductionTrace> bands = new ArrayList<>();

    public GainReductionTrace(int hopFrames, int capacityHops) {
        this(hopFrames, capacityHops, "");
    }

    private GainReductionTrace(int hopFrames, int capacityHops, String label) {
        if (hopFrames <= 0) {
            throw new IllegalArgumentException("hopFrames must be > 0, got " + hopFrames);
        }
        if (capacityHops < 0) {
            throw new IllegalArgumentException("capacityHops must be >= 0, got " + capacityHops);
        }
        this.hopFrames = hopFrames;
        this.hopGainDb = new double[capacityHops];
        this.label = label;
    }

    /** A trace with hops of {@code hopMs} (rounded to whole frames) covering {@code frames} frames. */
    public static GainReductionTrace forFrames(int sampleRate, long frames, double hopMs) {
        if (!(hopMs > 0)) {
            throw new IllegalArgumentException("hopMs must be > 0, got " + hopMs);
        }
        int hop = (int) Math.max(1, Math.round(hopMs * sampleRate / 1000.0));
        long hops = (frames + hop - 1) / hop;
        if (hops > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many hops: " + hops);
        }
        return new GainReductionTrace(hop, (int) hops);
    }

    /** "" for a whole processor's trace; for a band's trace, the band ("200 Hz-2 kHz"). */
    public String label() {
        return label;
    }

    /** One trace per band, lowest first, when the processor records its bands separately; else empty. */
    public List<GainReductionTrace> bands() {
        return List.copyOf(bands);
    }

    /**
     * The band traces, one per label and lowest band first, made on the first call with this trace's hop
     * and capacity (so never while audio is processed); the processor records each band into its own.
     */
    public List<GainReductionTrace> bandTraces(List<String> labels) {
        if (bands.isEmpty()) {
            for (String band : labels) {
                bands.add(new GainReductionTrace(hopFrames, hopGainDb.length, band));
            }
        } else if (!bands.stream().map(GainReductionTrace::label).toList().equals(labels)) {
            throw new IllegalArgumentException("this trace already has bands " + bands.stream()
                    .map(GainReductionTrace::label).toList() + ", not " + labels);
        }
        return List.copyOf(bands);
    }

    public int hopFrames() {
        return hopFrames;
    }

    public int capacityHops() {
        return hopGainDb.length;
    }

    /** Hops that hold at least one frame (the last one may be partial). */
    public int hops() {
        return Math.min(hopGainDb.length, hop + (framesInHop > 0 ? 1 : 0));
    }

    /** The most extreme gain (dB) in one hop. */
    public double gainDb(int hop) {
        if (hop < 0 || hop >= hops()) {
            throw new IndexOutOfBoundsException("hop " + hop + " of " + hops());
        }
        settleReduction();
        return hopGainDb[hop];
    }

    /** A copy of the recorded hops. */
    public double[] toArray() {
        settleReduction();
        return Arrays.copyOf(hopGainDb, hops());
    }

    /** Frames pushed past the capacity. */
    public long droppedFrames() {
        return droppedFrames;
    }

    /** Clears the trace; the next {@code skipFrames} pushes (a processor's latency) are ignored. */
    public void restart(int skipFrames) {
        if (skipFrames < 0) {
            throw new IllegalArgumentException("skipFrames must be >= 0, got " + skipFrames);
        }
        Arrays.fill(hopGainDb, 0);
        this.skipFrames = skipFrames;
        hop = 0;
        framesInHop = 0;
        droppedFrames = 0;
        hopLeastAmplitude = 1;
    }

    /**
     * Makes this trace what {@code other} is (its hops, where it stands, what it skips and dropped), when both have
     * the same hop and capacity and no bands; false, and nothing changed, otherwise.
     */
    boolean copyFrom(GainReductionTrace other) {
        if (other.hopFrames != hopFrames || other.hopGainDb.length != hopGainDb.length || !bands.isEmpty()
                || !other.bands.isEmpty()) {
            return false;
        }
        System.arraycopy(other.hopGainDb, 0, hopGainDb, 0, hopGainDb.length);
        skipFrames = other.skipFrames;
        hop = other.hop;
        framesInHop = other.framesInHop;
        droppedFrames = other.droppedFrames;
        hopLeastAmplitude = other.hopLeastAmplitude;
        return true;
    }

    /** Records the gain (dB) of the next frame. */
    public void push(double gainDb) {
        if (!recordsNextFrame()) {
            return;
        }
        if (Math.abs(gainDb) > Math.abs(hopGainDb[hop])) {
            hopGainDb[hop] = gainDb;
        }
        nextFrame();
    }

    /**
     * Records the gain of the next frame as an amplitude ratio of at most 1 (a reduction, as a limiter's): the hop
     * then holds the dB of its smallest amplitude, converted once when the hop is complete or read, instead of one
     * dB conversion per frame (a limiter's trace cost about as much as the limiting itself). Mixed with
     * {@link #push} in one hop, the more extreme of the two stands.
     */
    public void pushReduction(double amplitude) {
        if (!recordsNextFrame()) {
            return;
        }
        if (amplitude < hopLeastAmplitude) {
            hopLeastAmplitude = amplitude;
        }
        nextFrame();
    }

    /** Counts the next frame against the latency to skip and the capacity: whether it is to be recorded. */
    private boolean recordsNextFrame() {
        if (skipFrames > 0) {
            skipFrames--;
            return false;
        }
        if (hop >= hopGainDb.length) {
            droppedFrames++;
            return false;
        }
        return true;
    }

    private void nextFrame() {
        if (++framesInHop == hopFrames) {
            settleReduction();
            framesInHop = 0;
            hop++;
        }
    }

    /** Puts the current hop's smallest {@link #pushReduction} amplitude into its dB, if it is the more extreme. */
    private void settleReduction() {
        if (hopLeastAmplitude < 1 && hop < hopGainDb.length) {
            double gainDb = Decibels.fromAmplitude(hopLeastAmplitude);
            if (Math.abs(gainDb) > Math.abs(hopGainDb[hop])) {
                hopGainDb[hop] = gainDb;
            }
        }
        hopLeastAmplitude = 1;
    }
}
