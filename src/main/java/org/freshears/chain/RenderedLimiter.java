package org.freshears.chain;

import org.freshears.audio.AudioBuffer;

/**
 * The processor of a limiter whose output for one input is made already: a loudness search's accepted try
 * rendered it, the very samples the limiter's own processor makes of that input ({@link Renderer#stream} hands
 * over what {@link Renderer#apply} leaves). Running it over that input puts the output in place instead of
 * rendering it again, and the renderer takes the output itself where it would otherwise render over a copy
 * ({@link #output}); latency 0, since the output is aligned already. An attached gain-reduction trace gets the
 * limiter's own: the one the accepted try recorded, else worked out from the detected peaks alone (steps 2 to 5
 * of {@link LimiterProcessor}, no audio).
 * Only for the input it was made for.
 */
final class RenderedLimiter implements Processor, GainReductionSource {
    private final Limiter settings;
    private final PeakEnvelope envelope;
    private final AudioBuffer output;
    /** The accepted try's trace, recorded as it rendered; null when none was. */
    private final GainReductionTrace recorded;
    private GainReductionTrace trace;
    private ProcessSpec spec;
    private int position;

    RenderedLimiter(Limiter settings, PeakEnvelope envelope, AudioBuffer output) {
        this(settings, envelope, output, null);
    }

    /** @param recorded the accepted try's trace, recorded as it rendered (null: none; worked out when attached) */
    RenderedLimiter(Limiter settings, PeakEnvelope envelope, AudioBuffer output, GainReductionTrace recorded) {
        this.settings = settings;
        this.envelope = envelope;
        this.output = output;
        this.recorded = recorded;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        if (spec.sampleRate() != output.sampleRate() || spec.channels() != output.channels()) {
            throw new IllegalStateException("the output rendered for another input cannot stand for " + settings);
        }
        this.spec = spec;
        reset();
    }

    @Override
    public void reset() {
        position = 0;
        fillTrace();
    }

    @Override
    public void traceInto(GainReductionTrace gainTrace) {
        this.trace = gainTrace;
        fillTrace();
    }

    /** The attached trace, once prepared: the whole output's, as the limiter's own render records it. */
    private void fillTrace() {
        if (trace != null && spec != null) {
            if (recorded != null && trace.copyFrom(recorded)) {
                return;
            }
            LimiterProcessor gains = new LimiterProcessor(settings, envelope);
            gains.traceInto(trace);
            gains.prepare(spec);
            gains.traceFromPeaks();
        }
    }

    /**
     * The output itself, for the renderer to hand over instead of running this over the input (which then stays
     * as it was); prepared as for a run, so an attached trace is filled.
     */
    AudioBuffer output(ProcessSpec spec) {
        prepare(spec);
        return output;
    }

    @Override
    public void process(float[][] audio, int offset, int frames) {
        if (position + frames > output.frames()) {
            throw new IllegalStateException("the output was rendered for " + output.frames() + " frames, asked for more");
        }
        for (int c = 0; c < audio.length; c++) {
            System.arraycopy(output.channel(c), position, audio[c], offset, frames);
        }
        position += frames;
    }

    @Override
    public String toString() {
        return "RenderedLimiter[" + settings + "]";
    }
}
