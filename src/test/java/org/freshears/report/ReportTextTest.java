package org.freshears.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.freshears.chain.Limiter;
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
}
