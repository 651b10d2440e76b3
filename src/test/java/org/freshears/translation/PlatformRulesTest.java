package org.freshears.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.measure.Analysis;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

class PlatformRulesTest {
    private final PlatformRules rules = PlatformRules.bundled();

    @Test
    void theDataFileHoldsTheIssuesPlatformsWithTheirSourcesAndDates() {
        assertEquals(List.of("spotify", "spotify:loud", "spotify:quiet", "apple", "youtube", "tidal", "amazon",
                "deezer"), rules.names());
        for (PlatformRule r : rules.all()) {
            assertTrue(r.source().startsWith("https://"), r + " cites a public source");
            assertTrue(r.checked().matches("\\d{4}-\\d{2}-\\d{2}"), r + " says when it was checked");
            assertTrue(List.of("verified", "reported", "assumed").contains(r.verification()), r.verification());
        }
        assertEquals(-14, rules.rule("spotify").referenceLufs());
        assertEquals(-11, rules.rule("spotify:loud").referenceLufs());
        assertEquals(PositiveGain.LIMITER, rules.rule("spotify:loud").positiveGain());
        assertEquals(-19, rules.rule("spotify:quiet").referenceLufs());
        assertEquals(-16, rules.rule("apple").referenceLufs());
        assertEquals(PositiveGain.NONE, rules.rule("youtube").positiveGain());
        assertEquals(-15, rules.rule("deezer").referenceLufs());
        assertEquals(rules.rule("spotify"), rules.rule("SPOTIFY:normal"));
    }

    @Test
    void spotifysOwnExampleAMinus20LufsTrackWithMinus5DbtpPeaksIsRaisedOnlyToMinus16() {
        NormalizedPlayback p = NormalizedPlayback.of(rules.rule("spotify"), -20, -5);
        assertEquals(4.0, p.gainDb(), 1e-12);
        assertEquals(-16.0, p.playedLufs(), 1e-12);
        assertEquals(-1.0, p.playedTruePeakDbtp(), 1e-12);
        assertEquals(NormalizedPlayback.TRUE_PEAK, p.limitedBy());
        assertEquals(-2.0, p.versusOthersLu(), 1e-12, "2 LU quieter than tracks that reach -14");
    }

    @Test
    void loudMastersAreTurnedDownEverywhereAndQuietOnesUpOnlyWhereThePlatformDoesIt() {
        NormalizedPlayback loud = NormalizedPlayback.of(rules.rule("youtube"), -8, -0.3);
        assertEquals(-6.0, loud.gainDb(), 1e-12);
        assertEquals(-6.3, loud.playedTruePeakDbtp(), 1e-12);
        assertEquals(NormalizedPlayback.NOTHING, loud.limitedBy());
        NormalizedPlayback quietOnTidal = NormalizedPlayback.of(rules.rule("tidal"), -18, -3);
        assertEquals(0.0, quietOnTidal.gainDb());
        assertEquals(NormalizedPlayback.TURNS_DOWN_ONLY, quietOnTidal.limitedBy());
        assertEquals(-4.0, quietOnTidal.versusOthersLu(), 1e-12);
        NormalizedPlayback quietOnApple = NormalizedPlayback.of(rules.rule("apple"), -18, -6);
        assertEquals(2.0, quietOnApple.gainDb(), 1e-12, "room to -1 dBTP: the whole 2 dB");
        assertEquals(NormalizedPlayback.NOTHING, quietOnApple.limitedBy());
        NormalizedPlayback peakAlreadyOver = NormalizedPlayback.of(rules.rule("spotify"), -16, 0.5);
        assertEquals(0.0, peakAlreadyOver.gainDb(), "no headroom: not turned up, and not down either");
    }

    @Test
    void spotifyLoudRaisesWhateverThePeakAndItsLimiterHoldsThePeaks() {
        // pink noise at about -20 LUFS with peaks near -6 dBTP: loud mode wants +9 dB, so peaks hit the limiter
        AudioBuffer master = Signals.pinkNoise(2, 48_000, 48_000 * 6, 0.05, 7);
        Analysis a = Analysis.withoutSpectrum(master, f -> { });
        PlatformRule loud = rules.rule("spotify:loud");
        NormalizedPlayback played = NormalizedPlayback.of(loud, master, a);
        assertEquals(NormalizedPlayback.LIMITER, played.limitedBy());
        assertEquals(-11 - a.integratedLufs(), played.gainDb(), 1e-12);
        assertTrue(played.playedTruePeakDbtp() <= -1.0 + 0.05, "limited: " + played.playedTruePeakDbtp());
        assertTrue(played.playedLufs() < -11 && played.playedLufs() > -13, "the limiter took a little: "
                + played.playedLufs());
    }

    @Test
    void unknownNamesAreRefusedListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rules.select("spotify,napster"));
        assertEquals("unknown platform \"napster\"; valid: spotify, spotify:loud, spotify:quiet, apple, youtube, tidal, "
                + "amazon, deezer", e.getMessage());
        assertEquals(4, rules.select("spotify,apple").size(), "a bare name brings every mode");
    }

    @Test
    void aMalformedRowIsRefusedNamingItsLine() {
        String header = "platform\tmode\treferenceLufs\tpositiveGain\tpeakCeilingDbtp\tchecked\tverification\tsource\tnotes\n";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PlatformRules.parse(
                "# c\n" + header + "x\tnormal\t-14\tsometimes\t-1\t2026-12-01\tverified\thttps://x\tn\n"));
        assertEquals("platforms.tsv line 3: positiveGain must be none, peak or limiter, got \"sometimes\"", e.getMessage());
    }
}
