package org.freshears.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A multiband compressor (settings): a Linkwitz-Riley crossover ({@link org.freshears.dsp.Crossover},
 * bands summing flat) splits the signal into {@code crossoversHz.size() + 1} bands, each compressed by
 * its own {@link Compressor} settings, then summed. With every band at ratio 1, makeup 0 the output is
 * the crossover's all-pass sum: flat magnitude, phase turned around the crossovers.
 *
 * <p>All bands must share one {@code lookaheadMs}, so every band has the same delay and the sum stays
 * aligned (a per-band lookahead would need extra delay lines and buys nothing audible).
 *
 * @param crossoversHz 1 to 3 frequencies, strictly ascending, each > 0 (and below Nyquist, checked
 *                     when the processor is prepared)
 * @param bands        one compressor per band, lowest band first
 */
public record MultibandCompressor(List<Double> crossoversHz, List<Compressor> bands) implements Step {

    public MultibandCompressor {
        Objects.requireNonNull(crossoversHz, "crossoversHz");
        Objects.requireNonNull(bands, "bands");
        crossoversHz = List.copyOf(crossoversHz);
        bands = List.copyOf(bands);
        if (crossoversHz.isEmpty() || crossoversHz.size() > 3) {
            throw new IllegalArgumentException("crossoversHz must hold 1 to 3 frequencies, got " + crossoversHz);
        }
        for (int k = 0; k < crossoversHz.size(); k++) {
            double f = crossoversHz.get(k);
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("crossover frequency must be > 0, got " + f);
            }
            UnitMistakes.hzNotKhz("crossover frequency", f);
            if (k > 0 && !(f > crossoversHz.get(k - 1))) {
                throw new IllegalArgumentException("crossoversHz must ascend, got " + crossoversHz);
            }
        }
        if (bands.size() != crossoversHz.size() + 1) {
            throw new IllegalArgumentException(crossoversHz.size() + " crossovers make " + (crossoversHz.size() + 1)
                    + " bands, got " + bands.size() + " band settings");
        }
        double lookaheadMs = bands.get(0).lookaheadMs();
        for (Compressor band : bands) {
            if (band.lookaheadMs() != lookaheadMs) {
                throw new IllegalArgumentException("all bands must share one lookaheadMs, got "
                        + bands.stream().map(Compressor::lookaheadMs).toList());
            }
        }
    }

    /** Crossovers at the given frequencies, every band at {@link Compressor#defaults()}. */
    public static MultibandCompressor of(double... crossoversHz) {
        List<Double> freqs = new ArrayList<>();
        for (double f : crossoversHz) {
            freqs.add(f);
        }
        return new MultibandCompressor(freqs, Collections.nCopies(crossoversHz.length + 1, Compressor.defaults()));
    }

    /** The bands by their frequencies, lowest first: "below 200 Hz", "200 Hz-2 kHz", "above 2 kHz". */
    public List<String> bandNames() {
        List<String> names = new ArrayList<>();
        names.add("below " + hz(crossoversHz.get(0)));
        for (int k = 1; k < crossoversHz.size(); k++) {
            names.add(hz(crossoversHz.get(k - 1)) + "-" + hz(crossoversHz.get(k)));
        }
        names.add("above " + hz(crossoversHz.get(crossoversHz.size() - 1)));
        return names;
    }

    private static String hz(double hz) {
        return hz >= 1000 ? plain(hz / 1000) + " kHz" : plain(hz) + " Hz";
    }

    /** 200.0 as "200", 2.5 as "2.5": a crossover as the notebook wrote it. */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A copy with band {@code index} (0 = lowest) set to {@code settings}. */
    public MultibandCompressor band(int index, Compressor settings) {
        Objects.checkIndex(index, bands.size());
        List<Compressor> copy = new ArrayList<>(bands);
        copy.set(index, settings);
        return new MultibandCompressor(crossoversHz, copy);
    }

    /** A copy with every band set to {@code settings}. */
    public MultibandCompressor allBands(Compressor settings) {
        return new MultibandCompressor(crossoversHz, Collections.nCopies(bands.size(), settings));
    }

    /** A copy with new band settings, lowest band first. */
    public MultibandCompressor bands(Compressor... settings) {
        return new MultibandCompressor(crossoversHz, List.of(settings));
    }

    @Override
    public Processor newProcessor() {
        // Split and summed back, the crossovers alone would still turn the phase: a step that compresses
        // nothing is bypassed, so neutral settings are bit-transparent like every other step's.
        return changesNothing() ? new GainProcessor(1) : new MultibandCompressorProcessor(this);
    }

    /** Whether no band changes its signal (ratio 1 without makeup gain, or a fully dry mix in every band). */
    public boolean changesNothing() {
        return bands.stream().allMatch(Compressor::changesNothing);
    }
}
