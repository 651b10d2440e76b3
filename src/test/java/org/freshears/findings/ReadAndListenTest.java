package org.freshears.findings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavStream;
import org.freshears.audio.WavWriter;
import org.freshears.demo.DemoMix;
import org.freshears.demo.DemoMixSpec;
import org.freshears.measure.Analysis;
import org.freshears.measure.SpectrumTrack;
import org.freshears.measure.SpectrumTrackAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code listen} reads, measures and listens at once (issue 12 item 9): the findings and the analysis must be the
 * same bits as reading the file whole, measuring, then listening; and a fault in the middle of the file must
 * stop everything, the spectrum track's thread too.
 */
class ReadAndListenTest {
    @TempDir
    Path dir;

    @Test
    void readingWhileListeningFindsWhatListeningAfterReadingFinds() throws Exception {
        Path file = dir.resolve("demo.wav");
        WavWriter.write(DemoMix.generate(DemoMixSpec.sample()), file, WavOutputFormat.float32());
        AudioBuffer whole = WavReader.read(file).audio();
        Analysis measured = Analysis.withoutSpectrum(whole, f -> { });
        List<Finding> expected = Detectors.listen(whole, measured, FindingThresholds.DEFAULTS);

        List<Double> progress = new ArrayList<>();
        Detectors.Listening heard;
        try (WavStream stream = WavReader.open(file)) {
            heard = Detectors.readAndListen(stream, FindingThresholds.DEFAULTS, progress::add);
        }
        assertEquals(expected, heard.findings());
        assertFalse(expected.isEmpty()); // the demo's planted problems
        Analysis streamed = heard.analysis();
        assertEquals(measured.integratedLufs(), streamed.integratedLufs(), 0.0);
        assertEquals(measured.loudnessRangeLu(), streamed.loudnessRangeLu(), 0.0);
        assertEquals(measured.maxShortTermLufs(), streamed.maxShortTermLufs(), 0.0);
        assertArrayEquals(measured.loudness().momentaryLufs(), streamed.loudness().momentaryLufs(), 0.0);
        assertArrayEquals(measured.truePeak().truePeakLinear(), streamed.truePeak().truePeakLinear(), 0.0);
        assertEquals(measured.levels(), streamed.levels());
        assertEquals(1.0, progress.get(progress.size() - 1), 0.0);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), progress.toString());
        }
    }

    @Test
    void theTrackWaitsForEveryFrameItReadsAndGivesTheSameBits() {
        AudioBuffer mix = DemoMix.generate(DemoMixSpec.sample());
        List<Integer> waits = new ArrayList<>();
        SpectrumTrack waited = new SpectrumTrackAnalyzer(3, 2).analyze(mix, waits::add);
        assertEquals(new SpectrumTrackAnalyzer(3, 2).analyze(mix), waited);
        // 32 s at 48 kHz: 187 segments of 8192, in chunks of 64; the last chunk ends at the last frame.
        assertEquals(List.of(64 * 8192, 128 * 8192, mix.frames()), waits);
    }

    @Test
    void aBadSampleInTheMiddleStopsTheReadingAndTheTrack() throws Exception {
        Path file = dir.resolve("bad.wav");
        WavWriter.write(DemoMix.generate(DemoMixSpec.sample()), file, WavOutputFormat.float32());
        byte[] bytes = Files.readAllBytes(file);
        int data = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("data") + 8;
        int frame = 20 * 48_000; // past the first chunks of the spectrum track, before the end
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(data + frame * 2 * Float.BYTES, Float.NaN);
        Files.write(file, bytes);
        try (WavStream stream = WavReader.open(file)) {
            AudioFormatException e = assertThrows(AudioFormatException.class,
                    () -> Detectors.readAndListen(stream, FindingThresholds.DEFAULTS, f -> { }));
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("freshears-listen") && t.isAlive()), "the track's thread ended");
    }
}
