package org.freshears.session.file;

import static org.freshears.Mastering.highPass;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.tpdf;
import static org.freshears.Mastering.wav16;
import static org.freshears.Mastering.wav24;

import java.nio.file.Files;
import java.nio.file.Path;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.session.Display;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.testing.Signals;

/**
 * The deliverables session: a 96 kHz mix mastered once and delivered three times, at its own rate (24-bit),
 * for streaming (24-bit 48 kHz) and for CD (16-bit 44.1 kHz, TPDF). Its JSON lives in
 * {@code src/test/resources/sessions/}; {@link DeliverablesTest} replays it against {@link #mix()}.
 * Regenerate only for a new format version (keep the old file):
 * {@code java -cp target/test-classes:target/classes:... org.freshears.session.file.DeliverablesSession DIR}.
 */
public final class DeliverablesSession {
    public static final String JSON = "deliverables.session.json";
    public static final String MIX = "deliverables-mix.wav";
    public static final int MIX_RATE_HZ = 96_000;

    private DeliverablesSession() {
    }

    /**
     * 2.5 s of 96 kHz stereo, written as 24-bit PCM: pink noise, a 1 kHz tone, and a 30 kHz tone (ultrasonic
     * content a 96 kHz mix may hold and a 44.1 kHz file cannot), faded in and out. Only LCG noise, StrictMath
     * and float rounding: the same bytes on every JVM.
     */
    public static AudioBuffer mix() {
        int rate = MIX_RATE_HZ;
        double seconds = 2.5;
        AudioBuffer noise = Signals.pinkNoise(2, rate, (int) (seconds * rate), 0.08, 20_261_201);
        AudioBuffer tone = Signals.sine(2, rate, seconds, 1_000, -14);
        AudioBuffer ultrasonic = Signals.sine(2, rate, seconds, 30_000, -26);
        for (int c = 0; c < 2; c++) {
            float[] n = noise.channel(c);
            for (int i = 0; i < n.length; i++) {
                n[i] += tone.channel(c)[i] + ultrasonic.channel(c)[i];
            }
        }
        return Signals.fade(noise, 0.1, 0.1);
    }

    public static Path writeMix(Path folder) throws Exception {
        Path file = folder.resolve(MIX);
        WavWriter.write(mix(), file, WavOutputFormat.pcm24());
        return file;
    }

    /** Copies the stored session file and writes its mix into a folder; returns the copy's path. */
    public static Path install(Path folder) throws Exception {
        Path json = folder.resolve(JSON);
        try (var in = DeliverablesSession.class.getResourceAsStream("/sessions/" + JSON)) {
            Files.copy(java.util.Objects.requireNonNull(in, "deliverables session resource"), json);
        }
        writeMix(folder);
        return json;
    }

    /** Runs the session in a folder (mix, outputs and JSON all there); returns it, its JSON written. */
    public static Session run(Path folder) throws Exception {
        Session s = Session.open(writeMix(folder), new SessionContext(folder, Display.NONE, Progress.Factory.NONE));
        s.step("clean lows", highPass(25).slope(24));
        s.step("loudness", limiter().ceilingDbtp(-1).targetLufs(-11));
        s.render("master-96k24.wav", wav24().dither(tpdf()));
        s.render("master-48k24.wav", wav24().sampleRate(48_000).dither(tpdf()));
        s.render("master-44k16.wav", wav16().sampleRate(44_100).dither(tpdf()));
        Path json = folder.resolve(JSON);
        SessionJson.write(SessionRecord.of(s, json, "0.1.0-SNAPSHOT"), json);
        return s;
    }

    /** Regenerates the stored file into the given folder (default: the test resources). */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "src/test/resources/sessions");
        Path work = Files.createTempDirectory("deliverables-session");
        run(work);
        Files.createDirectories(target);
        Files.copy(work.resolve(JSON), target.resolve(JSON), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("wrote " + target.resolve(JSON) + " (outputs in " + work + ")");
    }
}
