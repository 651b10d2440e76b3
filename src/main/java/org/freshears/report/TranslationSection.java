package org.freshears.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.freshears.translation.CodecResult;
import org.freshears.translation.MonoReport;
import org.freshears.translation.BandReading;
import org.freshears.translation.NormalizedPlayback;
import org.freshears.translation.SystemReading;
import org.freshears.translation.TranslationReport;

/**
 * "Translation": where the master will be heard, as {@code s.translate()} measured it: each platform's
 * playback, each codec's round trip, mono, and the playback systems. The codecs' band differences are charted
 * beside it.
 */
final class TranslationSection {
    static final String ID = "translation";
    static final String CHART = "translation-codecs";

    private TranslationSection() {
    }

    static void tables(Html html, TranslationReport r) {
        html.open("section", "id", ID).newline().element("h2", "Translation").newline();
        html.element("p", String.format(Locale.ROOT, "The master (%s LUFS, %s dBTP) where people will play it: "
                + "each streaming platform's loudness normalization (rules and sources in platforms.tsv), each lossy "
                + "codec's round trip through ffmpeg %s measured with the same meters, and mono.",
                num(r.integratedLufs()), num(r.truePeakDbtp()), r.ffmpegVersion() == null ? "" : r.ffmpegVersion()),
                "class", "muted");
        row(html, true, "Platform", "Mode", "Reference", "Gain", "Played", "True peak", "Against others",
                "Limited by");
        for (NormalizedPlayback p : r.platforms()) {
            row(html, false, p.rule().platform(), p.rule().mode(), num(p.rule().referenceLufs()) + " LUFS",
                    signed(p.gainDb()) + " dB", num(p.playedLufs()) + " LUFS", num(p.playedTruePeakDbtp()) + " dBTP",
                    signed(p.versusOthersLu()) + " LU", p.limitedBy());
        }
        html.close("tbody").close("table").newline();
        if (!r.codecs().isEmpty()) {
            row(html, true, "Codec", "Loudness", "Change", "True peak", "Sample peak", "16-bit clips", "Ceiling",
                    "Encoder");
            for (CodecResult c : r.codecs()) {
                row(html, false, c.setting().label(), num(c.integratedLufs()) + " LUFS",
                        signed(c.loudnessChangeLu()) + " LU", num(c.truePeakDbtp()) + " dBTP",
                        num(c.samplePeakDbfs()) + " dBFS", String.valueOf(c.clippedSamples16()),
                        (c.overCeiling() ? "over " : "under ") + num(c.ceilingDbtp()), c.encoder());
            }
            html.close("tbody").close("table").newline();
        }
        MonoReport mono = r.mono();
        if (!Double.isNaN(mono.loudnessChangeLu())) {
            int worst = mono.worstBand();
            html.element("p", String.format(Locale.ROOT, "Mono ((L + R)/2): loudness %s LU, correlation %s "
                    + "(lowest second %s)%s.", signed(mono.loudnessChangeLu()), num(mono.correlation()),
                    num(mono.minCorrelation()), worst < 0 ? "" : String.format(Locale.ROOT,
                            ", the most lost in the %.0f Hz third octave (%s dB)", mono.bandCentresHz()[worst],
                            signed(mono.bandLossDb()[worst]))));
        }
        systems(html, r.systems());
    }

    /**
     * The playback systems: loudness through each, and the balance and each problem area's band against the
     * master heard directly, all level-matched (a band's dB against the song's loudness, its change shown).
     */
    private static void systems(Html html, List<SystemReading> systems) {
        if (systems.isEmpty()) {
            return;
        }
        html.element("h3", "Playback systems").newline();
        html.element("p", "The master through each playback system (approximations, documented in the README), "
                + "against the master heard directly: the loudness and its change, then the low (20–250 Hz), mid "
                + "(250 Hz–4 kHz) and high (4–20 kHz) balance and each problem area's band, level-matched (a band "
                + "against the song's loudness), in dB.", "class", "muted");
        List<String> head = new ArrayList<>(List.of("System", "Loudness", "Change", "Low", "Mid", "High"));
        for (BandReading b : systems.get(0).problems()) {
            head.add(String.format(Locale.ROOT, "%s %.0f–%.0f Hz", b.name(), b.lowHz(), b.highHz()));
        }
        row(html, true, head.toArray(String[]::new));
        for (SystemReading s : systems) {
            List<String> cells = new ArrayList<>(List.of(s.system().key() + (s.system().mono() ? " (mono)" : ""),
                    num(s.loudnessLufs()) + " LUFS", signed(s.loudnessChangeLu()) + " LU"));
            for (BandReading b : s.balance()) {
                cells.add(signed(b.changeDb()));
            }
            for (BandReading b : s.problems()) {
                cells.add(signed(b.changeDb()));
            }
            row(html, false, cells.toArray(String[]::new));
        }
        html.close("tbody").close("table").newline();
    }

    private static void row(Html html, boolean head, String... cells) {
        if (head) {
            html.open("table").open("thead").open("tr");
            for (String c : cells) {
                html.element("th", c, "scope", "col");
            }
            html.close("tr").close("thead").open("tbody").newline();
            return;
        }
        html.open("tr");
        for (String c : cells) {
            html.element("td", c);
        }
        html.close("tr").newline();
    }

    static List<String> codecNames(TranslationReport r) {
        return r.codecs().stream().map(c -> c.setting().label()).toList();
    }

    static List<double[]> codecDifferences(TranslationReport r) {
        return r.codecs().stream().map(c -> c.spectrum().differencesDb()).toList();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%+.1f", v);
    }
}
