package org.freshears.demo;

import java.util.List;
import java.util.Locale;

/**
 * What is in a demo mix, as data a notebook, test or README can quote: tempo, key, chord loop, the
 * sections with their times, and the problems planted for a mastering pass to find.
 */
public record DemoMixStructure(double tempoBpm, int beatsPerBar, String key, List<String> progression,
        double durationSeconds, double samplePeakDbfs, List<SongSection> sections, List<PlantedProblem> problems) {

    public DemoMixStructure {
        progression = List.copyOf(progression);
        sections = List.copyOf(sections);
        problems = List.copyOf(problems);
    }

    /** The sections of one kind, in order. */
    public List<SongSection> sections(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).toList();
    }

    /** The problems with the given name, in time order. */
    public List<PlantedProblem> problems(String name) {
        return problems.stream().filter(p -> p.name().equals(name)).toList();
    }

    /** A plain-text table, one section or problem a line. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%.0f BPM, %d/4, %s, chords %s a bar each, %.2f s, peak %.1f dBFS%n",
                tempoBpm, beatsPerBar, key, String.join("-", progression), durationSeconds, samplePeakDbfs));
        text.append("sections:\n");
        for (SongSection s : sections) {
            text.append("  ").append(s).append('\n');
        }
        text.append("planted problems:\n");
        for (PlantedProblem p : problems) {
            text.append("  ").append(p).append('\n');
        }
        return text.toString();
    }
}
