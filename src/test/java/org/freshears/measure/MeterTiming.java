package org.freshears.measure;

import org.freshears.audio.AudioBuffer;
import org.freshears.testing.Signals;

/**
 * Not a test (speed is measured by {@code freshears bench}, whole processes): prints warm timings of the
 * meters on 4 minutes of 48 kHz stereo noise and sine (run with
 * {@code java -cp target/classes:target/test-classes:<deps> org.freshears.measure.MeterTiming}).
 */
public final class MeterTiming {
    private MeterTiming() {
    }

    public static void main(String[] args) {
        int rate = 48_000;
        AudioBuffer noise = Signals.noise(2, rate, 240 * rate, 0.25, 42);
        AudioBuffer sine = Signals.sine(2, rate, 240, 997, -6);
        for (AudioBuffer audio : new AudioBuffer[] {noise, sine}) {
            String name = audio == noise ? "noise" : "sine";
            for (int round = 0; round < 12; round++) {
                long t0 = System.nanoTime();
                LoudnessReport loudness = LoudnessMeter.measure(audio);
                long t1 = System.nanoTime();
                double integrated = LoudnessMeter.integratedLufs(audio);
                long t2 = System.nanoTime();
                TruePeakReport peaks = TruePeakMeter.measure(audio);
                long t3 = System.nanoTime();
                Levels.measure(audio);
                long t4 = System.nanoTime();
                new SpectrumAnalyzer().analyze(audio);
                long t5 = System.nanoTime();
                BandEnergy.track(audio, 180, 400);
                long t6 = System.nanoTime();
                if (round >= 8) {
                    System.out.printf("%s: measure %.1f ms, integratedLufs %.1f ms, truePeak %.1f ms, levels %.1f ms,"
                            + " spectrum %.1f ms, band track %.1f ms (I=%.4f M=%.4f S=%.4f TP=%.4f)%n", name,
                            (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6,
                            (t6 - t5) / 1e6, integrated, loudness.maxMomentaryLufs(), loudness.maxShortTermLufs(),
                            peaks.maxTruePeakDbtp());
                }
            }
        }
    }
}
