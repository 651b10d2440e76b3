package org.freshears.chain;

import java.util.ArrayList;
import java.util.List;
import org.freshears.dsp.BiquadCascade;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.FilterDesign;

/** Applies a {@link StereoWidth} in double: encode M/S, scale and high-pass S, decode. */
final class StereoWidthProcessor implements Processor {
    private final StereoWidth step;
    private double sideGain;
    private BiquadCascade sideHighPass;
    private boolean passesThrough;

    StereoWidthProcessor(StereoWidth step) {
        this.step = step;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        if (spec.channels() != 2) {
            throw new IllegalArgumentException(step + " needs a stereo (2-channel) signal, got "
                    + spec.channels() + " channel(s)");
        }
        sideGain = step.widthPercent() / 100;
        sideHighPass = null;
        if (step.monoBassBelowHz() > 0) {
            List<BiquadCoefficients> sections = new ArrayList<>();
            try {
                // Linkwitz-Riley 4th order = the 2nd-order Butterworth squared (Linkwitz, JAES 1976).
                sections.addAll(FilterDesign.butterworthHighPass(step.monoBassBelowHz(), 2, spec.sampleRate()));
                sections.addAll(FilterDesign.butterworthHighPass(step.monoBassBelowHz(), 2, spec.sampleRate()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(step + ": " + e.getMessage(), e);
            }
            sideHighPass = new BiquadCascade(sections);
        }
        passesThrough = sideGain == 1 && sideHighPass == null;
    }

    @Override
    public void process(float[][] audio, int offset, int frames) {
        if (passesThrough) {
            return;
        }
        float[] left = audio[0];
        float[] right = audio[1];
        for (int i = offset, end = offset + frames; i < end; i++) {
            double l = left[i];
            double r = right[i];
            double m = (l + r) * 0.5;
            double s = (l - r) * 0.5 * sideGain;
            if (sideHighPass != null) {
                s = sideHighPass.process(s);
            }
            left[i] = (float) (m + s);
            right[i] = (float) (m - s);
        }
    }

    @Override
    public void reset() {
        if (sideHighPass != null) {
            sideHighPass.reset();
        }
    }

    @Override
    public String toString() {
        return "StereoWidthProcessor[" + step + "]";
    }
}
