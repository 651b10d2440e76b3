package org.freshears.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.freshears.chain.BandPass;
import org.freshears.chain.Bell;
import org.freshears.chain.ChannelMode;
import org.freshears.chain.ClipGain;
import org.freshears.chain.Compressor;
import org.freshears.chain.DynamicEq;
import org.freshears.chain.Fades;
import org.freshears.chain.FilterPhase;
import org.freshears.chain.Gain;
import org.freshears.chain.HighPass;
import org.freshears.chain.HighShelf;
import org.freshears.chain.Limiter;
import org.freshears.chain.LoudnessTarget;
import org.freshears.chain.LowPass;
import org.freshears.chain.LowShelf;
import org.freshears.chain.MultibandCompressor;
import org.freshears.chain.Notch;
import org.freshears.chain.Saturation;
import org.freshears.chain.Step;
import org.freshears.chain.StereoWidth;
import org.freshears.chain.TrimSilence;

/**
 * A step in a few words, in the DSL's own terms and with the settings a reader names it by: "limiter to
 * -14 LUFS, ceiling -1 dBTP", "bell 270 Hz -4 dB Q 1.4, mid", "compressor -18 dB 1.5:1". For the chain at a
 * glance; every parameter is in the step's own section ({@link SettingsText}).
 */
final class StepWords {
    private StepWords() {
    }

    static String of(Step step) {
        if (step instanceof org.freshears.chain.CodecSafeLimiter c) {
            return "limiter" + (c.targetLufs() == null ? "" : " to " + num(c.targetLufs()) + " LUFS") + ", " + num(
                    c.limiter().ceilingDbtp()) + " dBTP after " + String.join(", ", c.codecs().stream()
                    .map(org.freshears.chain.LossyCodec::label).toList());
        }
        if (step instanceof org.freshears.chain.MatchEq m) {
            return "match EQ toward '" + m.target().name() + "', amount " + num(m.amount()) + ", +" + num(m.maxBoostDb())
                    + "/-" + num(m.maxCutDb()) + " dB, " + hz(m.lowHz()) + " to " + hz(m.highHz());
        }
        if (step instanceof org.freshears.chain.MatchEqCurve c) {
            return "match EQ curve toward '" + c.reference() + "': " + c.extremes();
        }
        if (step instanceof LoudnessTarget t) {
            return "limiter to " + num(t.targetLufs()) + " LUFS, ceiling " + num(t.limiter().ceilingDbtp()) + " dBTP";
        }
        if (step instanceof Limiter l) {
            return "limiter, ceiling " + num(l.ceilingDbtp()) + " dBTP"
                    + (l.inputGainDb() == 0 ? "" : ", drive " + signed(l.inputGainDb()) + " dB");
        }
        if (step instanceof Bell b) {
            return eq("bell " + hz(b.freqHz()) + " " + signed(b.gainDb()) + " dB Q " + num(b.q()), b.channelMode(),
                    b.phase());
        }
        if (step instanceof LowShelf s) {
            return eq("low shelf " + hz(s.freqHz()) + " " + signed(s.gainDb()) + " dB", s.channelMode(), s.phase());
        }
        if (step instanceof HighShelf s) {
            return eq("high shelf " + hz(s.freqHz()) + " " + signed(s.gainDb()) + " dB", s.channelMode(), s.phase());
        }
        if (step instanceof HighPass f) {
            return eq("high-pass " + hz(f.freqHz()) + ", " + f.slopeDbPerOct() + " dB/oct", f.channelMode(), f.phase());
        }
        if (step instanceof LowPass f) {
            return eq("low-pass " + hz(f.freqHz()) + ", " + f.slopeDbPerOct() + " dB/oct", f.channelMode(), f.phase());
        }
        if (step instanceof Notch n) {
            return eq("notch " + hz(n.freqHz()) + " Q " + num(n.q()), n.channelMode(), n.phase());
        }
        if (step instanceof BandPass p) {
            return eq("band-pass " + hz(p.freqHz()) + " Q " + num(p.q()), p.channelMode(), p.phase());
        }
        if (step instanceof DynamicEq d) {
            return "dynamic EQ " + hz(d.freqHz()) + ", " + (d.rangeDb() < 0 ? "cut" : "lift") + " up to "
                    + num(Math.abs(d.rangeDb())) + " dB above " + num(d.thresholdDb()) + " dB";
        }
        if (step instanceof Compressor c) {
            return compressor(c);
        }
        if (step instanceof MultibandCompressor m) {
            return "multiband at " + m.crossoversHz().stream().map(StepWords::hz).collect(Collectors.joining(", "))
                    + " (" + m.bands().stream().map(StepWords::compressor).map(s -> s.substring("compressor ".length()))
                            .collect(Collectors.joining("; ")) + ")";
        }
        if (step instanceof Gain g) {
            return "gain " + signed(g.gainDb()) + " dB";
        }
        if (step instanceof ClipGain c) {
            return "clip gain on " + c.spans().size() + " span" + (c.spans().size() == 1 ? "" : "s");
        }
        if (step instanceof StereoWidth w) {
            return "stereo width " + num(w.widthPercent()) + " %"
                    + (w.monoBassBelowHz() > 0 ? ", mono below " + hz(w.monoBassBelowHz()) : "");
        }
        if (step instanceof Saturation s) {
            return "saturation " + s.curve().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", drive "
                    + signed(s.driveDb()) + " dB" + (s.mixPercent() < 100 ? ", mix " + num(s.mixPercent()) + " %" : "");
        }
        if (step instanceof Fades f) {
            return "fades " + num(f.fadeInSeconds()) + " s in, " + num(f.fadeOutSeconds()) + " s out";
        }
        if (step instanceof TrimSilence t) {
            return "trim silence below " + num(t.thresholdDb()) + " dB";
        }
        return step.getClass().getSimpleName(); // a step type added later still shows its name
    }

    /** Several steps, comma-free between them so each one's own commas stay readable. */
    static String of(List<? extends Step> steps) {
        return steps.stream().map(StepWords::of).collect(Collectors.joining("; "));
    }

    private static String compressor(Compressor c) {
        return "compressor " + num(c.thresholdDb()) + " dB " + num(c.ratio()) + ":1";
    }

    private static String eq(String words, ChannelMode mode, FilterPhase phase) {
        return words + (mode == ChannelMode.STEREO ? "" : ", " + mode.name().toLowerCase(Locale.ROOT))
                + (phase == FilterPhase.LINEAR ? ", linear phase" : "");
    }

    private static String hz(double hz) {
        return hz >= 1000 ? num(hz / 1000) + " kHz" : num(hz) + " Hz";
    }

    /** A setting as written, to at most 2 decimals. */
    private static String num(double value) {
        return SettingsText.of(Math.round(value * 100) / 100.0);
    }

    private static String signed(double value) {
        return value > 0 ? "+" + num(value) : num(value);
    }
}
