package org.freshears.report;

import static org.freshears.Mastering.band;
import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.highPass;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.reduceBy;
import static org.freshears.Mastering.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.session.Display;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.testing.Signals;
import org.freshears.translation.PlaybackSystem;
import org.freshears.translation.SystemReading;
import org.freshears.translation.TranslationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code s.translate()}: the master through every platform, the default codecs and mono, in the report. */
class TranslationReportTest {
    @TempDir
    Path dir;

    @Test
    void translateMeasuresTheMasterAndTheReportGetsItsSectionAndChart() throws Exception {
        Path mix = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 44_100, 44_100 * 4, 0.1, 4), mix, WavOutputFormat.pcm24());
        List<String> printed = new ArrayList<>();
        Display display = new Display() {
            @Override
            public void text(String text) {
                printed.add(text);
            }
        };
        Session s = Session.open(mix, new SessionContext(dir.resolve("out"), display, Progress.Factory.NONE));
        s.step("loudness", limiter().ceilingDbtp(-1).targetLufs(-14));
        String before = HtmlReport.render(new ReportInput("t", dir.resolve("n.jsh"), s, List.of(), Optional.empty(), "0"));
        assertFalse(before.contains("id=\"translation\""), "no section until the notebook asks");
        TranslationReport r = s.translate();
        assertEquals(8, r.platforms().size());
        assertEquals(List.of("aac:256", "mp3:320", "opus:160", "vorbis:160"),
                r.codecs().stream().map(c -> c.setting().label()).toList());
        assertEquals(-14, r.integratedLufs(), 0.05);
        assertEquals(0.0, r.platforms().get(0).gainDb(), 0.05, "Spotify plays a -14 LUFS master unchanged");
        assertEquals(-3.0, r.mono().loudnessChangeLu(), 0.3, "uncorrelated channels lose 3 dB in mono");
        assertTrue(printed.stream().anyMatch(l -> l.startsWith("aac:256    true peak")), printed.toString());
        String html = HtmlReport.render(new ReportInput("t", dir.resolve("n.jsh"), s, List.of(), Optional.empty(), "0"));
        assertTrue(html.contains("<section id=\"translation\">"), "the section");
        assertTrue(html.contains("<a href=\"#translation\">Translation</a>"), "in the contents");
        assertTrue(html.contains("id=\"chart-translation-codecs\""), "the codecs' band differences, charted");
        assertTrue(html.contains("<td>spotify</td><td>normal</td><td>-14.0 LUFS</td>"), "the platform table");
        assertTrue(html.contains("<td>vorbis:160</td>"), "the codec table");
    }

    /**
     * Notebook 01's chain on the demo mix, translated: the playback systems read its two problem areas, as the
     * README's table (measured on demo-master.wav) has them, and the report shows that table.
     */
    @Test
    void translateReadsThePlaybackSystemsWithTheProblemAreasAndTheReportShowsThem() throws Exception {
        Path mix = dir.resolve("demo-mix.wav");
        java.nio.file.Files.copy(Path.of("samples/demo-mix.wav"), mix);
        List<String> printed = new ArrayList<>();
        Display display = new Display() {
            @Override
            public void text(String text) {
                printed.add(text);
            }
        };
        Session s = Session.open(mix, new SessionContext(dir.resolve("out"), display, Progress.Factory.NONE));
        var mud = s.problem("muddy low-mids", span("0:00", "0:32"), band(180, 400));
        var harsh = s.problem("harsh cymbals", span("0:16", "0:28"), band(5_000, 9_000)).expect(reduceBy(2));
        s.step("clean lows", highPass(25).slope(24), bell(270, -4).q(1.4)).addresses(mud);
        s.step("tame cymbals", bell(7_000, -4).q(1.2)).addresses(harsh);
        s.step("glue", compressor().thresholdDb(-20).ratio(1.5).attackMs(30).releaseMs(200));
        s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
        TranslationReport r = s.translate();
        assertEquals(List.of(PlaybackSystem.values()), r.systems().stream().map(SystemReading::system).toList());
        // README, "Playback systems": phone -18.5 LUFS (-4.5), low -29.8, mid +1.3, high +0.8, mud -14.4, cymbals +3.6
        SystemReading phone = r.systems().get(0);
        assertEquals(-18.5, phone.loudnessLufs(), 0.1);
        assertEquals(-4.5, phone.loudnessChangeLu(), 0.1);
        assertEquals(-29.8, phone.band("low").changeDb(), 0.1);
        assertEquals(1.3, phone.band("mid").changeDb(), 0.1);
        assertEquals(0.8, phone.band("high").changeDb(), 0.1);
        assertEquals(-14.4, phone.band("muddy low-mids").changeDb(), 0.1);
        assertEquals(3.6, phone.band("harsh cymbals").changeDb(), 0.1);
        // car: -13.1 LUFS (+0.9), low +2.5; club: low +3.0, high -3.5
        SystemReading car = r.systems().get(3);
        assertEquals(0.9, car.loudnessChangeLu(), 0.1);
        assertEquals(2.5, car.band("low").changeDb(), 0.1);
        SystemReading club = r.systems().get(4);
        assertEquals(3.0, club.band("low").changeDb(), 0.1);
        assertEquals(-3.5, club.band("high").changeDb(), 0.1);
        assertTrue(printed.stream().anyMatch(l -> l.startsWith("phone      loudness  -18.")
                && l.contains("; harsh cymbals +3.")), printed.toString());
        String html = HtmlReport.render(new ReportInput("t", dir.resolve("n.jsh"), s, List.of(), Optional.empty(), "0"));
        assertTrue(html.contains("<h3>Playback systems</h3>"), "the systems' table");
        assertTrue(html.contains("<th scope=\"col\">harsh cymbals 5000–9000 Hz</th>"), "a column per problem area");
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "<tr><td>phone (mono)</td><td>%.1f LUFS</td>"
                + "<td>%+.1f LU</td><td>%+.1f</td>", phone.loudnessLufs(), phone.loudnessChangeLu(),
                phone.band("low").changeDb())), "the phone's row");
        assertTrue(html.contains("<tr><td>laptop</td>"), "a stereo system, named as it is");
    }
}
