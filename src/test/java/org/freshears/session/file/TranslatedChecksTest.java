package org.freshears.session.file;

import static org.freshears.Mastering.aac;
import static org.freshears.Mastering.atLeast;
import static org.freshears.Mastering.atMost;
import static org.freshears.Mastering.integratedLufs;
import static org.freshears.Mastering.keptFromMix;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.monoLossLu;
import static org.freshears.Mastering.playbackGainDb;
import static org.freshears.Mastering.spotify;
import static org.freshears.Mastering.truePeakDbtp;
import static org.freshears.Mastering.within;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.LossyCodec;
import org.freshears.checklist.CheckMetric;
import org.freshears.checklist.Metric;
import org.freshears.checklist.TranslatedMetric;
import org.freshears.session.CheckItem;
import org.freshears.session.CheckVerdict;
import org.freshears.session.Display;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks on translated figures: through a codec (ffmpeg runs for real), on a platform, in mono; judged on the
 * master, each codec run once per master, recorded in session.json by name and read back without ffmpeg.
 */
class TranslatedChecksTest {
    @TempDir
    static Path dir;
    /** The demo mix mastered as notebook 01 does: -14 LUFS, limited at -1 dBTP. */
    static Session plain;
    static final List<String> started = new ArrayList<>();

    @BeforeAll
    static void masterTheDemoMix() throws Exception {
        Path mix = dir.resolve("mix.wav");
        Files.copy(Path.of("samples/demo-mix.wav"), mix);
        Progress.Factory counting = label -> {
            started.add(label);
            return Progress.NONE;
        };
        plain = Session.open(mix, new SessionContext(dir.resolve("plain"), Display.NONE, counting));
        plain.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
        plain.check("survives AAC", truePeakDbtp().through(aac(256)), atMost(-1.0));
        plain.check("AAC keeps the loudness", integratedLufs().through(aac(256)), within(-14, 0.5));
        plain.check("Spotify plays it unchanged", playbackGainDb(spotify()), within(0, 1));
        plain.check("Spotify loud turns it up", playbackGainDb(spotify("loud")), within(3, 0.1));
        plain.check("mono keeps its loudness", monoLossLu(), atLeast(-1.5));
        plain.check("true peak", truePeakDbtp(), atMost(-1.0));
    }

    private static CheckVerdict verdict(Session s, String name) {
        return s.checklist().checks().stream().filter(v -> v.check().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aMasterLimitedAtMinusOneGoesOverThroughAacAndTheCodecRunsOncePerMaster() {
        CheckVerdict aac = verdict(plain, "survives AAC");
        assertFalse(aac.done(), aac.evidence());
        // measured -0.981 dBTP on the master as the session holds it (freshears run, its session.json)
        assertEquals(-0.98, aac.value(), 0.03, "AAC overshoots the -1 dBTP the limiter held: " + aac.evidence());
        assertTrue(aac.value() > -1.0, aac.evidence());
        assertTrue(aac.evidence().startsWith("true peak through aac:256 -0.9"), aac.evidence());
        assertTrue(verdict(plain, "true peak").done(), "the master itself holds -1 dBTP");
        CheckVerdict loudness = verdict(plain, "AAC keeps the loudness");
        assertTrue(loudness.done(), loudness.evidence());
        assertEquals(-14.0, loudness.value(), 0.2);
        plain.checklist();
        assertEquals(1, started.stream().filter(l -> l.startsWith("codec round trips")).count(),
                "two checks through aac:256, judged four times: one round trip " + started);
    }

    @Test
    void spotifyPlaysAMinus14MasterUnchangedAndItsLoudModeTurnsItUp() {
        CheckVerdict normal = verdict(plain, "Spotify plays it unchanged");
        assertTrue(normal.done(), normal.evidence());
        assertEquals(0.0, normal.value(), 0.05);
        assertTrue(normal.evidence().startsWith("playback gain on spotify normal +0.0"), normal.evidence());
        CheckVerdict loud = verdict(plain, "Spotify loud turns it up");
        assertEquals(3.0, loud.value(), 0.05);
        assertTrue(loud.done(), loud.evidence());
        CheckVerdict mono = verdict(plain, "mono keeps its loudness");
        assertTrue(mono.done(), mono.evidence());
        assertEquals(-0.4, mono.value(), 0.15, "the demo master's fold-down, as freshears translate prints it");
    }

    @Test
    void codecSafeLimitingPassesTheAacCheck() throws Exception {
        Path mix = dir.resolve("mix.wav");
        Session safe = Session.open(mix, new SessionContext(dir.resolve("safe"), Display.NONE, Progress.Factory.NONE));
        safe.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14).codecSafe(aac(256)));
        safe.check("survives AAC", truePeakDbtp().through(aac(256)), atMost(-1.0));
        CheckVerdict aac = verdict(safe, "survives AAC");
        assertTrue(aac.done(), aac.evidence());
        assertTrue(aac.value() <= -1.0 && aac.value() > -2.0, aac.evidence());
    }

    @Test
    void aMinus9MasterIsTurnedDownFiveDbAndFailsTheSpotifyCheck() throws Exception {
        Path mix = dir.resolve("noise.wav");
        WavWriter.write(Signals.pinkNoise(2, 44_100, 44_100 * 4, 0.1, 4), mix, WavOutputFormat.pcm24());
        Session loud = Session.open(mix, new SessionContext(dir.resolve("loud"), Display.NONE, Progress.Factory.NONE));
        loud.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-9));
        loud.check("Spotify plays it unchanged", playbackGainDb(spotify()), within(0, 1));
        CheckVerdict v = verdict(loud, "Spotify plays it unchanged");
        assertFalse(v.done(), v.evidence());
        assertEquals(-5.0, v.value(), 0.1, v.evidence());
    }

    @Test
    void antiPhaseChannelsLoseTheirLoudnessInMonoAndFail() throws Exception {
        AudioBuffer noise = Signals.pinkNoise(1, 44_100, 44_100 * 4, 0.2, 7);
        float[] left = noise.channel(0);
        float[] right = new float[left.length];
        for (int i = 0; i < left.length; i++) {
            right[i] = -0.9f * left[i]; // nearly anti-phase: (L+R)/2 keeps a twentieth
        }
        Path mix = dir.resolve("anti-phase.wav");
        WavWriter.write(new AudioBuffer(new float[][] {left, right}, 44_100, ChannelLayout.standard(2)), mix,
                WavOutputFormat.pcm24());
        Session s = Session.open(mix, new SessionContext(dir.resolve("anti"), Display.NONE, Progress.Factory.NONE));
        s.check("mono keeps its loudness", monoLossLu(), atLeast(-1.5));
        CheckVerdict v = verdict(s, "mono keeps its loudness");
        assertFalse(v.done(), v.evidence());
        // the fold-down is 0.05 L against channels of L and 0.9 L: about -26 dB below their mean power
        assertEquals(-25.6, v.value(), 0.5, v.evidence());
    }

    @Test
    void whereATranslatedCheckCannotBeMeasuredItIsRefusedAsItIsWritten() throws Exception {
        Path mix = dir.resolve("short-noise.wav");
        WavWriter.write(Signals.pinkNoise(2, 44_100, 44_100 * 2, 0.1, 5), mix, WavOutputFormat.pcm24());
        Session s = Session.open(mix, new SessionContext(dir.resolve("refused"), Display.NONE, Progress.Factory.NONE));
        s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
        CheckItem c = s.check("spare", monoLossLu(), atLeast(-3));
        IllegalArgumentException throughout = assertThrows(IllegalArgumentException.class, c::throughout);
        assertTrue(throughout.getMessage().contains("judged on the master only"), throughout.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.after("loudness"));
        IllegalArgumentException kept = assertThrows(IllegalArgumentException.class,
                () -> s.check("kept", monoLossLu(), keptFromMix(1)));
        assertTrue(kept.getMessage().contains("hold it to a fixed value"), kept.getMessage());
        IllegalArgumentException codec = assertThrows(IllegalArgumentException.class,
                () -> s.check("wma", truePeakDbtp().through(new LossyCodec("wma", 128)), atMost(-1)));
        assertEquals("unknown codec \"wma\"; valid: aac, mp3, opus, vorbis (as name:kbps, e.g. aac:256)",
                codec.getMessage());
        IllegalArgumentException metric = assertThrows(IllegalArgumentException.class,
                () -> Metric.LOUDNESS_RANGE_LU.through(aac(256)));
        assertTrue(metric.getMessage().startsWith("loudness range is not measured through a codec"), metric.getMessage());
    }

    @Test
    void theSessionFileRecordsTheMetricsByNameAndReadsThemBackWithoutMeasuring() throws Exception {
        Path json = dir.resolve("plain/session.json");
        Files.createDirectories(json.getParent());
        SessionJson.write(SessionRecord.of(plain, json, "test"), json);
        String text = Files.readString(json);
        assertTrue(text.contains("\"metric\": \"TRUE_PEAK_DBTP through aac:256\""), text);
        assertTrue(text.contains("\"metric\": \"INTEGRATED_LUFS through aac:256\""), text);
        assertTrue(text.contains("\"metric\": \"PLAYBACK_GAIN_DB on spotify:normal\""), text);
        assertTrue(text.contains("\"metric\": \"PLAYBACK_GAIN_DB on spotify:loud\""), text);
        assertTrue(text.contains("\"metric\": \"MONO_LOSS_LU\""), text);
        assertTrue(text.contains("\"metric\": \"TRUE_PEAK_DBTP\""), text);
        SessionRecord read = SessionJson.read(json);
        List<CheckMetric> metrics = read.checks().stream().map(SessionRecord.CheckEntry::metric).toList();
        assertEquals(List.of(new TranslatedMetric.ThroughCodec(Metric.TRUE_PEAK_DBTP, aac(256)),
                new TranslatedMetric.ThroughCodec(Metric.INTEGRATED_LUFS, aac(256)),
                new TranslatedMetric.PlaybackGain("spotify", "normal"), new TranslatedMetric.PlaybackGain("spotify", "loud"),
                new TranslatedMetric.MonoLoss(), Metric.TRUE_PEAK_DBTP), metrics);
        assertArrayEquals(Files.readAllBytes(json), SessionJson.toBytes(read), "written again, the same bytes");
    }

    @Test
    void anUnknownMetricNameIsRefusedNamingTheForms() throws Exception {
        Path json = dir.resolve("plain/session.json");
        Files.createDirectories(json.getParent());
        SessionJson.write(SessionRecord.of(plain, json, "test"), json);
        Path bad = dir.resolve("bad.session.json");
        Files.writeString(bad, Files.readString(json).replace("\"MONO_LOSS_LU\"", "\"MONO_LOSS_DB\""));
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionJson.read(bad));
        assertTrue(e.getMessage().contains("unknown metric \"MONO_LOSS_DB\"")
                && e.getMessage().contains("METRIC through CODEC:KBPS"), e.getMessage());
        assertTrue(e.getMessage().contains("check 5 ('mono keeps its loudness')"), e.getMessage());
        Files.writeString(bad, Files.readString(json).replace("\"MONO_LOSS_LU\"", "7"));
        SessionFormatException number = assertThrows(SessionFormatException.class, () -> SessionJson.read(bad));
        assertTrue(number.getMessage().contains("metric must be a string"), number.getMessage());
    }

    @Test
    void aTranslateOfTheSameMasterIsReusedAndANewMasterIsMeasuredAgain() throws Exception {
        Path mix = dir.resolve("reuse.wav");
        WavWriter.write(Signals.pinkNoise(2, 44_100, 44_100 * 2, 0.1, 9), mix, WavOutputFormat.pcm24());
        List<String> labels = new ArrayList<>();
        Session s = Session.open(mix, new SessionContext(dir.resolve("reuse"), Display.NONE, label -> {
            labels.add(label);
            return Progress.NONE;
        }));
        s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
        double translated = s.translate().codecs().get(0).truePeakDbtp();
        s.check("survives AAC", truePeakDbtp().through(aac(256)), atMost(-1.0));
        assertEquals(translated, verdict(s, "survives AAC").value(), "the translate() figure, not a new round trip");
        assertFalse(labels.stream().anyMatch(l -> l.startsWith("codec round trips")), labels.toString());
        s.step("quieter", org.freshears.Mastering.gain(-3));
        CheckVerdict after = verdict(s, "survives AAC");
        assertEquals(1, labels.stream().filter(l -> l.startsWith("codec round trips")).count(), labels.toString());
        assertEquals(translated - 3, after.value(), 0.3, "measured again on the new master: " + after.evidence());
        assertTrue(after.evidence().contains("in 'quieter'"), after.evidence());
    }
}
