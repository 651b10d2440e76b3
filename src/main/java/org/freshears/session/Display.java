package org.freshears.session;

import org.jfree.chart.JFreeChart;

/** Where a session shows what it made: a notebook cell's outputs, or nowhere. */
public interface Display {
    Display NONE = new Display() {
        @Override
        public void chart(String name, JFreeChart chart) {
        }

        @Override
        public void text(String text) {
        }
    };

    /** A chart, with a file-friendly name such as {@code "step-2-spectrum"}. */
    void chart(String name, JFreeChart chart);

    void text(String text);
}
