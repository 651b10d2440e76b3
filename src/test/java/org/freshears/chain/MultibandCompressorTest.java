package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.dsp.Crossover;
import org.freshears.testing.Signals;
import org.freshears.testing.ToneProbe;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class MultibandCompressorTest {
    private static final int RATE = 48_000;

    private static MultibandCompressor working(double lookaheadMs) {
        Compressor base = Compressor.defaults().lookaheadMs(lookaheadMs);
        return MultibandCompressor.of(150, 1_500, 8_000).bands(
                base.thresholdDb(-30).ratio(3).attackMs(20).releaseMs(200),
                base.thresholdDb(-28).ratio(2).rms(),
                base.thresholdDb(-26).ratio(2.5).attackMs(2).makeupDb(1),
                base.thresholdDb(-35).ratio(4).stereoLinkPercent(0).mixPercent(70));
    }

    @Test
    void blockSizeInvariantAndResetRepeats() {
        AudioBuffer in = CompressorTest.material();
        for (double lookaheadMs : new double[] {0, 3}) {
            ProcessorContract.assertBlockSizeInvariant(working(lookaheadMs), in);
            ProcessorContract.assertResetRepeats(working(lookaheadMs), in);
        }
    }

    @Test
    void unityBandsGiveExactlyTheCrossoverSumWhichIsFlat() {
        MultibandCompressor unity = MultibandCompressor.of(120, 1_000, 6_000)
                .allBands(Compressor.defaults().ratio(1));
        int n = 1 << 16;
        AudioBuffer impulse = AudioBuffer.silence(1, n, RATE);
        impulse.channel(0)[0] = 1;
        // The processor itself (the step bypasses it when neutral, see below).
        AudioBuffer out = impulse.copy();
        new Renderer(4096).apply(new MultibandCompressorProcessor(unity), out);
        // Bit-equal to the crossover bands summed lowest first.
        Crossover x = new Crossover(new double[] {120, 1_000, 6_000}, RATE);
        float[][] bands = new float[4][n];
        x.split(impulse.channel(0), 0, bands, 0, n);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (float[] band : bands) {
                sum += band[i];
            }
            assertEquals((float) sum, out.channel(0)[i], "frame " + i);
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = out.channel(0)[i];
        }
        new DoubleFFT_1D(n).realForward(a);
        double worst = 0;
        for (int k = (int) Math.ceil(20.0 * n / RATE); k <= 20_000.0 * n / RATE; k++) {
            worst = Math.max(worst, Math.abs(20 * Math.log10(Math.hypot(a[2 * k], a[2 * k + 1]))));
        }
        System.out.printf("multiband, all ratios 1: max deviation 20 Hz-20 kHz %.2e dB%n", worst);
        assertTrue(worst < 0.01, "worst " + worst);
    }

    @Test
    void neutralSettingsAreBypassedAndBitTransparent() {
        AudioBuffer noise = org.freshears.testing.Signals.noise(2, RATE, RATE, 0.5, 3);
        ProcessorContract.assertNeutral(MultibandCompressor.of(200, 2_000).allBands(Compressor.defaults().ratio(1)),
                noise);
        ProcessorContract.assertNeutral(MultibandCompressor.of(200).allBands(Compressor.defaults().mixPercent(0)),
                noise);
        assertTrue(!MultibandCompressor.of(200).changesNothing(), "the defaults compress");
    }

    @Test
    void compressesOnlyTheBandThatIsOverItsThreshold() {
        // A loud 100 Hz tone and a quiet 5 kHz tone; only the low band's compressor may act.
        AudioBuffer low = Signals.sine(1, RATE, 1.0, 100, -6);
        AudioBuffer high = Signals.sine(1, RATE, 1.0, 5_000, -40);
        float[] mixed = new float[low.frames()];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = low.channel(0)[i] + high.channel(0)[i];
        }
        AudioBuffer in = new AudioBuffer(new float[][] {mixed}, RATE, ChannelLayout.standard(1));
        Compressor hard = Compressor.defaults().thresholdDb(-20).ratio(4).kneeDb(0).attackMs(0).releaseMs(1_000);
        MultibandCompressor mb = MultibandCompressor.of(1_000).bands(hard, hard);
        AudioBuffer out = ProcessorContract.render(mb, in, 4096);
        int from = in.frames() - 9_600, to = in.frames();
        double lowChangeDb = ToneProbe.toneDb(out.channel(0), from, to, 100, RATE)
                - ToneProbe.toneDb(in.channel(0), from, to, 100, RATE);
        double highChangeDb = ToneProbe.toneDb(out.channel(0), from, to, 5_000, RATE)
                - ToneProbe.toneDb(in.channel(0), from, to, 5_000, RATE);
        System.out.printf("multiband: 100 Hz at -6 dBFS changed %.2f dB, 5 kHz at -40 dBFS changed %.4f dB%n",
                lowChangeDb, highChangeDb);
        // The low band carries the 100 Hz tone at ~0 dB (LR4 LP at 0.1 fc), so its peak is about -6 dBFS:
        // reduction 0.75 * 14 = 10.5 dB.
        assertEquals(-10.5, lowChangeDb, 0.2);
        // Not exactly 0: the low band still carries the 5 kHz tone ~56 dB down (LR4 at 5 fc), and that
        // leak is now turned down 10.5 dB, which moves the sum by up to ~0.01 dB.
        assertEquals(0, highChangeDb, 0.02);
    }

    @Test
    void traceReportsTheDeepestBand() {
        AudioBuffer in = Signals.sine(2, RATE, 1.0, 100, -6);
        Compressor hard = Compressor.defaults().thresholdDb(-20).ratio(4).kneeDb(0).attackMs(0).releaseMs(1_000);
        Processor p = MultibandCompressor.of(1_000).bands(hard, hard.ratio(1)).newProcessor();
        GainReductionTrace trace = GainReductionTrace.forFrames(RATE, in.frames(), 10);
        ((GainReductionSource) p).traceInto(trace);
        new Renderer(4096).apply(p, in);
        assertEquals(100, trace.hops());
        assertEquals(-10.5, trace.gainDb(90), 0.2);
    }

    @Test
    void eachBandIsTracedOnItsOwnBesideTheDeepest() {
        // A loud 100 Hz tone and a quiet 5 kHz tone: the low band works, the high band does not. Merged, the
        // chart could not tell which band worked; each band's trace can.
        AudioBuffer low = Signals.sine(2, RATE, 1.0, 100, -6);
        AudioBuffer high = Signals.sine(2, RATE, 1.0, 5_000, -40);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < low.frames(); i++) {
                low.channel(c)[i] += high.channel(c)[i];
            }
        }
        Compressor hard = Compressor.defaults().thresholdDb(-20).ratio(4).kneeDb(0).attackMs(0).releaseMs(1_000)
                .lookaheadMs(2);
        MultibandCompressor settings = MultibandCompressor.of(200, 2_000).allBands(hard);
        assertEquals(List.of("below 200 Hz", "200 Hz-2 kHz", "above 2 kHz"), settings.bandNames());
        Processor p = settings.newProcessor();
        GainReductionTrace trace = GainReductionTrace.forFrames(RATE, low.frames(), 10);
        ((GainReductionSource) p).traceInto(trace);
        new Renderer(4096).apply(p, low);

        List<GainReductionTrace> bands = trace.bands();
        assertEquals(settings.bandNames(), bands.stream().map(GainReductionTrace::label).toList());
        // 0.75 × (14 dB over) as in traceReportsTheDeepestBand, less the ~0.3 dB the 200 Hz LR4 low-pass takes
        // off a 100 Hz tone.
        assertEquals(-10.2, bands.get(0).gainDb(90), 0.2);
        assertEquals(0, bands.get(1).gainDb(90), 1e-9);
        assertEquals(0, bands.get(2).gainDb(90), 1e-9);
        for (int h = 0; h < trace.hops(); h++) { // the whole-processor trace is still the deepest band's
            assertEquals(trace.gainDb(h), Math.min(bands.get(0).gainDb(h), Math.min(bands.get(1).gainDb(h),
                    bands.get(2).gainDb(h))), 1e-12, "hop " + h);
            assertEquals(bands.get(0).hops(), trace.hops());
        }
    }

    @Test
    void validationMessages() {
        assertEquals("crossoversHz must ascend, got [1000.0, 200.0]", assertThrows(
                IllegalArgumentException.class, () -> MultibandCompressor.of(1_000, 200)).getMessage());
        assertEquals("crossoversHz must hold 1 to 3 frequencies, got []", assertThrows(
                IllegalArgumentException.class, () -> MultibandCompressor.of()).getMessage());
        assertEquals("1 crossovers make 2 bands, got 3 band settings", assertThrows(IllegalArgumentException.class,
                () -> new MultibandCompressor(List.of(500.0), List.of(Compressor.defaults(), Compressor.defaults(),
                        Compressor.defaults()))).getMessage());
        assertEquals("all bands must share one lookaheadMs, got [0.0, 5.0]", assertThrows(
                IllegalArgumentException.class,
                () -> MultibandCompressor.of(500).band(1, Compressor.defaults().lookaheadMs(5))).getMessage());
        assertEquals("crossover frequency must be > 0, got -3.0", assertThrows(IllegalArgumentException.class,
                () -> MultibandCompressor.of(-3)).getMessage());
        Processor p = MultibandCompressor.of(500, 30_000).newProcessor();
        assertEquals("crossover frequency must be below Nyquist (24000.0 Hz), got 30000.0", assertThrows(
                IllegalArgumentException.class, () -> p.prepare(new ProcessSpec(RATE, 2, 64))).getMessage());
    }
}
