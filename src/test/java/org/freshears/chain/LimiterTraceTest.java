package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.freshears.audio.AudioBuffer;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** The limiter reports its gain reduction like every dynamics step, aligned with its output. */
class LimiterTraceTest {

    @Test
    void theTraceShowsTheLimitingWhereItHappens() {
        int rate = 48_000;
        // 1 s of a -20 dBFS tone (below the ceiling), then 1 s at 0 dBFS (6 dB over a -6 dBTP ceiling).
        AudioBuffer in = Signals.concat(Signals.sine(2, rate, 1, 997, -20), Signals.sine(2, rate, 1, 997, 0));
        Limiter limiter = new Limiter().ceilingDbtp(-6);
        Processor p = limiter.newProcessor();
        GainReductionTrace trace = GainReductionTrace.forFrames(rate, in.frames(), 10);
        ((GainReductionSource) p).traceInto(trace);
        new Renderer().apply(p, in.copy());
        assertEquals(0.0, trace.gainDb(50), 0.0, "no reduction below the ceiling, at 0.5 s");
        // Steady limiting of a 0 dBFS (true peak about 0 dBTP) tone to -6 dBTP, less the safety margin.
        assertEquals(-6.0 - LimiterProcessor.SAFETY_MARGIN_DB, trace.gainDb(150), 0.05, "at 1.5 s");
        assertEquals(200, trace.hops(), "one value per 10 ms hop, aligned with the output");
    }
}
