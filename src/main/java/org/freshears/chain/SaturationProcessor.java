package org.freshears.chain;

import org.freshears.dsp.DelayLine;
import org.freshears.dsp.Oversampler;

/**
 * The running state of a {@link Saturation}: per channel, upsample, shape, decimate, (for asymmetric
 * curves) block DC, then mix with the dry signal delayed by the oversampler's round trip.
 */
final class SaturationProcessor implements Processor {
    /** DC blocker corner, Hz: well under the audio band, fast enough to settle in a fraction of a second. */
    static final double DC_BLOCKER_HZ = 5;
    private static final int CHUNK = 256;

    private final Saturation settings;
    private int channels;
    private int factor;
    private Oversampler[] oversamplers;
    private DelayLine[] dry;
    private double[] high;
    private double[] wet;
    private double drive;
    private double makeup;
    private double mix;
    private double dcPole;
    private double[] dcLastIn;
    private double[] dcLastOut;

    SaturationProcessor(Saturation settings) {
        this.settings = settings;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        channels = spec.channels();
        factor = settings.oversampling();
        oversamplers = new Oversampler[channels];
        dry = new DelayLine[channels];
        for (int c = 0; c < channels; c++) {
            oversamplers[c] = new Oversampler(factor);
            dry[c] = new DelayLine(oversamplers[c].latencyFrames());
        }
        high = new double[CHUNK * factor];
        wet = new double[CHUNK];
        drive = settings.driveGain();
        makeup = settings.makeupGain();
        mix = settings.mixPercent() / 100;
        // One-pole DC blocker y[n] = x[n] - x[n-1] + R y[n-1], R = exp(-2 pi fc / fs)
        // (J. O. Smith, Introduction to Digital Filters, "DC Blocker").
        dcPole = StrictMath.exp(-2 * StrictMath.PI * DC_BLOCKER_HZ / spec.sampleRate());
        dcLastIn = new double[channels];
        dcLastOut = new double[channels];
    }

    @Override
    public void reset() {
        for (int c = 0; c < channels; c++) {
            oversamplers[c].reset();
            dry[c].reset();
            dcLastIn[c] = 0;
            dcLastOut[c] = 0;
        }
    }

    @Override
    public int latencyFrames() {
        return oversamplers[0].latencyFrames();
    }

    @Override
    public void process(float[][] audio, int offset, int frames) {
        Saturation.Curve curve = settings.curve();
        boolean blockDc = curve.makesDc();
        for (int c = 0; c < channels; c++) {
            float[] ch = audio[c];
            Oversampler os = oversamplers[c];
            DelayLine d = dry[c];
            for (int done = 0; done < frames; done += CHUNK) {
                int n = Math.min(CHUNK, frames - done);
                int at = offset + done;
                os.upsample(ch, at, n, high);
                for (int j = 0, m = n * factor; j < m; j++) {
                    high[j] = curve.apply(drive * high[j]) * makeup;
                }
                os.downsample(high, n, wet, 0);
                if (blockDc) {
                    double lastIn = dcLastIn[c], lastOut = dcLastOut[c];
                    for (int i = 0; i < n; i++) {
                        double x = wet[i];
                        lastOut = x - lastIn + dcPole * lastOut;
                        lastIn = x;
                        wet[i] = lastOut;
                    }
                    dcLastIn[c] = lastIn;
                    dcLastOut[c] = lastOut;
                }
                for (int i = 0; i < n; i++) {
                    double x = d.process(ch[at + i]);
                    ch[at + i] = (float) (x + mix * (wet[i] - x));
                }
            }
        }
    }

    @Override
    public String toString() {
        return "SaturationProcessor[" + settings + "]";
    }
}
