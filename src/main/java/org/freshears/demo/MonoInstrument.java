package org.freshears.demo;

/** A synthesised instrument with one output, played by note events and rendered a chunk at a time. */
interface MonoInstrument {

    /** Starts a note now (the next rendered sample is its first). */
    void trigger(NoteEvent note);

    /**
     * Adds the next {@code frames} samples into {@code out[0, frames)}. No allocation. A note that has
     * died away stops on the exact sample it falls silent, checked per sample, so that where a chunk
     * ends never changes the output.
     */
    void render(double[] out, int frames);
}
