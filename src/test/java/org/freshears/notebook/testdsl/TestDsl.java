package org.freshears.notebook.testdsl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.freshears.notebook.NotebookContext;

/**
 * A stand-in for the mastering DSL ({@code org.freshears.Mastering}) with the same shape: static
 * factories, validated immutable settings, fluent calls, rich outputs through {@link NotebookContext}, and
 * static state the host can see.
 */
public final class TestDsl {
    /** Set by the host before a run, changed by a notebook: proves host and snippets share statics. */
    public static volatile int hostCounter;
    /** A snippet stores the Class object it resolved for TestDsl here, to compare with the host's. */
    public static volatile Class<?> classSeenBySnippet;
    /** Lets a test end {@link #spin()} itself when JShell cannot stop it. */
    public static volatile boolean releaseSpin;
    /** Whether the last display() call was collected by a running cell. */
    public static volatile boolean lastDisplayCollected;

    /** The first bytes of every PNG file (PNG spec, section 5.2); enough for a display round trip. */
    public static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Two notebook runs meet here: each waits until the other is inside a cell too. */
    public static final java.util.concurrent.CyclicBarrier BOTH_RUNS = new java.util.concurrent.CyclicBarrier(2);

    private TestDsl() {
    }

    /** Waits (30 s at most) until another run is at the same point: proves two runs go on at once. */
    public static void meet() throws Exception {
        BOTH_RUNS.await(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    public static Ratio ratio(double value) {
        return new Ratio(value);
    }

    public static Chain chain(String first) {
        return new Chain(List.of(first));
    }

    /** Displays a fake chart (image/png) named by its title's bytes after the PNG signature. */
    public static void chart(String title) {
        byte[] title8 = title.getBytes(StandardCharsets.UTF_8);
        byte[] png = new byte[PNG_SIGNATURE.length + title8.length];
        System.arraycopy(PNG_SIGNATURE, 0, png, 0, PNG_SIGNATURE.length);
        System.arraycopy(title8, 0, png, PNG_SIGNATURE.length, title8.length);
        lastDisplayCollected = NotebookContext.current().display("image/png", png);
    }

    public static void checklist(String... items) {
        StringBuilder html = new StringBuilder("<ul>");
        for (String item : items) {
            html.append("<li>").append(item).append("</li>");
        }
        lastDisplayCollected = NotebookContext.current().display("text/html", html.append("</ul>").toString());
    }

    /** A busy loop in host (not snippet) code: JShell on JDK 20+ cannot stop it, JDK 17's Thread.stop can. */
    public static long spin() {
        long n = 0;
        while (!releaseSpin) {
            n++;
        }
        return n;
    }

    public record Ratio(double value) {
        public Ratio {
            if (!(value >= 1)) {
                throw new IllegalArgumentException("ratio must be >= 1, got " + value);
            }
        }
    }

    public record Chain(List<String> steps) {
        public Chain step(String name) {
            List<String> more = new ArrayList<>(steps);
            more.add(name);
            return new Chain(List.copyOf(more));
        }

        public String describe() {
            return String.join(" > ", steps);
        }
    }
}
