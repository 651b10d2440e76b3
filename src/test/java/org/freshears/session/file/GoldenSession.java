package org.freshears.session.file;

import static org.freshears.Mastering.atLeast;
import static org.freshears.Mastering.atMost;
import static org.freshears.Mastering.atMostDb;
import static org.freshears.Mastering.band;
import static org.freshears.Mastering.bandPass;
import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.between;
import static org.freshears.Mastering.clipGain;
import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.dynamicEq;
import static org.freshears.Mastering.fades;
import static org.freshears.Mastering.gain;
import static org.freshears.Mastering.highPass;
import static org.freshears.Mastering.highShelf;
import static org.freshears.Mastering.integratedLufs;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.loudnessRangeLu;
import static org.freshears.Mastering.lowPass;
import static org.freshears.Mastering.lowShelf;
import static org.freshears.Mastering.multiband;
import static org.freshears.Mastering.notch;
import static org.freshears.Mastering.reduceBy;
import static org.freshears.Mastering.saturation;
import static org.freshears.Mastering.shapedDither;
import static org.freshears.Mastering.span;
import static org.freshears.Mastering.stereoWidth;
import static org.freshears.Mastering.tpdf;
import static org.freshears.Mastering.trimSilence;
import static org.freshears.Mastering.truePeakDbtp;
import static org.freshears.Mastering.wav16;
import static org.freshears.Mastering.wav24;
import static org.freshears.Mastering.wav32f;
import static org.freshears.Mastering.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.FadeCurve;
import org.freshears.chain.Saturation;
import org.freshears.checklist.Section;
import org.freshears.session.Display;
import org.freshears.session.Problem;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.testing.Signals;

/**
 * The golden session: one session using every step type, every condition and expectation kind, notes,
 * sections, and renders at two points in the chain in three formats. Its JSON lives in
 * {@code src/test/resources/sessions/}; {@link GoldenSessionTest} replays it against {@link #mix()}.
 * Regenerate only for a new format version (keep the old file: old sessions must keep replaying):
 * {@code java -cp target/test-classes:target/classes:... org.freshears.session.GoldenSession DIR}.
 */
public final class GoldenSession {
    public static final String JSON = "every-step.session.json";
    /** The same session as format version 1 wrote it (problem areas judged against the whole spectrum). */
    public static final String JSON_V1 = "every-step.v1.session.json";
    /** The same session as format version 2 wrote it (before listening tests). */
    public static final String JSON_V2 = "every-step.v2.session.json";
    /** The same session as format version 3 wrote it (before reference tracks and the match EQ). */
    public static final String JSON_V3 = "every-step.v3.session.json";
    public static final String MIX = "golden-mix.wav";

    private GoldenSession() {
    }

    /**
     * 3 s of 48 kHz stereo, written as 24-bit PCM: silence, pink noise with a 5 kHz tone swelling in the
     * middle, silence. Only LCG noise, StrictMath and float rounding: the same bytes on every JVM.
     */
    public static AudioBuffer mix() {
        int rate = 48_000;
        AudioBuffer noise = Signals.pinkNoise(2, rate, 9 * rate / 4, 0.09, 20_250_922);
        AudioBuffer tone = Signals.sine(2, rate, 2.25, 5_000, -24);
        for (int c = 0; c < 2; c++) {
            float[] n = noise.channel(c);
            float[] t = tone.channel(c);
            for (int i = 0; i < n.length; i++) {
                double swell = StrictMath.sin(StrictMath.PI * i / n.length);
                n[i] += (float) (t[i] * swell * swell);
            }
        }
        return Signals.concat(Signals.silence(2, rate, 0.25), noise, Signals.silence(2, rate, 0.5));
    }

    public static Path writeMix(Path folder) throws Exception {
        Path file = folder.resolve(MIX);
        WavWriter.write(mix(), file, WavOutputFormat.pcm24());
        return file;
    }

    /** Copies the golden session file and writes its mix into a folder; returns the copy's path. */
    public static Path install(Path folder) throws Exception {
        return install(folder, JSON);
    }

    /** Copies a golden session file (by resource name) and writes its mix into a folder; returns the copy's path. */
    public static Path install(Path folder, String resource) throws Exception {
        Path json = folder.resolve(resource);
        try (var in = GoldenSession.class.getResourceAsStream("/sessions/" + resource)) {
            Files.copy(java.util.Objects.requireNonNull(in, "golden session resource"), json);
        }
        writeMix(folder);
        return json;
    }

    /** Runs the golden session in a folder (mix, outputs and JSON all there) and returns the JSON's path. */
    public static Path run(Path folder) throws Exception {
        Path mixFile = writeMix(folder);
        Session s;
        {
            SessionContext ctx = new SessionContext(folder, Display.NONE, Progress.Factory.NONE);
            s = Session.open(mixFile, ctx);
            s.listen("studio monitors, low level, two passes");
            s.note("0:02", "the tone swells and bites");
            s.note(span("0:00.5", "0:01"), "noise floor too bright");
            Section middle = s.section("middle", "0:01", "0:02");
            Problem bite = s.problem("biting tone", span("0:01", "0:02.5"), band(4_000, 6_000)).expect(reduceBy(1.5));
            Problem mud = s.problem("mud", span("0:00.5", "0:02.5"), band(150, 400)).expect(atMostDb(-3));
            s.step("tidy", trimSilence().thresholdDb(-50).keepTrailingMs(150), fades(0.05, 0.4).curve(FadeCurve.EQUAL_POWER));
            s.step("eq", highPass(30).slope(24), lowPass(18_000).slope(18), lowShelf(100, 1.5).slope(0.8),
                    highShelf(9_000, -1).mid(), bell(300, -2).q(1.2).side(), notch(60, 8), bandPass(1_000, 0.1))
                    .addresses(mud);
            s.render("golden-eq.wav", wav32f());
            s.step("linear", bell(2_500, 1.5).q(0.7).linearPhase());
            s.step("dynamics", compressor().thresholdDb(-26).ratio(2).rms().lookaheadMs(2).sidechainHighPassHz(80),
                    multiband(200, 3_000).band(2, compressor().thresholdDb(-30).ratio(3)),
                    dynamicEq(5_000, -6).q(2).thresholdDb(-40)).addresses(bite);
            s.step("colour", saturation(Saturation.Curve.TAPE, 6).mixPercent(50).oversampling(2),
                    stereoWidth(120).monoBassBelowHz(120), gain(-1), clipGain(middle, -2).rampMs(20));
            s.step("loudness", limiter().ceilingDbtp(-1).targetLufs(-16));
            s.step("safety", limiter().ceilingDbtp(-0.8).releaseMs(60).oversampling(8));
            s.check("loudness", integratedLufs(), within(-16, 0.5));
            s.check("true peak", truePeakDbtp(), atMost(-0.8));
            s.check("range", loudnessRangeLu(), between(0, 20));
            s.check("eq left room", truePeakDbtp(), atLeast(-20)).after(s.steps().get(1));
            s.render("golden-master-24.wav", wav24().dither(tpdf(20_250_922)));
            s.render("golden-master-16.wav", wav16().dither(shapedDither()));
        }
        Path json = folder.resolve(JSON);
        SessionJson.write(SessionRecord.of(s, json, "0.1.0-SNAPSHOT"), json);
        return json;
    }

    /** Regenerates the golden file into the given folder (default: the test resources). */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "src/test/resources/sessions");
        Path work = Files.createTempDirectory("golden-session");
        Path json = run(work);
        Files.createDirectories(target);
        Files.copy(json, target.resolve(JSON), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("wrote " + target.resolve(JSON) + " (outputs in " + work + ")");
    }
}
