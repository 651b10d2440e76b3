package org.freshears.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.freshears.notebook.CellOutputs;
import org.freshears.notebook.RichOutput;
import org.freshears.plot.ChartFiles;
import org.freshears.report.ChartKey;
import org.freshears.report.ListeningFiles;
import org.freshears.report.Player;
import org.freshears.report.SessionCharts;
import org.freshears.session.Comparison;
import org.freshears.session.Display;
import org.freshears.session.Playback;
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
    private final Map<Session, ListeningFiles> listening = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Path previousRun;

    CellDisplay(CellOutputs outputs) {
        this(outputs, false);
    }

    /**
     * @param everyFormat show each chart as SVG and a line of text beside its PNG (one mime bundle, for a
     *                    Jupyter front end to pick from); a run's notebook.ipynb keeps the PNG alone
     */
    CellDisplay(CellOutputs outputs, boolean everyFormat) {
        this(outputs, everyFormat, null);
    }

    /**
     * @param previousRun the output folder a run's staging folder replaces: its listening files with exactly
     *                    the bytes this run makes are linked, not written again (null: none)
     */
    CellDisplay(CellOutputs outputs, boolean everyFormat, Path previousRun) {
        this.outputs = outputs;
        this.everyFormat = everyFormat;
        this.previousRun = previousRun;
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
        // Now, not at the cell's end: the step's output is the session's master only until the next step.
        ListeningFiles files = listening.get(session);
        // Shown live (a kernel), the step's charts are drawn the moment its statement ends: its listening file is
        // encoded after they are shown, not on a core they need (anything waiting for the file starts it first).
        // (Released in the show phase, which follows every draw of the statement's outputs.)
        if (files != null && outputs.live()) {
            files.holdUntilShown();
            if (!outputs.drawAtCellEnd(() -> files::releaseHeld)) {
                files.releaseHeld(); // no cell is running to show them: nothing to wait for
            }
        }
        if (files != null) {
            files.stepRan(step);
        }
        // One draw per chart, so that the step's charts are drawn side by side too: a kernel's cell run again with
        // its last step edited has only that step's charts to draw. Which charts a step has is known now (its
        // resolved chain); what they show, at the cell's end.
        int charts = shownOfStep(session, step).size();
        for (int i = 0; i < charts; i++) {
            int index = i;
            drawAtCellEnd(() -> List.of(shownOfStep(session, step).get(index)));
        }
    }

    /** The step's charts a cell shows: all but its gain reduction (drawn in the report). */
    private List<SessionCharts.Chart> shownOfStep(Session session, StepRun step) {
        return chartsOf(session).ofStep(step).stream()
                .filter(chart -> chart.key() instanceof ChartKey.OfStep k && k.view() != ChartKey.StepView.GAIN_REDUCTION)
                .toList();
    }

    @Override
    public void opened(Session session) {
        ListeningFiles files = new ListeningFiles(session, session.context().outputDir(),
                listening.isEmpty() ? "" : (listening.size() + 1) + "-", previousRun);
        listening.put(session, files);
        files.mixOpened();
        drawAtCellEnd(() -> List.of(chartsOf(session).mixSpectrogram()));
    }

    /** Waits for the listening files still being written; one that cannot be written is told on the terminal. */
    @Override
    public void finished() {
        List<ListeningFiles> all;
        synchronized (listening) {
            all = List.copyOf(listening.values());
        }
        for (ListeningFiles files : all) {
            try {
                files.awaitWritten();
            } catch (RuntimeException e) {
                outputs.terminal().println("freshears: " + e.getMessage());
            }
        }
    }

    /** The versions the session's player plays, the master written if needed (once every cell has run). */
    List<ListeningFiles.Version> listeningOf(Session session) {
        ListeningFiles files = listening.get(session);
        return files == null ? List.of() : files.finish();
    }

    /** A player for one version, in the cell's output (the report's player has them all). */
    @Override
    public void played(Session session, Playback playback) {
        player(session, List.of(playback.key()));
    }

    private void player(Session session, List<String> keys) {
        ListeningFiles files = listening.get(session);
        if (files == null) {
            return;
        }
        List<ListeningFiles.Version> versions = new ArrayList<>();
        for (String key : keys) {
            ListeningFiles.Version v = files.current(key);
            if (v == null || v.file() == null) {
                return; // a reference file, or a version the budget left out: the chart still shows
            }
            versions.add(v);
        }
        outputs.display("text/html", Player.fragment(versions, session.mix().audio().sampleRate(),
                session.durationSeconds(), session.mixSha256()));
    }

    /** A reference track joins the player: written now, while its audio is at hand. */
    @Override
    public void referenced(Session session, org.freshears.session.Reference reference,
            org.freshears.audio.AudioBuffer audio) {
        ListeningFiles files = listening.get(session);
        if (files != null) {
            files.referenceRead(reference, audio);
        }
    }

    /** Framed as written, so the user can check the span and band before a step addresses it. */
    @Override
    public void problemAdded(Session session, Problem problem) {
        drawAtCellEnd(() -> List.of(chartsOf(session).problemSpectrogram(problem)));
    }

    @Override
    public void rendered(Session session, RenderRecord render) {
        drawAtCellEnd(() -> List.of(chartsOf(session).masterSpectrogram()));
    }

    /** The comparison's chart, and a player of the two, level-matched, when both are versions of the session. */
    @Override
    public void compared(Session session, Comparison comparison) {
        if (comparison.hasReference()) {
            // Against a reference: the spectra, the third-octave differences and the loudness over time.
            drawAtCellEnd(() -> chartsOf(session).ofReferenceComparison(comparison));
            player(session, List.of(versionKey(comparison.nameA()), comparison.nameB()));
            return;
        }
        drawAtCellEnd(() -> List.of(chartsOf(session).ofComparison(comparison)));
        player(session, List.of(versionKey(comparison.nameA()), versionKey(comparison.nameB())));
    }

    private static String versionKey(String snapshotName) {
        if (snapshotName.equals("master") || snapshotName.startsWith("step:")) {
            return snapshotName; // a reference comparison names its version as the notebook did
        }
        return snapshotName.equals(Session.MIX) ? Session.MIX : "step:" + snapshotName;
    }

    @Override
    public void text(String text) {
        if (!outputs.display("text/plain", text)) {
            outputs.terminal().println(text);
        }
    }

    /**
     * Shows charts when the cell ends, each drawn beside the cell's other charts ({@link CellOutputs#drawAtCellEnd}):
     * which charts is decided then too, as the cell left the session.
     */
    private void drawAtCellEnd(Supplier<List<SessionCharts.Chart>> charts) {
        outputs.drawAtCellEnd(() -> {
            List<RichOutput> drawn = charts.get().stream().map(this::drawn).toList();
            return () -> drawn.forEach(outputs::display);
        });
    }

    private RichOutput drawn(SessionCharts.Chart chart) {
        try {
            RichOutput output = new RichOutput("image/png", chart.png()); // the run's chart file reuses it
            if (everyFormat) {
                // Ids of its own: a front end that inlines several SVGs in one page must not mix their clip paths.
                String svg = chart.svgElement(ChartFiles.DEFAULT_WIDTH, ChartFiles.DEFAULT_HEIGHT,
                        "chart" + shownCharts.incrementAndGet() + "-");
                output = output.withAlternative("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8))
                        .withAlternative("text/plain", ("chart: " + chart.fileName()).getBytes(StandardCharsets.UTF_8));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw chart " + chart.fileName(), e);
        }
    }
}
