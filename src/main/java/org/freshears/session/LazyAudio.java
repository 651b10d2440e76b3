package org.freshears.session;

import java.util.function.Supplier;
import org.freshears.audio.AudioBuffer;

/**
 * A version's audio: at hand, or where to get it. A step found in the result cache keeps only where its
 * output is (the cache, else rendering it again), and its samples are read the first time something needs
 * them: the next step when that one is not cached, a render, an uncached chart or listening file. So a run
 * whose every result is cached reads no step's audio at all. Read once; a failed read leaves it to be tried
 * again.
 */
final class LazyAudio {
    private AudioBuffer audio;
    private Supplier<AudioBuffer> source;

    private LazyAudio(AudioBuffer audio, Supplier<AudioBuffer> source) {
        this.audio = audio;
        this.source = source;
    }

    /** Audio at hand. */
    static LazyAudio of(AudioBuffer audio) {
        return new LazyAudio(java.util.Objects.requireNonNull(audio, "audio"), null);
    }

    /** Audio got from {@code source} when first needed (the source must never give null). */
    static LazyAudio later(Supplier<AudioBuffer> source) {
        return new LazyAudio(null, java.util.Objects.requireNonNull(source, "source"));
    }

    /** The samples, read now if they were not yet (charts may ask from another thread: one read). */
    synchronized AudioBuffer get() {
        if (audio == null) {
            audio = java.util.Objects.requireNonNull(source.get(), "no audio");
            source = null; // and whatever it held (the version before)
        }
        return audio;
    }
}
