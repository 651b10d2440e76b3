package org.freshears.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.freshears.audio.AudioBuffer;
import org.freshears.checklist.Band;
import org.freshears.checklist.TimeSpan;
import org.freshears.demo.DemoMix;
import org.freshears.demo.DemoMixSpec;
import org.freshears.demo.DemoMixes;
import org.freshears.demo.PlantedProblem;
import org.freshears.measure.Analysis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proof of issue 12 item 7: the demo mix's planted problems are found where they are; each kind planted
 * alone into a clean mix is found at its span and band; the clean mix has no problem finding. Prints the
 * table of hits, misses and false alarms per kind.
 */
class FindingsProofTest {
    static final DemoMixSpec SPEC = DemoMixSpec.sample();
    /** A clean print leaves headroom: the flat demo mix at a -6 dBFS peak. */
    static final double CLEAN_PEAK_DBFS = -6;
    static AudioBuffer clean;

    @BeforeAll
    static void makeClean() {
        clean = Plant.scaleToPeak(DemoMixes.flat(SPEC), CLEAN_PEAK_DBFS);
    }

    static List<Finding> listen(AudioBuffer mix) {
        return Detectors.listen(mix, Analysis.withoutSpectrum(mix, f -> { }), FindingThresholds.DEFAULTS);
    }

    /** The span is right when it overlaps the truth by at least half of the shorter of the two. */
    static boolean rightSpan(TimeSpan found, TimeSpan truth, double duration) {
        TimeSpan f = found == null ? new TimeSpan(0, duration) : found;
        TimeSpan t = truth == null ? new TimeSpan(0, duration) : truth;
        double overlap = Math.min(f.toSeconds(), t.toSeconds()) - Math.max(f.fromSeconds(), t.fromSeconds());
        return overlap >= 0.5 * Math.min(f.durationSeconds(), t.durationSeconds()) - 1e-9;
    }

    /** The band is right when the found band's centre lies inside the truth (any band fits no truth). */
    static boolean rightBand(Band found, Band truth) {
        if (truth == null) {
            return true;
        }
        double centre = found == null ? Double.NaN : found.centreHz();
        return found != null && centre >= truth.lowHz() && centre <= truth.highHz();
    }

    @Test
    void aCleanMixHasNoProblem() {
        List<Finding> findings = listen(clean);
        assertEquals(List.of(), findings.stream().filter(Finding::isProblem).toList());
    }

    @Test
    void theDemoMixsPlantedProblemsAreFoundWhereTheyAre() {
        AudioBuffer demo = DemoMix.generate(SPEC);
        List<Finding> findings = listen(demo);
        List<String> missed = new ArrayList<>();
        for (PlantedProblem p : DemoMix.describe(SPEC).problems()) {
            FindingKind kind = switch (p.name()) {
                case DemoMix.LOW_MID_BUILD_UP -> FindingKind.LOW_MID_BUILDUP;
                case DemoMix.HARSH_CYMBALS -> FindingKind.HARSHNESS;
                case DemoMix.HOT_PEAK -> FindingKind.NO_HEADROOM;
                case DemoMix.LOUD_CHORUS -> FindingKind.SECTION_LOUDNESS_SPREAD;
                default -> throw new AssertionError("a planted problem without a kind: " + p.name());
            };
            TimeSpan span = new TimeSpan(p.startSeconds(), p.endSeconds());
            Band band = p.highHz() - p.lowHz() > 15_000 ? null : new Band(p.lowHz(), p.highHz());
            boolean found = findings.stream().anyMatch(f -> f.kind() == kind
                    && (kind == FindingKind.NO_HEADROOM ? f.span().overlaps(span) || anyAccent(f, demo)
                            : rightSpan(f.span(), span, demo.durationSeconds()))
                    && rightBand(f.band(), band));
            if (!found) {
                missed.add(p.name() + " " + span + " " + band);
            }
        }
        assertEquals(List.of(), missed, () -> "found: " + findings);
    }

    /** The headroom finding points at the loudest peak: one of the accents, which the plan lists one by one. */
    private static boolean anyAccent(Finding f, AudioBuffer demo) {
        return DemoMix.describe(SPEC).problems().stream().filter(p -> p.name().equals(DemoMix.HOT_PEAK))
                .anyMatch(p -> f.span().overlaps(new TimeSpan(p.startSeconds(), p.endSeconds())));
    }

    @Test
    void eachKindPlantedAloneIsFoundAtItsSpanAndBand() {
        List<String> rows = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (Plant plant : Plant.all()) {
            AudioBuffer mix = plant.apply().apply(clean);
            List<Finding> findings = listen(mix);
            Finding hit = findings.stream().filter(f -> f.kind() == plant.kind()
                    && rightSpan(f.span(), plant.span(), mix.durationSeconds()) && rightBand(f.band(), plant.band()))
                    .findFirst().orElse(null);
            List<Finding> others = findings.stream().filter(f -> f.kind() != plant.kind()
                    && !plant.implied().contains(f.kind()) && f.severity() != Severity.INFO).toList();
            rows.add(String.format(Locale.ROOT, "%-24s %-4s %-8s %-36s %s", plant.kind().jsonName(),
                    hit == null ? "MISS" : "hit", hit == null ? "" : hit.severity().jsonName(),
                    hit == null ? findings.stream().filter(f -> f.kind() == plant.kind()).map(Finding::where)
                            .collect(Collectors.joining("; ")) : hit.where(),
                    others.stream().map(f -> f.kind().jsonName() + "(" + f.severity().jsonName() + ")")
                            .collect(Collectors.joining(", "))));
            if (hit == null) {
                misses.add(plant.kind().jsonName());
            }
            others.stream().filter(Finding::isProblem).forEach(f -> falseAlarms.add(plant.kind().jsonName() + " -> "
                    + f.kind().jsonName() + ": " + f.evidence()));
        }
        System.out.println("planted kind             hit  severity where found                          other warnings/problems");
        rows.forEach(System.out::println);
        assertEquals(List.of(), misses, String.join("\n", rows));
        assertEquals(List.of(), falseAlarms, String.join("\n", rows));
        assertTrue(rows.size() == FindingKind.values().length, "one plant per kind");
    }
}
