package org.freshears.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freshears.chain.Bell;
import org.freshears.chain.Compressor;
import org.freshears.chain.Gain;
import org.freshears.chain.HighPass;
import org.freshears.chain.Limiter;
import org.freshears.chain.MultibandCompressor;
import org.freshears.checklist.TimeSpan;
import org.junit.jupiter.api.Test;

/** The report's text helpers: escaping, numbers, settings. */
class ReportTextTest {

    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;s",
                Html.escape("<script>alert(1)</script> & \"quotes\" 's"));
        assertEquals("a\uFFFDb\tc\nd", Html.escape("a\u0007b\tc\nd"));
        assertEquals("", Html.escape(null));
        assertEquals("<td class=\"x&quot;&gt;\">&lt;b&gt;</td>", new Html().element("td", "<b>", "class", "x\">")
                .toString());
        assertEquals("<meta charset=\"utf-8\"/>", new Html().empty("meta", "charset", "utf-8", "skipped", null)
                .toString());
    }

    @Test
    void numbersHaveFixedDecimalsAndADashForNothing() {
        assertEquals("-14.0", Figures.fixed(-14.04, 1));
        assertEquals("-13.96 LUFS", Figures.fixed(-13.9649, 2, "LUFS"));
        assertEquals("0.0", Figures.fixed(-0.04, 1), "no negative zero");
        assertEquals("\u2014", Figures.fixed(Double.NaN, 1));
        assertEquals("\u2014", Figures.fixed(Double.NEGATIVE_INFINITY, 1, "dBFS"));
        assertEquals("+1.3", Figures.signed(1.25001, 1));
        assertEquals("-0.4", Figures.signed(-0.4, 1));
        assertEquals("0.0", Figures.signed(-0.01, 1));
        assertEquals("0.0", Figures.signed(0.04, 1));
        assertEquals("0:16", Figures.clock(16));
        assertEquals("1:05.25", Figures.clock(65.25));
        assertEquals("35.000%", Timeline.percent(3.5, 10));
        assertEquals("100.000%", Timeline.percent(12, 10), "clamped to the bar");
    }

    @Test
    void settingsReadAsNamesAndRoundedValues() {
        Limiter l = new Limiter().inputGainDb(7.151734120861);
        assertEquals("Limiter(ceilingDbtp -1, releaseMs 100, lookaheadMs 5, oversampling 4, inputGainDb 7.152)",
                SettingsText.of(l));
        assertEquals("LoudnessTarget(targetLufs -14, limiter Limiter(ceilingDbtp -1, releaseMs 100, lookaheadMs 5, "
                + "oversampling 4, inputGainDb 0))", SettingsText.of(new Limiter().targetLufs(-14)));
        assertEquals("[1000, 0.5]", SettingsText.of(List.of(1000.0, 0.5)));
    }

    @Test
    void stepsAreNamedInTheDslsWords() {
        assertEquals("limiter to -14 LUFS, ceiling -1 dBTP", StepWords.of(new Limiter().ceilingDbtp(-1)
                .targetLufs(-14)));
        assertEquals("limiter, ceiling -0.5 dBTP, drive +3.25 dB", StepWords.of(new Limiter().ceilingDbtp(-0.5)
                .inputGainDb(3.25)));
        assertEquals("bell 270 Hz -4 dB Q 1.4, mid, linear phase", StepWords.of(new Bell(270, -4).q(1.4).mid()
                .linearPhase()));
        assertEquals("high-pass 25 Hz, 24 dB/oct", StepWords.of(new HighPass(25).slope(24)));
        assertEquals("multiband at 200 Hz, 2 kHz (-24 dB 2:1; -24 dB 2:1; -24 dB 2:1)",
                StepWords.of(MultibandCompressor.of(200, 2000).allBands(Compressor.defaults().thresholdDb(-24)
                        .ratio(2))));
        assertEquals("gain +1.5 dB; compressor -18 dB 1.5:1", StepWords.of(List.of(new Gain(1.5),
                Compressor.defaults().thresholdDb(-18).ratio(1.5))));
    }

    @Test
    void aProblemBandTooLongForItsBarIsWrittenWholeBesideIt() {
        // 2 s of a 4-minute song: a bar about 0.4 rem wide cannot hold "60 Hz-160 Hz" (it was cut to "60 Hz-16").
        Html late = new Html();
        Timeline.problemLane(late, "rumble", new TimeSpan(200, 202), "60 Hz-160 Hz", 240);
        assertTrue(late.toString().contains("<span class=\"problem\" title=\"rumble: 60 Hz-160 Hz, 3:20\u20133:22\" "
                + "style=\"left:83.333%;width:0.833%\" data-loop-from=\"200.000\" data-loop-to=\"202.000\" "
                + "data-loop-label=\"rumble: 60 Hz-160 Hz, 3:20\u20133:22\"></span>"), late.toString());
        assertTrue(late.toString().contains("<span class=\"beside left\" title=\"rumble: 60 Hz-160 Hz, "
                + "3:20\u20133:22\" style=\"right:16.667%\">60 Hz-160 Hz</span>"), late.toString());
        Html early = new Html();
        Timeline.problemLane(early, "rumble", new TimeSpan(0, 2), "60 Hz-160 Hz", 240);
        assertTrue(early.toString().contains("class=\"beside right\" title=\"rumble: 60 Hz-160 Hz, 0:00\u20130:02\" "
                + "style=\"left:0.833%\">60 Hz-160 Hz</span>"), early.toString());
        // A bar with room keeps its label inside.
        Html wide = new Html();
        Timeline.problemLane(wide, "mud", new TimeSpan(0, 60), "180 Hz-400 Hz", 240);
        assertTrue(wide.toString().contains("style=\"left:0.000%;width:25.000%\" data-loop-from=\"0.000\" "
                + "data-loop-to=\"60.000\" data-loop-label=\"mud: 180 Hz-400 Hz, 0:00\u20131:00\">180 Hz-400 Hz</span>"),
                wide.toString());
        assertFalse(wide.toString().contains("beside"), wide.toString());
    }
}
