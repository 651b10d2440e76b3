package org.freshears.chain;

import org.freshears.audio.AudioBuffer;

/**
 * A step that changes the length of the audio (trimming silence, for example) and so cannot run as a
 * streaming {@link Processor}: it makes a new buffer from the whole input.
 */
public interface Edit extends Step {

    /** The edited audio; the input is left as it was. */
    AudioBuffer apply(AudioBuffer input);

    @Override
    default Processor newProcessor() {
        throw new IllegalStateException(this + " changes the length of the audio; the renderer applies it whole");
    }
}
