package org.freshears.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.freshears.notebook.CellOutputs;
import org.freshears.plot.ChartFiles;
import org.jfree.chart.JFreeChart;

/** Shows a session's charts and texts as the running cell's outputs (PNG images, plain text). */
final class CellDisplay implements org.freshears.session.Display {

    @Override
    public void chart(String name, JFreeChart chart) {
        try {
            CellOutputs.display("image/png", ChartFiles.pngBytes(chart));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw chart " + name, e);
        }
    }

    @Override
    public void text(String text) {
        if (!CellOutputs.display("text/plain", text)) {
            CellOutputs.terminal().println(text);
        }
    }
}
