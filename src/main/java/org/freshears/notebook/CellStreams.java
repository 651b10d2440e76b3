package org.freshears.notebook;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * {@code System.out} and {@code System.err} as notebook cells need them: each write goes to the running
 * cell of the notebook run the writing thread belongs to ({@link NotebookContext#bound()}), and anywhere
 * else to the host's stream. Code calls {@code System.out} directly, so the JVM can only have one; this
 * one is installed once and never swapped per cell, and several notebook runs can print at once, each
 * into its own cells.
 */
final class CellStreams extends PrintStream {
    private final PrintStream host;
    private final boolean stderr;

    private CellStreams(PrintStream host, boolean stderr) {
        super(new Router(host, stderr), true);
        this.host = host;
        this.stderr = stderr;
    }

    /** Puts the routing streams in place, unless they are already (idempotent). */
    static synchronized void install() {
        if (!(System.out instanceof CellStreams)) {
            System.setOut(new CellStreams(System.out, false));
        }
        if (!(System.err instanceof CellStreams)) {
            System.setErr(new CellStreams(System.err, true));
        }
    }

    /** The host's own stream behind a routing one (a terminal for progress bars). */
    static PrintStream host(PrintStream stream) {
        return stream instanceof CellStreams routed ? routed.host : stream;
    }

    private PrintStream target() {
        return target(host, stderr);
    }

    private static PrintStream target(PrintStream host, boolean stderr) {
        NotebookContext context = NotebookContext.bound();
        PrintStream cell = context == null ? null : context.outputs().cellStream(stderr);
        return cell != null ? cell : host;
    }

    // Text goes to the target as text, so each stream encodes it its own way (a cell's in UTF-8).

    @Override
    public void print(boolean b) {
        target().print(b);
    }

    @Override
    public void print(char c) {
        target().print(c);
    }

    @Override
    public void print(int i) {
        target().print(i);
    }

    @Override
    public void print(long l) {
        target().print(l);
    }

    @Override
    public void print(float f) {
        target().print(f);
    }

    @Override
    public void print(double d) {
        target().print(d);
    }

    @Override
    public void print(char[] s) {
        target().print(s);
    }

    @Override
    public void print(String s) {
        target().print(s);
    }

    @Override
    public void print(Object obj) {
        target().print(obj);
    }

    @Override
    public void println() {
        target().println();
    }

    @Override
    public void println(boolean x) {
        target().println(x);
    }

    @Override
    public void println(char x) {
        target().println(x);
    }

    @Override
    public void println(int x) {
        target().println(x);
    }

    @Override
    public void println(long x) {
        target().println(x);
    }

    @Override
    public void println(float x) {
        target().println(x);
    }

    @Override
    public void println(double x) {
        target().println(x);
    }

    @Override
    public void println(char[] x) {
        target().println(x);
    }

    @Override
    public void println(String x) {
        target().println(x);
    }

    @Override
    public void println(Object x) {
        target().println(x);
    }

    @Override
    public PrintStream append(CharSequence csq) {
        target().append(csq);
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        target().append(csq, start, end);
        return this;
    }

    @Override
    public PrintStream append(char c) {
        target().append(c);
        return this;
    }

    @Override
    public PrintStream format(String format, Object... args) {
        target().format(format, args);
        return this;
    }

    @Override
    public PrintStream format(java.util.Locale l, String format, Object... args) {
        target().format(l, format, args);
        return this;
    }

    @Override
    public void write(int b) {
        target().write(b);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        target().write(buf, off, len);
    }

    @Override
    public void flush() {
        target().flush();
    }

    /** Bytes (from a writer wrapped around {@code System.out}), routed the same way. */
    private static final class Router extends OutputStream {
        private final PrintStream host;
        private final boolean stderr;

        Router(PrintStream host, boolean stderr) {
            this.host = host;
            this.stderr = stderr;
        }

        @Override
        public void write(int b) {
            target(host, stderr).write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target(host, stderr).write(b, off, len);
        }

        @Override
        public void flush() {
            target(host, stderr).flush();
        }
    }
}
