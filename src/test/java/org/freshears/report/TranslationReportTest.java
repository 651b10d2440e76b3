package org.freshears.report;

import static org.freshears.Mastering.limiter;
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
}
