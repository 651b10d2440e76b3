package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavStream;
import org.freshears.audio.WavWriter;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meters take audio block by block (issue #10: any length in bounded memory). Their readings must be the
 * same bits however the audio is cut, and the same from a file streamed as from the file read whole.
 */
class StreamingAnalysisTest {
    @TempDir
    Path dir;

    /** Music-like material: a loud burst, a quiet stretch, a clipped stretch, noise, over several blocks. */
    private static AudioBuffer material() {
        AudioBuffer audio = Signals.concat(Signals.silence(2, 48_000, 0.7), Signals.sine(2, 48_000, 2.3, 997, -6),
                Signals.noise(2, 48_000, 100_003, 0.3, 7), Signals.sine(2, 48_000, 1.1, 3_000, -30),
                Signals.silence(2, 48_000, 0.4));
        float[] left = audio.channel(0);
        for (int i = 150_000; i < 150_010; i++) {
            left[i] = 1.0f; // one clipped run
        }
        return audio;
    }

    @Test
    void theReadingsDoNotDependOnHowTheAudioIsCut() {
        AudioBuffer audio = material();
        int[][] cuts = {{1}, {64}, {65}, {4096}, {8193}, {65_536}, {1, 65_535, 3, 40_000}};
        LoudnessReport loudness = LoudnessMeter.measure(audio);
        TruePeakReport truePeak = TruePeakMeter.measure(audio);
        LevelsReport levels = Levels.measure(audio);
        for (int[] cut : cuts) {
            LoudnessMeter.Meter l = new LoudnessMeter.Meter(audio.sampleRate(), audio.layout(), true);
            TruePeakMeter.ChannelMeter[] t = {new TruePeakMeter.ChannelMeter(48_000),
                new TruePeakMeter.ChannelMeter(48_000)};
            Levels.Meter v = new Levels.Meter(2, 48_000, audio.layout());
            int from = 0;
            for (int i = 0; from < audio.frames(); i++) {
                int count = Math.min(cut[i % cut.length], audio.frames() - from);
                for (int task = 0; task < l.channelTasks(); task++) {
                    l.filter(task, audio.planar(), from, count);
                }
                l.afterFeed(count);
                t[0].feed(audio.channel(0), from, count);
                t[1].feed(audio.channel(1), from, count);
                v.feed(audio.planar(), from, count);
                from += count;
            }
            t[0].finish();
            t[1].finish();
            String label = "feeds of " + java.util.Arrays.toString(cut);
            assertSameLoudness(loudness, l.report(), label);
            TruePeakReport tp = TruePeakMeter.report(48_000, t);
            assertArrayEquals(truePeak.truePeakLinear(), tp.truePeakLinear(), 0.0, label);
            assertArrayEquals(truePeak.samplePeakLinear(), tp.samplePeakLinear(), 0.0, label);
            assertEquals(levels, v.report(), label);
        }
        assertEquals(1, levels.clippedRuns());
    }

    @Test
    void aStreamedFileReadsTheSameAsTheFileReadWhole() throws Exception {
        Path file = dir.resolve("m.wav");
        WavWriter.write(material(), file, WavOutputFormat.pcm24());
        Analysis whole = Analysis.withoutSpectrum(WavReader.read(file).audio(), f -> { });
        List<Double> progress = new ArrayList<>();
        Analysis streamed;
        try (WavStream stream = WavReader.open(file)) {
            streamed = Analysis.withoutSpectrum(stream, progress::add);
        }
        assertSameLoudness(whole.loudness(), streamed.loudness(), "streamed");
        assertArrayEquals(whole.truePeak().truePeakLinear(), streamed.truePeak().truePeakLinear(), 0.0);
        assertEquals(whole.levels(), streamed.levels());
        assertEquals(whole.frames(), streamed.frames());
        // Progress moves with the blocks measured (65536 frames each), up to 1.
        int blocks = (whole.frames() + 65_535) / 65_536;
        assertEquals(blocks, progress.size(), progress.toString());
        for (int i = 0; i < blocks; i++) {
            assertEquals(Math.min(1.0, (i + 1) * 65_536.0 / whole.frames()), progress.get(i), 1e-12);
        }
    }

    @Test
    void maximaAreSearchedAtEveryFramePositionAcrossBlocks() {
        // A 400 ms burst straddling a block boundary, off the 100 ms grid: the loudest momentary window holds
        // it whole (0 dB window = the burst's own loudness), which no grid window does.
        int rate = 48_000;
        AudioBuffer audio = Signals.concat(Signals.silence(1, rate, 1.3123), Signals.sine(1, rate, 0.4, 997, -10),
                Signals.silence(1, rate, 2.0));
        LoudnessReport report = LoudnessMeter.measure(audio);
        double burst = LoudnessMeter.measure(Signals.sine(1, rate, 0.4, 997, -10)).maxMomentaryLufs();
        assertEquals(burst, report.maxMomentaryLufs(), 1e-3); // the filters' ringing apart
        double gridBest = java.util.Arrays.stream(report.momentaryLufs()).filter(Double::isFinite).max().orElseThrow();
        assertTrue(report.maxMomentaryLufs() > gridBest + 0.1, report.maxMomentaryLufs() + " vs grid " + gridBest);
    }

    /** Work run beside the meters (a snapshot's band levels) runs once, and changes no reading. */
    @Test
    void workAlongsideTheMetersRunsOnceAndChangesNoReading() {
        AudioBuffer audio = material();
        Analysis alone = Analysis.of(audio);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        BandLevel[] beside = new BandLevel[1];
        Analysis with = Analysis.of(audio, f -> { }, () -> {
            runs.incrementAndGet();
            beside[0] = BandEnergy.inSpan(audio, 0, audio.durationSeconds(), 180, 400);
        });
        assertEquals(1, runs.get());
        assertEquals(BandEnergy.inSpan(audio, 0, audio.durationSeconds(), 180, 400), beside[0]);
        assertSameLoudness(alone.loudness(), with.loudness(), "alongside");
        assertArrayEquals(alone.truePeak().truePeakLinear(), with.truePeak().truePeakLinear(), 0.0);
        assertEquals(alone.levels(), with.levels());
        assertEquals(alone.spectrum(), with.spectrum());
    }

    private static void assertSameLoudness(LoudnessReport expected, LoudnessReport actual, String label) {
        assertEquals(expected.integratedLufs(), actual.integratedLufs(), 0.0, label);
        assertEquals(expected.loudnessRangeLu(), actual.loudnessRangeLu(), 0.0, label);
        assertEquals(expected.maxMomentaryLufs(), actual.maxMomentaryLufs(), 0.0, label);
        assertEquals(expected.maxShortTermLufs(), actual.maxShortTermLufs(), 0.0, label);
        assertEquals(expected.relativeGateLufs(), actual.relativeGateLufs(), 0.0, label);
        assertArrayEquals(expected.momentaryLufs(), actual.momentaryLufs(), 0.0, label);
        assertArrayEquals(expected.shortTermLufs(), actual.shortTermLufs(), 0.0, label);
    }
}
