package org.freshears.session.file;

import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.tpdf;
import static org.freshears.Mastering.wav16;
import static org.freshears.Mastering.wav24;
import static org.freshears.Mastering.wav32f;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavContents;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavWriter;
import org.freshears.chain.RateConversion;
import org.freshears.io.FileHashes;
import org.freshears.measure.Analysis;
import org.freshears.report.HtmlReport;
import org.freshears.report.ReportInput;
import org.freshears.session.Display;
import org.freshears.session.Progress;
import org.freshears.session.RenderRecord;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master made from a 96 kHz mix, delivered at 96 kHz, 48 kHz and 44.1 kHz from one session: each converted
 * after the chain and before dither, each measured on its own file, each recorded with its rate, and each
 * replayed to the same bits, here and (when another JDK is installed) under another JDK.
 */
class DeliverablesTest {
    /** The stored session's outputs: what every replay of it must render. */
    static final List<String> OUTPUT_SHA256 = List.of(
            "38bf2dfed22bc53ea9b892b6bb152e071ddde2998a6b6322e6c256c0cf6c22c4",  // master-96k24.wav
            "bdcffb5ed9783adaa93d56795dd5e8c618f234d41a08e02ac82911d9b2e02ef8",  // master-48k24.wav
            "5669875986b8562a678151038d0092957a334e77687196055a88e7c298d1b096"); // master-44k16.wav
    static final String MIX_SHA256 = "54d4d6c6433c72b6be0465d5ec225450f32282fdd3cbf7742cc29c296658ca90";

    @TempDir
    Path dir;

    @Test
    void eachDeliverableIsConvertedMeasuredOnItsOwnAndRecordedWithItsRate() throws Exception {
        Session s = DeliverablesSession.run(dir);
        int[] rates = {96_000, 48_000, 44_100};
        int[] bits = {24, 24, 16};
        int mixFrames = s.mix().audio().frames();
        List<RenderRecord> renders = s.renders();
        for (int i = 0; i < 3; i++) {
            RenderRecord r = renders.get(i);
            WavContents file = WavReader.read(r.path());
            assertEquals(rates[i], file.format().sampleRate(), r.path().toString());
            assertEquals(rates[i], r.sampleRateHz());
            assertEquals(bits[i], file.format().bitsPerSample());
            // As long as the master: ceil(frames * new rate / old rate), the end not cut.
            assertEquals((long) Math.ceil(mixFrames * (double) rates[i] / DeliverablesSession.MIX_RATE_HZ),
                    file.audio().frames());
            Analysis own = Analysis.of(file.audio());
            assertEquals(own.integratedLufs(), r.integratedLufs(), 1e-9, "loudness of " + r.path());
            assertEquals(own.truePeakDbtp(), r.truePeakDbtp(), 1e-9, "true peak of " + r.path());
        }
        // The 96 kHz master holds a 30 kHz tone the 44.1 kHz file cannot: their loudness and true peak differ.
        assertTrue(renders.get(0).truePeakDbtp() - renders.get(2).truePeakDbtp() > 0.3, renders.toString());
        assertTrue(renders.get(0).integratedLufs() - renders.get(2).integratedLufs() > 0.3, renders.toString());
        assertTrue(renders.get(2).toString().contains("(16-bit PCM, 44.1 kHz, Dither[tpdf"), renders.get(2).toString());
        String report = HtmlReport.render(new ReportInput("deliverables", dir.resolve("d.jsh"), s, List.of(),
                Optional.empty(), "test"), dir);
        for (String format : List.of("24-bit PCM, 96 kHz", "24-bit PCM, 48 kHz", "16-bit PCM, 44.1 kHz")) {
            assertTrue(report.contains("<td>" + format + "</td>"), format + " in the report's table of renders");
        }

        SessionRecord record = SessionJson.read(dir.resolve(DeliverablesSession.JSON));
        assertEquals(List.of(96_000, 48_000, 44_100),
                record.renders().stream().map(r -> r.format().sampleRate()).toList());
        assertEquals(RateConversion.ALGORITHM_VERSION, record.algorithms().sampleRateConverter());
        assertEquals(OUTPUT_SHA256, record.renders().stream().map(SessionRecord.Render::sha256).toList(),
                "the same bits as the stored session's");
    }

    @Test
    void conversionComesAfterTheChainAndBeforeDither() throws Exception {
        Session s = DeliverablesSession.run(dir);
        // By hand: the master converted, then written with the same dither, gives the session's bytes.
        Path byHand = dir.resolve("by-hand.wav");
        WavWriter.write(RateConversion.to(44_100, s.master(), f -> { }), byHand,
                wav16().sampleRate(44_100).dither(tpdf()));
        assertEquals(s.renders().get(2).sha256(), FileHashes.sha256(byHand));
        // Asking for the master's own rate converts nothing: the same bytes as not asking.
        s.render("own-rate.wav", wav24().sampleRate(96_000).dither(tpdf()));
        assertEquals(s.renders().get(0).sha256(), s.renders().get(3).sha256());
    }

    @Test
    void theStoredSessionReadsWritesBackToItsBytesAndReplaysToThePinnedBits() throws Exception {
        Path json = DeliverablesSession.install(dir);
        assertEquals(MIX_SHA256, FileHashes.sha256(dir.resolve(DeliverablesSession.MIX)));
        SessionRecord record = SessionJson.read(json);
        assertArrayEquals(Files.readAllBytes(json), SessionJson.toBytes(record));
        ReplayReport report = Replay.run(json, null, null, Progress.Factory.NONE);
        assertEquals(OUTPUT_SHA256, report.outputs().stream().map(ReplayReport.OutputResult::actualSha256).toList());
        assertTrue(report.allIdentical());
        assertEquals(44_100, WavReader.read(dir.resolve("replay/master-44k16.wav")).format().sampleRate());
    }

    @Test
    void anOlderSessionWithoutRatesReadsAsTheMixRateAndKeepsItsBytes() throws Exception {
        Path json = GoldenSession.install(dir);
        SessionRecord record = SessionJson.read(json);
        for (SessionRecord.Render r : record.renders()) {
            assertNull(r.format().sampleRate(), "an older render has no sampleRate: the mix's rate");
            assertEquals(WavOutputFormat.MASTER_RATE, r.outputFormat().sampleRateHz());
        }
        assertNull(record.algorithms().sampleRateConverter());
        String text = new String(SessionJson.toBytes(record), StandardCharsets.UTF_8);
        assertFalse(text.contains("sampleRateConverter"), "written back without the converter");
        assertEquals(text.indexOf("\"sampleRate\""), text.lastIndexOf("\"sampleRate\""),
                "written back with the mix's rate only, the renders' left out as they were");
    }

    @Test
    void aRateTheConverterCannotReachOrOutOfRangeIsRefusedOnLoading() throws Exception {
        Path json = DeliverablesSession.install(dir);
        String text = Files.readString(json);
        Files.writeString(json, text.replace("\"sampleRate\": 44100", "\"sampleRate\": 44101"));
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionJson.read(json));
        assertEquals(json + ": render 3 ('master-44k16.wav'): cannot convert 96000 Hz to 44101 Hz: the ratio reduces"
                + " to 44101/96000, whose filter would need 44101 phases of 431 taps; choose a standard rate (44100,"
                + " 48000, 88200, 96000, 176400, 192000 Hz, ...)", e.getMessage());
        Files.writeString(json, text.replace("\"sampleRate\": 44100", "\"sampleRate\": 4000"));
        e = assertThrows(SessionFormatException.class, () -> SessionJson.read(json));
        assertTrue(e.getMessage().contains("sample rate must be 8000 to 384000 Hz, got 4000"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("replay")), "nothing written");
    }

    @Test
    void aRenderNameMustEndInItsFormatsExtensionWhichTheMessageNames() throws Exception {
        Path mix = DeliverablesSession.writeMix(dir);
        Session s = Session.open(mix, new SessionContext(dir.resolve("out"), Display.NONE, Progress.Factory.NONE));
        for (WavOutputFormat format : List.of(wav16(), wav24(), wav32f())) {
            assertEquals(".wav", format.extension());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.render("master-44k16.flac", wav16().sampleRate(44_100).dither(tpdf())));
        assertEquals("cannot render master-44k16.flac: the output is a WAV file (16-bit PCM, 44.1 kHz, " + tpdf()
                + "), so its name must end in .wav (for example master-44k16.wav); other formats are not written",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.render("master.wav.mp3", wav32f()));
        assertThrows(IllegalArgumentException.class, () -> s.render("master-wav", wav24()));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written, not even the folder");
        s.render("Master.WAV", wav32f().sampleRate(48_000));
        assertEquals(48_000, WavReader.read(dir.resolve("out/Master.WAV")).format().sampleRate());
    }

    @Test
    void aRateIsCheckedWhenWrittenAndTheWriterWillNotMislabelAudio() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wav16().sampleRate(44));
        assertEquals("sample rate must be 8000 to 384000 Hz, got 44 (if you meant 44 kHz, write 44000)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> wav24().sampleRate(768_000));
        assertEquals("WavOutputFormat[bitsPerSample=16, floatingPoint=false, dither=" + tpdf()
                + ", sampleRateHz=44100]", wav16().dither(tpdf()).sampleRate(44_100).toString());
        assertEquals(wav16().sampleRate(44_100).dither(tpdf()), wav16().dither(tpdf()).sampleRate(44_100));
        assertTrue(wav24().toString().endsWith("sampleRateHz=the master's]"));
        e = assertThrows(IllegalArgumentException.class, () -> WavWriter.write(DeliverablesSession.mix(),
                dir.resolve("x.wav"), wav24().sampleRate(44_100)));
        assertEquals("the format asks for 44100 Hz but the audio is at 96000 Hz: convert it first", e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.wav")));
        Path mix = DeliverablesSession.writeMix(dir);
        Session s = Session.open(mix, new SessionContext(dir.resolve("out"), Display.NONE, Progress.Factory.NONE));
        e = assertThrows(IllegalArgumentException.class, () -> s.render("odd.wav", wav24().sampleRate(44_101)));
        assertTrue(e.getMessage().startsWith("cannot convert 96000 Hz to 44101 Hz"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    /**
     * A master limited to -1 dBTP at 48 kHz (the demo song's chorus) reads higher once converted to 44.1 kHz:
     * the conversion takes away what lies above 20 kHz, and the peaks move. The render says so; the render at
     * the master's own rate says nothing.
     */
    @Test
    void aConversionThatRaisesTheTruePeakIsPointedOut() throws Exception {
        AudioBuffer chorus = WavReader.read(Path.of("samples/demo-mix.wav")).audio();
        chorus = chorus.slice(16 * 48_000, 24 * 48_000);
        Path mix = dir.resolve("chorus.wav");
        WavWriter.write(chorus, mix, WavOutputFormat.pcm24());
        List<String> shown = new ArrayList<>();
        Display display = new Display() {
            @Override
            public void text(String text) {
                shown.add(text);
            }
        };
        Session s = Session.open(mix, new SessionContext(dir, display, Progress.Factory.NONE));
        s.step("loudness", limiter().ceilingDbtp(-1).targetLufs(-12));
        s.render("stream.wav", wav24().dither(tpdf()));
        assertEquals(List.of(), shown);
        RenderRecord cd = s.render("cd.wav", wav16().sampleRate(44_100).dither(tpdf()));
        double masterDbtp = s.latest().analysis().truePeakDbtp();
        assertTrue(cd.truePeakDbtp() > masterDbtp + 0.05, cd + " against " + masterDbtp);
        assertEquals(List.of(String.format(Locale.ROOT, "note: %s: converting to 44.1 kHz raised the true peak from"
                + " %.2f dBTP (the master at 48 kHz) to %.2f dBTP; a lower limiter ceiling leaves room for it",
                dir.resolve("cd.wav"), masterDbtp, cd.truePeakDbtp())), shown);
    }

    /** As {@link CrossJdkReplayTest}, for the converted renders: skipped when no second JDK is found. */
    @Test
    void theDeliverablesReplayToTheSameBitsUnderAnotherJdk() throws Exception {
        Optional<Path> java = CrossJdkReplayTest.otherJava();
        assumeTrue(java.isPresent(), "no second JDK: the cross-JDK replay of converted renders is not tested");
        Path json = DeliverablesSession.install(dir);
        Path out = dir.resolve("stdout.txt");
        Process child = new ProcessBuilder(java.get().toString(), "-Xmx1g", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.freshears.cli.Main", "replay", json.toString(),
                "--out", dir.resolve("other-jdk").toString())
                .redirectOutput(out.toFile()).redirectErrorStream(true).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the replay under " + java.get() + " took over 120 s");
        assertEquals(0, child.exitValue(), Files.readString(out));
        List<String> shas = Files.readAllLines(out).stream().filter(l -> l.startsWith("identical  "))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
        assertEquals(OUTPUT_SHA256, shas, "outputs under " + java.get());
    }
}
