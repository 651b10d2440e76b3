package org.freshears.notebook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the running cell of one notebook run has shown: its rich outputs (charts, checklists) and its
 * {@code System.out} and {@code System.err} text. Code running in a cell reaches it through its run's
 * {@link NotebookContext}; the runner starts and ends each cell. Outside a running cell (in
 * {@code freshears shell}, in plain Java) nothing is collected, so a long interactive session cannot pile
 * up images; {@link #display} says so by returning false and the caller can fall back to printing.
 */
public final class CellOutputs {
    private final PrintStream terminal;
    private final List<RichOutput> pending = new ArrayList<>();
    /** What the cell's end makes and shows, in the order asked for ({@link #atCellEnd}, {@link #drawAtCellEnd}). */
    private final List<Supplier<Runnable>> atCellEnd = new ArrayList<>();
    private ByteArrayOutputStream outBytes;
    private ByteArrayOutputStream errBytes;
    private PrintStream out;
    private PrintStream err;

    /** @param terminal where host code draws while a cell's own streams are captured (a progress bar) */
    public CellOutputs(PrintStream terminal) {
        this.terminal = CellStreams.host(terminal);
    }

    /** Attaches an output to the running cell; false (and nothing kept) when no cell is running. */
    public boolean display(String mimeType, byte[] data) {
        return display(new RichOutput(mimeType, data));
    }

    /** Attaches an output with all its representations (a chart as PNG and SVG); false when no cell runs. */
    public boolean display(RichOutput output) {
        java.util.function.Consumer<RichOutput> sink;
        synchronized (this) {
            if (out == null) {
                return false;
            }
            pending.add(output);
            sink = live;
        }
        if (sink != null) {
            sink.accept(output); // outside the lock: a kernel sends it over a socket
        }
        return true;
    }

    /** Attaches a text output (UTF-8), e.g. {@code text/html} or {@code text/plain}. */
    public boolean display(String mimeType, String text) {
        return display(mimeType, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code task} when the running cell ends, just before its outputs are collected: for outputs
     * best made once the cell's code is done (a step's chart shades the problems {@code .addresses(...)}
     * names after the step ran). False, and nothing kept, when no cell is running.
     */
    public synchronized boolean atCellEnd(Runnable task) {
        return drawAtCellEnd(() -> task);
    }

    /**
     * Like {@link #atCellEnd(Runnable)}, for an output whose making is the slow part (a chart drawn): when the
     * cell ends, {@code draw} runs beside the other outputs' on every core ({@link CellEndOutputs}), and the
     * action it returns shows what it made, in the order the outputs were asked for. {@code draw} must not
     * show anything itself; false, and nothing kept, when no cell is running.
     */
    public synchronized boolean drawAtCellEnd(Supplier<Runnable> draw) {
        if (out == null) {
            return false;
        }
        atCellEnd.add(draw);
        return true;
    }

    /** True while a cell runs: its outputs are being collected. */
    public synchronized boolean collecting() {
        return out != null;
    }

    /** The terminal's stderr, never a cell's captured stream. */
    public PrintStream terminal() {
        return terminal;
    }

    /** The running cell's {@code System.out} or {@code System.err}, or null between cells. */
    synchronized PrintStream cellStream(boolean stderr) {
        return stderr ? err : out;
    }

    synchronized void cellStarted() {
        pending.clear();
        atCellEnd.clear();
        outBytes = new ByteArrayOutputStream();
        errBytes = new ByteArrayOutputStream();
        out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    }

    /** What one cell showed. */
    record Shown(String stdout, String stderr, List<RichOutput> displays) {
    }

    /** Ends collection and returns what the cell showed, displays in call order. */
    // ---- live outputs (#15 item 1: a kernel shows charts as each step runs) ------------------------------

    /** Where each output goes the moment it is attached, besides the cell's list; null: only collected. */
    private volatile java.util.function.Consumer<RichOutput> live;

    /**
     * Sends every output to {@code sink} as it is attached (a kernel's display_data while the cell runs), and
     * shows the outputs a cell's code deferred ({@link #atCellEnd}) after each of its statements instead of at
     * its end; null collects them for the cell's end only (a notebook run's notebook.ipynb).
     */
    public void showLive(java.util.function.Consumer<RichOutput> sink) {
        live = sink;
    }

    /** True while outputs are shown as they come ({@link #showLive}). */
    public boolean live() {
        return live != null;
    }

    /**
     * Runs the deferred outputs now (between two statements of a live cell: the statement that ran a step
     * has also said what it addresses, so its chart is the one to show).
     */
    void showDeferred() {
        List<Supplier<Runnable>> tasks;
        synchronized (this) {
            if (out == null || atCellEnd.isEmpty()) {
                return;
            }
            tasks = List.copyOf(atCellEnd);
            atCellEnd.clear();
        }
        CellEndOutputs.drawThenShow(tasks, e -> cellStream(true).println("cannot show an output: " + e));
    }

    /** Statements ended inside joined blocks, in this JShell's life ({@link #statementEnded}). */
    private final java.util.concurrent.atomic.AtomicInteger statementsEnded = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A statement of a joined block ended ({@link StatementRuns}): counted (so a block stopped in its third
     * statement is reported at that statement's line), and what it deferred shown when outputs are live.
     */
    void statementEnded() {
        statementsEnded.incrementAndGet();
        if (live()) {
            showDeferred();
        }
    }

    int statementsEnded() {
        return statementsEnded.get();
    }

    synchronized Shown cellFinished() {
        List<Supplier<Runnable>> tasks = List.copyOf(atCellEnd);
        atCellEnd.clear();
        PrintStream cellErr = err;
        CellEndOutputs.drawThenShow(tasks, e -> cellErr.println("cannot show an output: " + e));
        out.flush();
        err.flush();
        Shown shown = new Shown(outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8),
                List.copyOf(pending));
        pending.clear();
        out = null;
        err = null;
        outBytes = null;
        errBytes = null;
        return shown;
    }
}
