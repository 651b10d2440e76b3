package org.freshears.chain;

/**
 * The running state made from a {@link Step} for one render. Contract (after JUCE's dsp module):
 * {@link #prepare} allocates everything; {@link #process} works in place and allocates nothing; the
 * output never depends on how the stream is cut into blocks; {@link #reset} returns to the state right
 * after {@code prepare}. A processor that needs the position in the stream counts the frames it has
 * processed since the last reset.
 */
public interface Processor {

    void prepare(ProcessSpec spec);

    /** Processes {@code audio[c][offset, offset + frames)} for every channel c, in place. */
    void process(float[][] audio, int offset, int frames);

    void reset();

    /** How many frames the output lags the input; the renderer compensates it. */
    default int latencyFrames() {
        return 0;
    }
}
