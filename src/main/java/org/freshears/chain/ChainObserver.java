package org.freshears.chain;

import java.util.function.DoubleConsumer;
import org.freshears.audio.AudioBuffer;

/**
 * What watches a chain as {@link Renderer#run} renders it: each streaming step's processor, made fresh,
 * just before it runs (to attach a gain-reduction trace), and the progress through the whole chain.
 * Observers only look: the bits rendered never depend on them.
 */
public interface ChainObserver {
    ChainObserver NONE = new ChainObserver() {
    };

    /**
     * A streaming step's processor, before it runs over {@code audio}.
     *
     * @param stepIndex 0-based position of the step in the chain
     */
    default void processorMade(int stepIndex, Processor processor, AudioBuffer audio) {
    }

    /** How far the chain has come, from 0 to 1 (ends with 1). */
    default void progress(double fraction) {
    }

    /** An observer that only follows progress. */
    static ChainObserver progress(DoubleConsumer progress) {
        return new ChainObserver() {
            @Override
            public void progress(double fraction) {
                progress.accept(fraction);
            }
        };
    }

    /** This observer, then {@code next}. */
    default ChainObserver andThen(ChainObserver next) {
        ChainObserver first = this;
        return new ChainObserver() {
            @Override
            public void processorMade(int stepIndex, Processor processor, AudioBuffer audio) {
                first.processorMade(stepIndex, processor, audio);
                next.processorMade(stepIndex, processor, audio);
            }

            @Override
            public void progress(double fraction) {
                first.progress(fraction);
                next.progress(fraction);
            }
        };
    }
}
