package org.freshears.session;

import java.util.function.DoubleConsumer;

/** Progress of one piece of long work, as a fraction from 0 to 1; closed when the work ends. */
public interface Progress extends DoubleConsumer, AutoCloseable {
    Progress NONE = new Progress() {
        @Override
        public void accept(double fraction) {
        }

        @Override
        public void close() {
        }
    };

    @Override
    void close();

    /** Makes a progress display for a labelled piece of work. */
    interface Factory {
        Factory NONE = label -> Progress.NONE;

        Progress start(String label);
    }
}
