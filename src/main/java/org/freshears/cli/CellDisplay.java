package org.freshears.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.freshears.notebook.CellOutputs;
import org.freshears.notebook.RichOutput;
import org.freshears.plot.ChartFiles;
import org.freshears.report.ChartKey;
import org.freshears.report.SessionCharts;
import org.freshears.session.Comparison;
import org.freshears.session.Display;
import org.freshears.session.Problem;
import org.freshears.session.RenderRecord;
import org.freshears.session.Session;
import org.freshears.session.StepRun;

/**
 * Shows what a session announces as the running cell's outputs: a step's spectrum and loudness charts, a
 * comparison's chart (PNG), warnings as text. Keeps each session's charts, so the run's outputs reuse
 * them instead of drawing them again.
 */
final class CellDisplay implements Display {
    private final CellOutputs outputs;
    private final boolean everyFormat;
    private final java.util.concurrent.atomic.AtomicInteger shownCharts = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<Session, SessionCharts> charts = Collections.synchronizedMap(new IdentityHashMap<>());

    CellDisplay(CellOutputs outputs) {
        this(outputs, false);
    }

    /**
     * @param everyFormat show each chart as SVG and a line of text beside its PNG (one mime bundle, for a
     *                    Jupyter front end to pick from); a run's notebook.ipynb keeps the PNG alone
     */
    CellDisplay(CellOutputs outputs, boolean everyFormat) {
        this.outputs = outputs;
        this.everyFormat = everyFormat;
    }

    /** The charts of a session this display has shown (drawn so far, and the rest on demand). */
    SessionCharts chartsOf(Session session) {
        return charts.computeIfAbsent(session, SessionCharts::new);
    }

    /**
     * Shown when the cell ends: by then the problems the step addresses are named and a loudness target
     * later in the same cell is known, so the chart drawn for the cell is the one the outputs keep.
     */
    @Override
    public void stepRan(Session session, StepRun step) {
        outputs.atCellEnd(() -> {
            for (SessionCharts.Chart chart : chartsOf(session).ofStep(step)) {
                if (chart.key() instanceof ChartKey.OfStep k && k.view() != ChartKey.StepView.GAIN_REDUCTION) {
                    show(chart);
                }
            }
        });
    }

    @Override
    public void opened(Session session) {
        outputs.atCellEnd(() -> show(chartsOf(session).mixSpectrogram()));
    }

    /** Framed as written, so the user can check the span and band before a step addresses it. */
    @Override
    public void problemAdded(Session session, Problem problem) {
        outputs.atCellEnd(() -> show(chartsOf(session).problemSpectrogram(problem)));
    }

    @Override
    public void rendered(Session session, RenderRecord render) {
        outputs.atCellEnd(() -> show(chartsOf(session).masterSpectrogram()));
    }

    @Override
    public void compared(Session session, Comparison comparison) {
        outputs.atCellEnd(() -> show(chartsOf(session).ofComparison(comparison)));
    }

    @Override
    public void text(String text) {
        if (!outputs.display("text/plain", text)) {
            outputs.terminal().println(text);
        }
    }

    private void show(SessionCharts.Chart chart) {
        try {
            RichOutput output = new RichOutput("image/png", ChartFiles.pngBytes(chart.chart()));
            if (everyFormat) {
                // Ids of its own: a front end that inlines several SVGs in one page must not mix their clip paths.
                String svg = ChartFiles.svgElement(chart.chart(), ChartFiles.DEFAULT_WIDTH, ChartFiles.DEFAULT_HEIGHT,
                        "chart" + shownCharts.incrementAndGet() + "-");
                output = output.withAlternative("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8))
                        .withAlternative("text/plain", ("chart: " + chart.fileName()).getBytes(StandardCharsets.UTF_8));
            }
            outputs.display(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw chart " + chart.fileName(), e);
        }
    }
}
