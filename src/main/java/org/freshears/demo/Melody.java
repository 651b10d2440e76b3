package org.freshears.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * A melody written as text, "E5 1.5, D5 .5, r 1 | ..." (note name with octave, or r for a rest, then
 * a length in beats; bars separated by |), parsed into notes with their beat offsets. Text keeps the
 * tune readable and editable by a musician.
 */
final class Melody {
    record Note(double beat, double lengthBeats, int midiNote) {
    }

    private static final String NAMES = "C D EF G A B";

    private Melody() {
    }

    static List<Note> parse(String text, int beatsPerBar) {
        List<Note> notes = new ArrayList<>();
        String[] bars = text.split("\\|");
        for (int bar = 0; bar < bars.length; bar++) {
            double beat = bar * beatsPerBar;
            for (String token : bars[bar].split(",")) {
                String[] parts = token.trim().split("\\s+");
                double length = Double.parseDouble(parts[1]);
                if (!parts[0].equals("r")) {
                    notes.add(new Note(beat, length, midi(parts[0])));
                }
                beat += length;
            }
            if (beat != (bar + 1) * beatsPerBar) {
                throw new IllegalArgumentException("bar " + (bar + 1) + " of the melody has "
                        + (beat - bar * beatsPerBar) + " beats, not " + beatsPerBar);
            }
        }
        return List.copyOf(notes);
    }

    /** "A4" -> 69, "C#5" -> 73, "Bb3" -> 58 (scientific pitch notation, C4 = MIDI 60). */
    static int midi(String name) {
        int semitone = NAMES.indexOf(name.charAt(0));
        int i = 1;
        if (name.charAt(i) == '#') {
            semitone++;
            i++;
        } else if (name.charAt(i) == 'b') {
            semitone--;
            i++;
        }
        int octave = Integer.parseInt(name.substring(i));
        return 12 * (octave + 1) + semitone;
    }
}
