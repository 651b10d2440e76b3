package org.freshears.chain;

import org.freshears.audio.AudioBuffer;

/**
 * A step that needs the whole audio at once and so cannot run as a streaming {@link Processor}: one that
 * changes the length (trimming silence) or must know where the audio ends (a fade-out). It makes a new
 * buffer from the whole input.
 */
public sealed interface Edit extends Step permits Fades, TrimSilence {

    /** The edited audio; the input is left as it was. */
    AudioBuffer apply(AudioBuffer input);

    @Override
    default Processor newProcessor() {
        throw new IllegalStateException(this + " needs the whole audio at once; the renderer applies it whole");
    }
}
