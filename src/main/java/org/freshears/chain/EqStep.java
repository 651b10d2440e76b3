package org.freshears.chain;

import java.util.List;
import org.freshears.dsp.BiquadCoefficients;

/**
 * A filter step defined by a cascade of second-order sections. The same sections drive the IIR
 * processor, the linear-phase FIR design, and any chart or test that wants the response
 * ({@link BiquadCoefficients#magnitudeAt}).
 */
public sealed interface EqStep extends Step
        permits Bell, LowShelf, HighShelf, HighPass, LowPass, Notch, BandPass {

    /** The cascade at this sample rate; throws IllegalArgumentException if a frequency is not below Nyquist. */
    List<BiquadCoefficients> sections(double sampleRate);

    ChannelMode channelMode();

    FilterPhase phase();

    /** |H| of the whole cascade in dB at a frequency (for charts and tests, not the render path). */
    default double responseDb(double freqHz, double sampleRate) {
        double db = 0;
        for (BiquadCoefficients c : sections(sampleRate)) {
            db += 20 * StrictMath.log10(c.magnitudeAt(freqHz, sampleRate));
        }
        return db;
    }

    @Override
    default Processor newProcessor() {
        ChannelProcessor filter = phase() == FilterPhase.LINEAR
                ? new LinearPhaseProcessor(this)
                : new BiquadCascadeProcessor(this);
        return channelMode() == ChannelMode.STEREO ? filter : new MidSideProcessor(channelMode(), filter);
    }
}
