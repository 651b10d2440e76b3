package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.testing.ExternalPrograms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FLAC files made by Debian's reference encoder ({@code flac}, libFLAC) decode to exactly the samples of
 * the WAV they were made from: every preset's choice of subframes, the --lax extremes (LPC order 32,
 * 15-bit coefficients, Rice partitions of order 8, the largest blocks), 8/16/24/32-bit, mono to 6
 * channels, and every stereo decorrelation (-m tries them all, --no-mid-side none).
 */
class FlacReaderTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void flacInstalled() {
        ExternalPrograms.assumeInstalled("flac", "--version");
    }

    @ParameterizedTest(name = "{0}-bit, {1} ch, {2} Hz, flac {3}")
    @CsvSource(delimiter = ';', value = {
        "16; 1; 44100; -0",
        "16; 2; 44100; -0",
        "16; 2; 48000; -5",
        "16; 2; 48000; -8",
        "24; 1; 48000; -5",
        "24; 2; 48000; -0",
        "24; 2; 96000; -5",
        "24; 2; 48000; -8",
        "24; 6; 48000; -8",
        "16; 6; 44100; -5",
        "8; 2; 22050; -5",
        "32; 2; 48000; -8",
        "24; 2; 48000; -8 --lax -l 32 -q 15 -r 0,8 -b 16384 -m",
        "16; 2; 44100; -8 --lax -l 32 -b 65535",
        "24; 2; 88200; --no-mid-side -l 4 -b 1152",
        "16; 3; 32000; -2 -b 192",
        "24; 8; 48000; -5 -b 4608",
        "24; 2; 48000; -8 -A tukey(0.5) -A partial_tukey(2) -A punchout_tukey(3) -p",
        "16; 2; 44100; --fast --disable-fixed-subframes -l 1",
        "16; 2; 44100; --disable-constant-subframes --disable-verbatim-subframes -l 0",
    })
    void decodesToTheSamplesOfTheWavItWasMadeFrom(int bits, int channels, int rateHz, String options)
            throws Exception {
        String name = bits + "-" + channels + "-" + rateHz + "-" + options.replaceAll("[^A-Za-z0-9]+", "_");
        Path wav = EncodedAudio.wav(dir, name + ".wav", bits, channels, rateHz, rateHz * 3 / 2 + 777, name.hashCode());
        Path flac = dir.resolve(name + ".flac");
        List<String> command = new ArrayList<>(List.of("flac", "--silent", "--force"));
        command.addAll(List.of(options.split(" ")));
        command.addAll(List.of("-o", flac.toString(), wav.toString()));
        ExternalPrograms.run(dir, command.toArray(String[]::new));

        WavContents expected = WavReader.read(wav);
        WavContents actual = AudioReader.read(flac);
        assertEquals(FlacReader.DECODING, actual.decoding());
        assertEquals(expected.format().channels(), actual.format().channels());
        assertEquals(rateHz, actual.format().sampleRate());
        assertEquals(bits, actual.format().validBitsPerSample());
        assertEquals(expected.audio().frames(), actual.audio().frames());
        for (int c = 0; c < channels; c++) {
            assertArrayEquals(expected.audio().channel(c), actual.audio().channel(c), "channel " + (c + 1));
        }
        assertEquals(List.of(), actual.warnings());

        // Streaming gives the same samples, block by block, whatever the block size.
        try (WavStream stream = AudioReader.open(flac)) {
            float[][] block = new float[channels][1000];
            int at = 0;
            for (int n; (n = stream.read(block)) > 0; at += n) {
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < n; i++) {
                        if (block[c][i] != expected.audio().channel(c)[at + i]) {
                            throw new AssertionError("stream differs at frame " + (at + i) + ", channel " + c);
                        }
                    }
                }
            }
            assertEquals(expected.audio().frames(), at);
        }
    }

    @ParameterizedTest
    @CsvSource({"mix.wav", "mix.aiff", "mix"})
    void theContentNotTheNameSaysWhatAFileIs(String name) throws Exception {
        Path wav = EncodedAudio.wav(dir, "named.wav", 16, 2, 44100, 10_000, 7);
        Path flac = dir.resolve("named-" + name);
        ExternalPrograms.run(dir, "flac", "--silent", "--force", "-o", flac.toString(), wav.toString());
        WavContents read = AudioReader.read(flac);
        assertEquals("FLAC", read.decoding().fileFormat());
        assertArrayEquals(WavReader.read(wav).audio().channel(1), read.audio().channel(1));
    }
}
