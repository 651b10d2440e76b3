package org.freshears.session.file;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.freshears.chain.BandPass;
import org.freshears.chain.CodecSafeLimiter;
import org.freshears.chain.Bell;
import org.freshears.chain.ClipGain;
import org.freshears.chain.Compressor;
import org.freshears.chain.DynamicEq;
import org.freshears.chain.Fades;
import org.freshears.chain.Gain;
import org.freshears.chain.HighPass;
import org.freshears.chain.HighShelf;
import org.freshears.chain.Limiter;
import org.freshears.chain.LoudnessTarget;
import org.freshears.chain.LowPass;
import org.freshears.chain.LowShelf;
import org.freshears.chain.MatchEq;
import org.freshears.chain.MatchEqCurve;
import org.freshears.chain.MultibandCompressor;
import org.freshears.chain.Notch;
import org.freshears.chain.Saturation;
import org.freshears.chain.Step;
import org.freshears.chain.StereoWidth;
import org.freshears.chain.TrimSilence;

/**
 * Every step type a session file may name, and the record it stands for. The names are part of the
 * file format: never rename one (old sessions must keep loading); a new step type needs an entry here
 * (a test fails the build for a step record missing from this list).
 */
public final class StepTypes {
    static final TypeRegistry<Step> REGISTRY = new TypeRegistry<>("step type", entries());

    private StepTypes() {
    }

    private static Map<String, Class<? extends Step>> entries() {
        Map<String, Class<? extends Step>> m = new LinkedHashMap<>();
        m.put("bell", Bell.class);
        m.put("lowShelf", LowShelf.class);
        m.put("highShelf", HighShelf.class);
        m.put("highPass", HighPass.class);
        m.put("lowPass", LowPass.class);
        m.put("notch", Notch.class);
        m.put("bandPass", BandPass.class);
        m.put("gain", Gain.class);
        m.put("clipGain", ClipGain.class);
        m.put("stereoWidth", StereoWidth.class);
        m.put("fades", Fades.class);
        m.put("trimSilence", TrimSilence.class);
        m.put("compressor", Compressor.class);
        m.put("multibandCompressor", MultibandCompressor.class);
        m.put("dynamicEq", DynamicEq.class);
        m.put("saturation", Saturation.class);
        m.put("limiter", Limiter.class);
        m.put("loudnessTarget", LoudnessTarget.class);
        m.put("codecSafeLimiter", CodecSafeLimiter.class);
        // format 4: the match EQ as written (the reference's spectrum) and as resolved (the designed curve)
        m.put("matchEq", MatchEq.class);
        m.put("matchEqCurve", MatchEqCurve.class);
        return m;
    }

    /** The name a step is saved under ("bell", "loudnessTarget"). */
    public static String nameOf(Step step) {
        return REGISTRY.nameOf(step);
    }

    /** The step record a name stands for. */
    public static Optional<Class<? extends Step>> classOf(String name) {
        return Optional.ofNullable(REGISTRY.classOf(name));
    }

    /** Every registered name with its record, in a fixed order. */
    public static Map<String, Class<? extends Step>> all() {
        return REGISTRY.entries();
    }
}
