package org.freshears.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.Dither;
import org.freshears.audio.FlacEncoder;
import org.freshears.measure.LoudnessMeter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The album example's second song: another tune of the same generator, and the bundled file is its output. */
class NeonRainTest {
    private static AudioBuffer song;

    @BeforeAll
    static void render() {
        song = DemoMix.generate(DemoMixSpec.neonRain());
    }

    /** samples/neon-rain.flac is what {@code freshears demo --tune neon-rain --seconds 30} writes, byte for byte. */
    @Test
    void theBundledFileIsTheGeneratorsOutput() throws Exception {
        assertArrayEquals(Files.readAllBytes(Path.of("samples/neon-rain.flac")),
                new FlacEncoder(Dither.tpdf()).encode(song));
    }

    @Test
    void itIsAnotherSong() {
        DemoMixStructure s = DemoMix.describe(DemoMixSpec.neonRain());
        assertEquals(96, s.tempoBpm());
        assertEquals("C minor", s.key());
        assertEquals(List.of("Cm", "Ab", "Eb", "Bb"), s.progression());
        assertEquals(List.of("intro 1 0.0-5.0", "verse 1 5.0-15.0", "chorus 1 15.0-25.0", "outro 1 25.0-30.0"),
                s.sections().stream().map(x -> x.name() + " " + x.startSeconds() + "-" + x.endSeconds()).toList());
        assertEquals(30.0, song.durationSeconds());
        // Not the first song at another tempo: a different level over time.
        AudioBuffer first = DemoMix.generate(DemoMixSpec.sample());
        assertNotEquals(LoudnessMeter.integratedLufs(first), LoudnessMeter.integratedLufs(song), 0.1);
    }
}
