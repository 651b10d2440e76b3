package org.freshears.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MelodyTest {

    @Test
    void noteNamesFollowScientificPitchNotation() {
        assertEquals(69, Melody.midi("A4"));
        assertEquals(60, Melody.midi("C4"));
        assertEquals(73, Melody.midi("C#5"));
        assertEquals(58, Melody.midi("Bb3"));
        assertEquals(440.0, Pitch.hz(69));
        assertEquals(261.6255653005986, Pitch.hz(60), 1e-12);
    }

    @Test
    void barsAreParsedIntoBeatOffsetsAndRestsAreSkipped() {
        assertEquals(List.of(new Melody.Note(0, 1.5, 76), new Melody.Note(2, 2, 69), new Melody.Note(4, 4, 74)),
                Melody.parse("E5 1.5, r .5, A4 2 | D5 4", 4));
    }

    @Test
    void aBarOfTheWrongLengthIsRejected() {
        assertEquals("bar 2 of the melody has 3.0 beats, not 4",
                assertThrows(IllegalArgumentException.class, () -> Melody.parse("E5 4 | D5 3", 4)).getMessage());
    }
}
