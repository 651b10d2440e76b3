package org.freshears.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.freshears.audio.SplitMix64;

/**
 * The arrangement: which instrument plays what, section by section, as note events in frames. The
 * harmony is the i-VI-III-VII loop Am-F-C-G, one chord a bar. The seed only humanises (small velocity
 * and hi-hat timing variations); the tune, chords and beats are the same for every seed.
 */
final class Score {
    /** Bass roots: A1, F1, C2, G1. */
    private static final int[] BASS_ROOTS = {33, 29, 36, 31};
    /** Close-voiced triads around middle C with smooth voice leading: Am, F, C, G. */
    private static final int[][] CHORDS = {{57, 60, 64}, {57, 60, 65}, {55, 60, 64}, {55, 59, 62}};
    static final List<String> PROGRESSION = List.of("Am", "F", "C", "G");

    private static final List<Melody.Note> VERSE_TUNE = Melody.parse(
            "E5 1.5, D5 .5, C5 1, A4 1 | C5 1.5, A4 .5, A4 1, r .5, D5 .5 | E5 1.5, G5 .5, E5 1, C5 1 | D5 3, r 1 |"
            + " E5 1, E5 .5, D5 .5, C5 1, D5 1 | C5 1.5, A4 .5, A4 2 | G4 1, C5 1, E5 1, G5 1 | D5 2, B4 1, r 1",
            SongForm.BEATS_PER_BAR);
    private static final List<Melody.Note> CHORUS_TUNE = Melody.parse(
            "A5 1.5, G5 .5, E5 2 | F5 1, E5 .5, D5 .5, C5 2 | E5 1, G5 1, C6 1.5, B5 .5 | B5 1, A5 .5, G5 .5, D5 2 |"
            + " A5 1.5, G5 .5, E5 1, A5 1 | C6 1.5, A5 .5, F5 2 | G5 1, E5 1, G5 1, C6 1 | B5 1, A5 1, G5 2",
            SongForm.BEATS_PER_BAR);

    /**
     * Velocities are linear amplitudes. Ordinary hits stay at or below 0.8 (0.86 humanised); accents
     * are hit harder, 1.25, so they stand at least 3 dB above any other hit of the same drum and define
     * the mix's peaks.
     */
    private static final double ACCENT_VELOCITY = 1.25;

    private final int sampleRate;
    private final int totalFrames;
    private final SplitMix64 human;
    private final DemoTune tune;
    private final List<NoteEvent> events = new ArrayList<>();

    private Score(int sampleRate, int totalFrames, long seed, DemoTune tune) {
        this.sampleRate = sampleRate;
        this.tune = tune;
        this.totalFrames = totalFrames;
        this.human = new SplitMix64(seed ^ 0x5C0_2E5L);
    }

    /** The events of the whole song, sorted by start frame (stable, so ties keep the written order). */
    static List<NoteEvent> compose(DemoMixSpec spec, List<SongSection> sections) {
        Score score = new Score(spec.sampleRate(), spec.frames(), spec.seed(), spec.tune());
        for (int s = 0; s < sections.size(); s++) {
            SongSection section = sections.get(s);
            boolean chorusNext = s + 1 < sections.size() && sections.get(s + 1).kind() == SectionKind.CHORUS;
            score.write(section, chorusNext);
        }
        score.events.sort(Comparator.comparingInt(NoteEvent::startFrame));
        return List.copyOf(score.events);
    }

    private void write(SongSection section, boolean chorusNext) {
        int bars = (int) Math.ceil(section.durationSeconds() / tune.barSeconds() - 1e-9);
        for (int bar = 0; bar < bars; bar++) {
            double barBeat = (section.firstBar() + bar) * SongForm.BEATS_PER_BAR;
            int chord = bar % PROGRESSION.size();
            boolean lastBar = bar == bars - 1;
            switch (section.kind()) {
                case INTRO -> intro(barBeat, chord);
                case VERSE -> verse(barBeat, chord, lastBar && chorusNext);
                case CHORUS -> chorus(barBeat, chord, bar);
                case OUTRO -> outro(barBeat, chord);
            }
        }
        if (section.kind() == SectionKind.VERSE) {
            melody(section, VERSE_TUNE);
        } else if (section.kind() == SectionKind.CHORUS) {
            melody(section, CHORUS_TUNE);
        }
    }

    private void intro(double barBeat, int chord) {
        chord(barBeat, chord, 0.9);
        for (int eighth = 0; eighth < 8; eighth++) {
            hat(barBeat + eighth * 0.5, Part.CLOSED_HAT, eighth % 2 == 0 ? 0.6 : 0.4);
        }
    }

    private void verse(double barBeat, int chord, boolean fillIntoChorus) {
        chord(barBeat, chord, 0.8);
        bass(barBeat, chord, new double[] {0, 1.5, 2, 3, 3.5}, new int[] {0, 0, 0, 12, 0}, 0.7);
        drum(barBeat, Part.KICK, 0.8);
        drum(barBeat + 2, Part.KICK, 0.7);
        drum(barBeat + 2.5, Part.KICK, 0.55);
        drum(barBeat + 1, Part.SNARE, 0.7);
        for (int eighth = 0; eighth < 8; eighth++) {
            hat(barBeat + eighth * 0.5, Part.CLOSED_HAT, eighth % 2 == 0 ? 0.6 : 0.4);
        }
        if (fillIntoChorus) {
            // A 16th-note snare fill, growing into the chorus.
            for (int sixteenth = 0; sixteenth < 4; sixteenth++) {
                drum(barBeat + 3 + 0.25 * sixteenth, Part.SNARE, 0.55 + 0.1 * sixteenth);
            }
        } else {
            drum(barBeat + 3, Part.SNARE, 0.7);
        }
    }

    private void chorus(double barBeat, int chord, int bar) {
        chord(barBeat, chord, 1.0);
        bass(barBeat, chord, new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5}, new int[] {0, 0, 12, 0, 0, 0, 12, 0},
                0.8);
        for (int beat = 0; beat < 4; beat++) {
            if (bar % 4 == 0 && beat == 0) {
                // Kick and snare together at full velocity under the crash, at the chorus entry and its
                // midpoint: the mix's peaks, 3-4 dB above the backbeat.
                accent(barBeat, Part.KICK);
                accent(barBeat, Part.SNARE);
            } else {
                drum(barBeat + beat, Part.KICK, 0.7);
            }
            hat(barBeat + beat + 0.5, Part.OPEN_HAT, 0.45);
            note(barBeat + beat, 0.5, Part.RIDE, 81, beat % 2 == 0 ? 0.85 : 0.7, false);
        }
        drum(barBeat + 1, Part.SNARE, 0.65);
        drum(barBeat + 3, Part.SNARE, 0.65);
        if (bar % 4 == 0) {
            note(barBeat, 4, Part.CRASH, 69, 0.9, false);
        }
    }

    private void outro(double barBeat, int chord) {
        chord(barBeat, chord, 0.7);
        note(barBeat, 3.5, Part.BASS, BASS_ROOTS[chord] + tune.transposeSemitones(), 0.6, false);
        drum(barBeat, Part.KICK, 0.7);
        for (int beat = 0; beat < 4; beat++) {
            hat(barBeat + beat, Part.CLOSED_HAT, 0.4);
        }
    }

    private void chord(double barBeat, int chord, double velocity) {
        for (int midi : CHORDS[chord]) {
            note(barBeat, SongForm.BEATS_PER_BAR - 0.1, Part.CHORD, midi + tune.transposeSemitones(), velocity, false);
        }
    }

    private void bass(double barBeat, int chord, double[] beats, int[] intervals, double velocity) {
        for (int i = 0; i < beats.length; i++) {
            double next = i + 1 < beats.length ? beats[i + 1] : SongForm.BEATS_PER_BAR;
            note(barBeat + beats[i], 0.9 * (next - beats[i]), Part.BASS,
                    BASS_ROOTS[chord] + intervals[i] + tune.transposeSemitones(), velocity, false);
        }
    }

    private void melody(SongSection section, List<Melody.Note> tune) {
        double sectionBeat = section.firstBar() * SongForm.BEATS_PER_BAR;
        double lastBeat = this.tune.melodyBars() * SongForm.BEATS_PER_BAR;
        for (Melody.Note n : tune) {
            if (n.beat() >= lastBeat) {
                continue;
            }
            // Slightly detached (90 %) so repeated pitches re-articulate.
            note(sectionBeat + n.beat(), 0.9 * n.lengthBeats(), Part.LEAD, n.midiNote() + this.tune.transposeSemitones(),
                    0.8, false);
        }
    }

    /** A drum hit with +-8 % velocity humanisation (a drummer is never exactly even). */
    private void drum(double beat, Part part, double velocity) {
        note(beat, 0.25, part, 60, velocity * (1 + 0.08 * Oscillators.noise(human)), false);
    }

    private void accent(double beat, Part part) {
        note(beat, 0.25, part, 60, ACCENT_VELOCITY, true);
    }

    /** Hi-hats also get up to +-2 ms of timing drift, so they breathe against the quantised kick. */
    private void hat(double beat, Part part, double velocity) {
        double driftBeats = 0.002 * Oscillators.noise(human) / tune.beatSeconds();
        double length = part == Part.OPEN_HAT ? 0.5 : 0.25;
        note(Math.max(0, beat + driftBeats), length, part, 60, velocity * (1 + 0.1 * Oscillators.noise(human)), false);
    }

    private void note(double beat, double lengthBeats, Part part, int midi, double velocity, boolean accent) {
        int start = frame(beat);
        if (start >= totalFrames) {
            return;
        }
        int length = Math.max(1, frame(beat + lengthBeats) - start);
        events.add(new NoteEvent(start, length, part, midi, velocity, accent));
    }

    private int frame(double beat) {
        return (int) Math.round(beat * tune.beatSeconds() * sampleRate);
    }
}
