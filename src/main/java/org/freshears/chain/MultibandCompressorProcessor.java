package org.freshears.chain;

import java.util.List;
import org.freshears.dsp.Crossover;

/**
 * The running state of a {@link MultibandCompressor}: per channel a {@link Crossover} into scratch
 * bands, one {@link CompressorProcessor} per band working on those bands in place, then the bands
 * summed in double, lowest first (a fixed order, so the bits never change). The gain trace reports,
 * per frame, the deepest reduction of any band, and each band's own reduction in its band traces.
 */
final class MultibandCompressorProcessor implements Processor, GainReductionSource {
    private final MultibandCompressor settings;
    private final CompressorProcessor[] bandProcessors;

    private int channels;
    private int chunkFrames;
    private Crossover[] crossovers;
    /** bandAudio[band][channel][frame]: what each band compressor processes. */
    private float[][][] bandAudio;
    /** The same arrays seen per channel, bandsOfChannel[channel][band], as the crossover writes them. */
    private float[][][] bandsOfChannel;
    private final GainTraceSlot trace = new GainTraceSlot();

    MultibandCompressorProcessor(MultibandCompressor settings) {
        this.settings = settings;
        this.bandProcessors = new CompressorProcessor[settings.bands().size()];
        for (int b = 0; b < bandProcessors.length; b++) {
            bandProcessors[b] = new CompressorProcessor(settings.bands().get(b));
        }
    }

    @Override
    public void prepare(ProcessSpec spec) {
        double[] crossoversHz = settings.crossoversHz().stream().mapToDouble(Double::doubleValue).toArray();
        for (double f : crossoversHz) {
            if (f >= spec.nyquistHz()) {
                throw new IllegalArgumentException("crossover frequency must be below Nyquist (" + spec.nyquistHz()
                        + " Hz), got " + f);
            }
        }
        channels = spec.channels();
        chunkFrames = spec.maxBlockFrames();
        int bands = bandProcessors.length;
        crossovers = new Crossover[channels];
        bandAudio = new float[bands][channels][chunkFrames];
        bandsOfChannel = new float[channels][bands][];
        for (int c = 0; c < channels; c++) {
            crossovers[c] = new Crossover(crossoversHz, spec.sampleRate());
            for (int b = 0; b < bands; b++) {
                bandsOfChannel[c][b] = bandAudio[b][c];
            }
        }
        for (CompressorProcessor p : bandProcessors) {
            p.prepare(spec);
        }
        reset();
    }

    @Override
    public void reset() {
        for (Crossover x : crossovers) {
            x.reset();
        }
        for (CompressorProcessor p : bandProcessors) {
            p.reset();
        }
        trace.restart(latencyFrames());
    }

    @Override
    public int latencyFrames() {
        // Every band shares one lookahead (validated), so any band's latency is the whole latency.
        return bandProcessors[0].latencyFrames();
    }

    @Override
    public void traceInto(GainReductionTrace trace) {
        this.trace.attach(trace, latencyFrames());
        // Each band compressor records its own reduction too: one trace per band, beside the deepest of them.
        List<GainReductionTrace> perBand = trace == null ? null : trace.bandTraces(settings.bandNames());
        for (int b = 0; b < bandProcessors.length; b++) {
            bandProcessors[b].traceInto(perBand == null ? null : perBand.get(b));
        }
    }

    @Override
    public void process(float[][] audio, int offset, int frames) {
        for (int start = 0; start < frames; start += chunkFrames) {
            processChunk(audio, offset + start, Math.min(chunkFrames, frames - start));
        }
    }

    private void processChunk(float[][] audio, int offset, int frames) {
        for (int c = 0; c < channels; c++) {
            crossovers[c].split(audio[c], offset, bandsOfChannel[c], 0, frames);
        }
        for (int b = 0; b < bandProcessors.length; b++) {
            bandProcessors[b].processChunk(bandAudio[b], 0, frames);
        }
        for (int c = 0; c < channels; c++) {
            float[][] bands = bandsOfChannel[c];
            float[] out = audio[c];
            for (int i = 0; i < frames; i++) {
                double sum = 0;
                for (float[] band : bands) {
                    sum += band[i];
                }
                out[offset + i] = (float) sum;
            }
        }
        if (trace.recording()) {
            for (int i = 0; i < frames; i++) {
                double deepestDb = 0;
                for (CompressorProcessor p : bandProcessors) {
                    deepestDb = Math.min(deepestDb, p.frameGainDb()[i]);
                }
                trace.push(deepestDb);
            }
        }
    }

    @Override
    public String toString() {
        return "MultibandCompressorProcessor[" + settings + "]";
    }
}
