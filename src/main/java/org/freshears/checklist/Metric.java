package org.freshears.checklist;

import java.util.function.ToDoubleFunction;
import org.freshears.measure.Analysis;

/** A measured quantity a check can hold to a condition, read from a snapshot's analysis. */
public enum Metric implements CheckMetric {
    INTEGRATED_LUFS("integrated loudness", "LUFS", Analysis::integratedLufs),
    TRUE_PEAK_DBTP("true peak", "dBTP", Analysis::truePeakDbtp),
    SAMPLE_PEAK_DBFS("sample peak", "dBFS", Analysis::samplePeakDbfs),
    LOUDNESS_RANGE_LU("loudness range", "LU", Analysis::loudnessRangeLu),
    MAX_MOMENTARY_LUFS("max momentary loudness", "LUFS", Analysis::maxMomentaryLufs),
    MAX_SHORT_TERM_LUFS("max short-term loudness", "LUFS", Analysis::maxShortTermLufs),
    PLR_DB("peak-to-loudness ratio", "dB", Analysis::plrDb),
    PSR_DB("peak-to-short-term ratio", "dB", Analysis::psrDb),
    RMS_DBFS("RMS level", "dBFS", a -> a.levels().rmsDbfs()),
    CREST_FACTOR_DB("crest factor", "dB", a -> a.levels().crestFactorDb()),
    CORRELATION("stereo correlation", "", a -> a.levels().correlation()),
    CLIPPED_RUNS("clipped runs", "", a -> a.levels().clippedRuns());

    private final String label;
    private final String unit;
    private final ToDoubleFunction<Analysis> reader;

    Metric(String label, String unit, ToDoubleFunction<Analysis> reader) {
        this.label = label;
        this.unit = unit;
        this.reader = reader;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The value in this analysis; NaN when it does not exist (the loudness of silence). */
    public double valueOf(Analysis analysis) {
        return reader.applyAsDouble(analysis);
    }

    /** The value with its unit, as evidence: {@code -14.03 LUFS}. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "none";
        }
        String number = this == CLIPPED_RUNS ? String.valueOf((long) value)
                : String.format(java.util.Locale.ROOT, "%.2f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    @Override
    public String fileName() {
        return name();
    }

    /**
     * This metric of the master after a round trip through {@code codec}: {@code truePeakDbtp().through(aac(256))}
     * (integrated loudness, true peak and sample peak only).
     */
    public TranslatedMetric through(org.freshears.chain.LossyCodec codec) {
        return new TranslatedMetric.ThroughCodec(this, codec);
    }
}
