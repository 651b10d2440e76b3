package org.freshears.chain;

/**
 * A processor that can report the gain its dynamics apply over time (compressors, dynamic EQ), for
 * the "gain reduction" chart of a step. Usage, with the renderer's public {@code apply}:
 * <pre>
 *   Processor p = step.newProcessor();
 *   var trace = GainReductionTrace.forFrames(buffer.sampleRate(), buffer.frames(), 10);
 *   if (p instanceof GainReductionSource source) source.traceInto(trace);
 *   renderer.apply(p, buffer);      // trace now holds one value per 10 ms hop
 * </pre>
 */
public interface GainReductionSource {

    /**
     * Records, from now on, the applied dynamic gain into {@code trace} (null stops recording).
     * {@code prepare} and {@code reset} restart the trace, telling it to skip the processor's latency
     * so that hop 0 starts at the first frame of the latency-compensated output.
     */
    void traceInto(GainReductionTrace trace);
}
