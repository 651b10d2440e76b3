package org.freshears.notebook;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The door through which code running in a notebook cell (the DSL, never the notebook text itself)
 * attaches rich outputs to the cell that is running: charts, checklists. The runner drains them after
 * each cell. Outside a running cell (in {@code freshears shell}, in plain Java) nothing is collected, so
 * a long interactive session cannot pile up images; {@link #display} says so by returning false and the
 * caller can fall back to printing.
 *
 * <p>While a cell runs, {@code System.out} and {@code System.err} are the cell's buffers; host code that
 * draws on the terminal (a progress bar) should use {@link #terminal()} instead.
 */
public final class CellOutputs {
    private static final List<RichOutput> PENDING = new ArrayList<>();
    private static boolean collecting;
    private static PrintStream terminal;

    private CellOutputs() {
    }

    /** Attaches an output to the running cell; false (and nothing kept) when no notebook cell is running. */
    public static boolean display(String mimeType, byte[] data) {
        return add(new RichOutput(mimeType, data));
    }

    /** Attaches a text output (UTF-8), e.g. {@code text/html} or {@code text/plain}. */
    public static boolean display(String mimeType, String text) {
        return add(new RichOutput(mimeType, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** True while a notebook cell runs: its outputs are being collected. */
    public static synchronized boolean collecting() {
        return collecting;
    }

    /** The terminal's stderr, also while a cell's {@code System.err} is captured. */
    public static synchronized PrintStream terminal() {
        return collecting && terminal != null ? terminal : System.err;
    }

    private static synchronized boolean add(RichOutput display) {
        if (collecting) {
            PENDING.add(display);
        }
        return collecting;
    }

    static synchronized void cellStarted(PrintStream terminalErr) {
        PENDING.clear();
        collecting = true;
        terminal = terminalErr;
    }

    /** Ends collection and returns what the cell displayed, in call order. */
    static synchronized List<RichOutput> cellFinished() {
        collecting = false;
        terminal = null;
        List<RichOutput> displays = List.copyOf(PENDING);
        PENDING.clear();
        return displays;
    }
}
