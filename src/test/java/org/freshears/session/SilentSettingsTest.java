package org.freshears.session;

import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.dynamicEq;
import static org.freshears.Mastering.fades;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.span;
import static org.freshears.Mastering.tpdf;
import static org.freshears.Mastering.trimSilence;
import static org.freshears.Mastering.wav16;
import static org.freshears.Mastering.wav24;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.checklist.TimeSpan;
import org.freshears.report.HtmlReport;
import org.freshears.report.ReportInput;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.freshears.report.SessionCharts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11.4-11.6: settings that went through silently and did harm now say so or are refused. The mix:
 * 2 s of silence, 10 s of pink noise around -20 dBFS, 1.4 s of silence (13.4 s).
 */
class SilentSettingsTest {
    static final int RATE = 48_000;

    @TempDir
    static Path dir;
    static Path mixFile;
    final List<String> shown = new ArrayList<>();

    @BeforeAll
    static void printTheMix() throws Exception {
        AudioBuffer mix = Signals.concat(Signals.silence(2, RATE, 2), Signals.pinkNoise(2, RATE, 10 * RATE, 0.05, 3),
                Signals.silence(2, RATE, 1.4));
        mixFile = dir.resolve("quiet-ends.wav");
        WavWriter.write(mix, mixFile, WavOutputFormat.float32());
    }

    private Session open() throws Exception {
        Display display = new Display() {
            @Override
            public void text(String text) {
                shown.add(text);
            }
        };
        return Session.open(mixFile, new SessionContext(dir.resolve("out"), display, Progress.Factory.NONE));
    }

    @BeforeEach
    void clean() {
        shown.clear();
    }

    private String report(Session s) {
        return HtmlReport.render(new ReportInput("t", dir.resolve("t.jsh"), s, new SessionCharts(s).all(), Optional.empty(),
                "test"), dir.resolve("out"));
    }

    @Test
    void aRenderNamedForAnotherFormatIsRefusedAndNothingIsWritten() throws Exception {
        Session s = open();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.render("master.mp3", wav16().dither(tpdf())));
        assertEquals("cannot render master.mp3: the output is a WAV file (16-bit PCM, " + tpdf() + "), so its name must"
                + " end in .wav (for example master.wav); other formats are not written", e.getMessage());
        assertFalse(Files.exists(dir.resolve("out/master.mp3")));
        assertThrows(IllegalArgumentException.class, () -> s.render("master", wav24()));
        s.render("Upper.WAV", wav24().dither(tpdf()));
        assertTrue(Files.isRegularFile(dir.resolve("out/Upper.WAV")));
        assertTrue(s.renders().size() == 1 && s.renders().get(0).path().endsWith("Upper.WAV"));
    }

    @Test
    void sixteenBitsWithoutDitherAreWrittenButWarnedInTheLogAndTheReport() throws Exception {
        Session s = open();
        s.render("dithered.wav", wav16().dither(tpdf()));
        assertEquals(List.of(), shown);
        s.render("truncated.wav", wav16());
        assertEquals(List.of("warning: " + dir.resolve("out/truncated.wav") + ": 16-bit without dither: the rounding to"
                + " 16 bits is truncation distortion that follows the music (audible in fades and quiet passages); add"
                + " .dither(tpdf()) for a steady noise floor instead"), shown);
        String html = report(s);
        assertEquals(1, html.split("Warning: 16-bit without dither", -1).length - 1, "one warning, on the 16-bit render");
        assertTrue(wav24().warning() == null && org.freshears.Mastering.wav32f().warning() == null);
    }

    @Test
    void dynamicsThatNeverActedSaySoInTheSummaryTheLogAndTheReport() throws Exception {
        Session s = open();
        StepRun idle = s.step("de-hiss", dynamicEq(7_000, -8).q(1.0).thresholdDb(-5));
        String never = "gain reduction: never acted; deepest 0.0 dB (its threshold was never crossed)";
        assertEquals(List.of(never), idle.notices());
        assertTrue(idle.toString().endsWith("\n  " + never), idle.toString());
        assertTrue(shown.contains("note: step 'de-hiss': " + never), shown.toString());

        StepRun noLimit = s.step("safety", limiter().ceilingDbtp(-1));
        assertEquals(List.of(never), noLimit.notices(), "noise at -20 dBFS never reaches -1 dBTP");
        StepRun glue = s.step("glue", compressor().thresholdDb(-40).ratio(2));
        assertEquals(List.of(), glue.notices(), "it acted: " + StepNotices.deepestDb(glue.gainReduction().get(0)));
        assertTrue(StepNotices.deepestDb(glue.gainReduction().get(0)) < -3);

        String html = report(s);
        assertEquals(2, html.split("Note: gain reduction: never acted; deepest 0.0 dB", -1).length - 1);
    }

    @Test
    void aStepThatChangesTheLengthSaysSo() throws Exception {
        Session s = open();
        StepRun tidy = s.step("tidy", trimSilence());
        double after = tidy.after().analysis().durationSeconds();
        assertTrue(after < 10.3 && after > 10, "trimmed to the noise and the kept margins: " + after);
        String change = String.format(java.util.Locale.ROOT, "changed the length: 0:13.400 -> %s (%+.3f s)",
                TimeSpan.format(after), after - 13.4);
        assertEquals(List.of(change), tidy.notices());
        assertTrue(tidy.toString().contains("\n  " + change), tidy.toString());
        assertEquals(List.of("note: step 'tidy': " + change), shown);
        assertTrue(report(s).contains("Note: " + change.replace(">", "&gt;")));
        assertEquals(List.of(), s.step("later", fades(0.5, 1)).notices(), "fades keep the length");
    }

    @Test
    void fadesLongerThanTheAudioAreRefused() throws Exception {
        Session s = open();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.step("fade", fades(10, 10)));
        assertEquals("fades of 10 s in and 10 s out last longer than the audio (13.400 s): they would overlap; if you"
                + " meant milliseconds, write fades(0.01, 0.01)", e.getMessage());
        s.step("fade", fades(6, 7.4));
    }

    @Test
    void spansPastTheEndAreCutWithAWarning() throws Exception {
        Session s = open();
        s.section("outro", "0:10", "0:20");
        s.problem("hiss", span("0:05", "0:15"), org.freshears.Mastering.band(5_000, 9_000));
        s.note(span("0:12", "0:14"), "tail");
        s.section("inside", "0:01", "0:13.4");
        assertEquals(List.of(
                "warning: section 'outro': span 0:10.000-0:20.000 ends after the end of the mix (0:13.400); cut to"
                        + " 0:10.000-0:13.400",
                "warning: problem 'hiss': span 0:05.000-0:15.000 ends after the end of the mix (0:13.400); cut to"
                        + " 0:05.000-0:13.400",
                "warning: note 'tail': span 0:12.000-0:14.000 ends after the end of the mix (0:13.400); cut to"
                        + " 0:12.000-0:13.400"), shown);
        assertEquals(new TimeSpan(10, 13.4), s.sections().get(0).span());
    }
}
