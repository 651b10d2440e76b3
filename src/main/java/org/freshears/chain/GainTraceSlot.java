package org.freshears.chain;

/**
 * The trace a {@link GainReductionSource} was given, if any, kept the way the interface promises:
 * attaching it, {@code prepare} and {@code reset} restart it at the processor's latency, so hop 0 lines
 * up with the latency-compensated output. With no trace attached a push costs one null check.
 */
final class GainTraceSlot {
    private GainReductionTrace trace;

    /** Records into {@code trace} from now on (null stops recording), restarted at the latency. */
    void attach(GainReductionTrace trace, int latencyFrames) {
        this.trace = trace;
        restart(latencyFrames);
    }

    /** Clears the attached trace, if any, and has it skip the first {@code latencyFrames} pushes. */
    void restart(int latencyFrames) {
        if (trace != null) {
            trace.restart(latencyFrames);
        }
    }

    /** Whether a trace is attached: lets a processor skip work done only for the trace. */
    boolean recording() {
        return trace != null;
    }

    /** Records the gain (dB) of the next frame, if a trace is attached. */
    void push(double gainDb) {
        if (trace != null) {
            trace.push(gainDb);
        }
    }

    /** Records the gain of the next frame as an amplitude of at most 1, if a trace is attached. */
    void pushReduction(double amplitude) {
        if (trace != null) {
            trace.pushReduction(amplitude);
        }
    }
}
