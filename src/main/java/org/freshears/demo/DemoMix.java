package org.freshears.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;

/**
 * A deterministic "printed mix" that sounds like music, with known flaws for a mastering pass to find:
 * a 120 BPM song in A minor (drums, synth bass, chord pad, lead) synthesised in code, so the bundled
 * sample and the benchmark need no recorded audio. The same {@link DemoMixSpec} gives the same bits on
 * every JVM: only IEEE arithmetic and StrictMath, a written-out PRNG, one thread.
 */
public final class DemoMix {
    /** The mix is normalised so its highest sample sits here: hot, but no sample at full scale. */
    public static final double SAMPLE_PEAK_DBFS = -0.2;

    /** Names of the planted problems, as {@link PlantedProblem#name()}. */
    public static final String LOW_MID_BUILD_UP = "low-mid build-up";
    public static final String HARSH_CYMBALS = "harsh cymbals";
    public static final String HOT_PEAK = "peak near 0 dBFS";
    public static final String LOUD_CHORUS = "loud chorus";

    /** Snare and kick ring well under 100 ms at the level that matters for a peak. */
    private static final double HIT_SECONDS = 0.1;

    private DemoMix() {
    }

    /** Renders the mix (stereo, float, the spec's rate and length). */
    public static AudioBuffer generate(DemoMixSpec spec) {
        return generate(spec, MixFlaws.PLANTED);
    }

    /** The mix with the given equaliser flaws (tests render {@link MixFlaws#NONE} as a flat reference). */
    static AudioBuffer generate(DemoMixSpec spec, MixFlaws flaws) {
        return generate(spec, flaws, Mixer.DEFAULT_CHUNK_FRAMES);
    }

    static AudioBuffer generate(DemoMixSpec spec, MixFlaws flaws, int chunkFrames) {
        List<SongSection> sections = SongForm.layout(spec.durationSeconds(), spec.tune());
        List<NoteEvent> events = Score.compose(spec, sections);
        float[][] mix = new Mixer(spec.sampleRate(), spec.seed(), flaws, chunkFrames, spec.tune())
                .render(events, sections, spec.frames());
        normalisePeak(mix, StrictMath.pow(10, SAMPLE_PEAK_DBFS / 20));
        return new AudioBuffer(mix, spec.sampleRate(), ChannelLayout.standard(2));
    }

    /** One gain for the whole mix, so that its largest |sample| becomes targetPeak (a print's final fader). */
    private static void normalisePeak(float[][] mix, double targetPeak) {
        double peak = 0;
        for (float[] channel : mix) {
            for (float x : channel) {
                peak = Math.max(peak, Math.abs(x));
            }
        }
        if (peak == 0) {
            return;
        }
        double gain = targetPeak / peak;
        for (float[] channel : mix) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (channel[i] * gain);
            }
        }
    }

    /** The song's structure and planted problems for a spec, without rendering it. */
    public static DemoMixStructure describe(DemoMixSpec spec) {
        List<SongSection> sections = SongForm.layout(spec.durationSeconds(), spec.tune());
        List<PlantedProblem> problems = new ArrayList<>();
        MixFlaws flaws = MixFlaws.PLANTED;
        double nyquist = spec.sampleRate() / 2.0;
        problems.add(new PlantedProblem(LOW_MID_BUILD_UP, 0, spec.durationSeconds(), 180, 400, String.format(
                Locale.ROOT, "bass and chords through a %+.0f dB bell at %.0f Hz, Q %.1f", flaws.mudGainDb(),
                flaws.mudFreqHz(), flaws.mudQ())));
        for (SongSection chorus : sections) {
            if (chorus.kind() == SectionKind.CHORUS) {
                problems.add(new PlantedProblem(HARSH_CYMBALS, chorus.startSeconds(), chorus.endSeconds(), 5_000,
                        9_000, String.format(Locale.ROOT, "ride and crash (%s only) through a %+.0f dB bell at %.0f Hz",
                                chorus.name(), flaws.harshGainDb(), flaws.harshFreqHz())));
                problems.add(new PlantedProblem(LOUD_CHORUS, chorus.startSeconds(), chorus.endSeconds(), 20,
                        Math.min(20_000, nyquist), "played louder and fuller than the verse (about +3.5 dB)"));
            }
        }
        int lastAccentFrame = -1;
        for (NoteEvent hit : Score.compose(spec, sections)) {
            // Accents come as kick + snare on one frame: one problem per moment.
            if (hit.accent() && hit.startFrame() != lastAccentFrame) {
                lastAccentFrame = hit.startFrame();
                double t = hit.startFrame() / (double) spec.sampleRate();
                problems.add(new PlantedProblem(HOT_PEAK, t, Math.min(spec.durationSeconds(), t + HIT_SECONDS), 20,
                        Math.min(20_000, nyquist), String.format(Locale.ROOT, "accented kick + snare under a crash; "
                                + "the mix is normalised to a %.1f dBFS sample peak", SAMPLE_PEAK_DBFS)));
            }
        }
        problems.sort(java.util.Comparator.comparingDouble(PlantedProblem::startSeconds));
        return new DemoMixStructure(spec.tune().tempoBpm(), SongForm.BEATS_PER_BAR, spec.tune().key(),
                spec.tune().progression(),
                spec.durationSeconds(), SAMPLE_PEAK_DBFS, sections, problems);
    }

    /**
     * Prints the structure of the sample (or of {@code seconds [sampleRate [seed]]}); writes no file,
     * since writing WAV belongs to the audio package.
     */
    public static void main(String[] args) {
        DemoMixSpec spec = DemoMixSpec.sample();
        if (args.length > 0) {
            spec = new DemoMixSpec(args.length > 1 ? Integer.parseInt(args[1]) : spec.sampleRate(),
                    Double.parseDouble(args[0]), args.length > 2 ? Long.parseLong(args[2]) : spec.seed());
        }
        System.out.print(describe(spec).toText());
    }
}
