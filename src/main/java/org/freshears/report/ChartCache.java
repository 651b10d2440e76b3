package org.freshears.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.freshears.session.CacheKeys;
import org.freshears.session.Problem;
import org.freshears.session.ResultCache;
import org.freshears.session.Session;
import org.freshears.session.StepRun;

/**
 * A session's drawn charts kept in its result cache by content, so an unchanged chart is never measured or
 * drawn twice: not by the report after the cell showed it, not by a kernel's cell run again, not by a run of
 * an unchanged notebook (whose spectrograms alone cost a second of the whole song's transforms).
 *
 * <p>What is kept is the drawn result (PNG bytes, SVG text, the report's title and playhead attributes), not
 * the series it is drawn from: the renders are what costs (Java2D and the SVG writer take longer than the
 * spectrum and loudness series take to read from the snapshots), and a spectrogram's series are bigger than
 * its PNG. A chart's key names everything it is drawn from ({@link #contentKey}), so what is found under it
 * is the same bytes drawing it again would give.
 */
final class ChartCache {
    /**
     * The drawing's version, part of every chart's key. The cache's namespace already names the program build;
     * this says, where the code is read, that a chart's look is part of what is cached: change it when a chart
     * is drawn differently from the same data.
     */
    static final String VERSION = "charts: jfreechart 1.5 + jfreesvg 5, spectrogram magma v1";

    /**
     * The ids a cached {@code <svg>} element is drawn with, replaced by the ids each page asks for: the same
     * chart inlined twice needs ids of its own each time (a kernel numbers every chart it shows), and drawing
     * it again for a new prefix costs as much as the first time.
     */
    static final String PLACEHOLDER_ID_PREFIX = "freshears-chart-cache-id-";

    private final Session session;
    private final ResultCache cache;

    ChartCache(Session session) {
        this.session = session;
        this.cache = session.context().cache();
    }

    /**
     * What a chart draws, as a cache key: the versions of the audio it shows (by their keys: their analyses,
     * traces and audio, hence sample rate and duration, follow from them), its file name and subject, what it
     * marks (the basis, its steps by their audio keys), and the session's sections, notes, problems and steps
     * by name and settings (titles and marks come from them). Null, so not cached, when the cache is off, or a
     * version it may show has no key, or a part of what it draws has no canonical form.
     */
    String contentKey(ChartKey key, Object basis) {
        if (!cache.enabled() || key instanceof ChartKey.OfReference) {
            return null; // a reference's charts draw a file the session's versions do not name
        }
        List<Object> versions = new ArrayList<>();
        versions.add(session.audioKey(Session.MIX));
        // A step's charts show the versions up to its output, the mix's the mix alone (a loudness target a step
        // sets is in their basis); the rest show the whole chain.
        int lastStep = key instanceof ChartKey.OfStep k ? k.step().index() : key instanceof ChartKey.OfMix ? 0
                : Integer.MAX_VALUE;
        for (StepRun step : session.steps()) {
            if (step.index() > lastStep) {
                break;
            }
            versions.add(step.index() + " " + step.name());
            versions.add(session.audioKey(step.name()));
            versions.add(step.written());
            versions.add(step.addresses().stream().map(Problem::name).toList());
        }
        if (key instanceof ChartKey.OfComparison c) {
            String a = c.comparison().nameA();
            String b = c.comparison().nameB();
            if (!isSnapshot(a) || !isSnapshot(b)) {
                return null; // a comparison with a reference file
            }
            versions.add(List.of(a, b));
        }
        Object canonicalBasis = canonical(basis);
        if (versions.contains(null) || canonicalBasis == null) {
            return null; // a version without a key
        }
        List<Object> marks = new ArrayList<>();
        marks.add(session.sections());
        marks.add(session.notes());
        for (Problem p : session.problems()) {
            marks.add(p.area());
        }
        return CacheKeys.derived(cache.namespace(), "chart", session.audioKey(Session.MIX), VERSION, key.fileName(),
                versions, marks, canonicalBasis, session.heard().map(Object::toString).orElse(""));
    }

    /** The PNG kept under the chart's key, else drawn now and kept. */
    byte[] png(String contentKey, int width, int height, PngDrawing draw) throws IOException {
        String k = renderKey(contentKey, "png", width, height);
        byte[] png = k == null ? null : cache.get(k, byte[].class);
        if (png == null) {
            png = draw.png();
            put(k, png);
        }
        return png;
    }

    /** A text drawn from the chart ("svg document", "title"...), kept under the chart's key and its settings. */
    String text(String contentKey, String kind, Supplier<String> draw, Object... settings) {
        String k = renderKey(contentKey, kind, settings);
        String text = k == null ? null : cache.get(k, String.class);
        if (text == null) {
            text = draw.get();
            put(k, text);
        }
        return text;
    }

    /**
     * The element's ids renamed from the placeholder to {@code idPrefix}, in one pass (an element is up to a few
     * hundred kilobytes); null when the placeholder is found where no id is named. Only ids are renamed: JFreeSVG
     * writes an id as {@code id='...'} or {@code 'url(#...)'}, and escapes the apostrophe in any text
     * ({@code &apos;}), so the chart's own words are never touched; a placeholder found anywhere else (in a
     * title, or a way of naming an id this does not know) means the caller draws the element for its prefix.
     */
    static String renamedIds(String element, String idPrefix) {
        StringBuilder renamed = new StringBuilder(element.length() + 64);
        int from = 0;
        for (int at = element.indexOf(PLACEHOLDER_ID_PREFIX); at >= 0;
                at = element.indexOf(PLACEHOLDER_ID_PREFIX, from)) {
            if (!element.startsWith("id='", at - 4) && !element.startsWith("'url(#", at - 6)) {
                return null;
            }
            renamed.append(element, from, at).append(idPrefix);
            from = at + PLACEHOLDER_ID_PREFIX.length();
        }
        return renamed.append(element, from, element.length()).toString();
    }

    /** The report's playhead attributes of the chart drawn at a size. */
    @SuppressWarnings("unchecked")
    List<String> attributes(String contentKey, String kind, Supplier<List<String>> make, Object... settings) {
        String k = renderKey(contentKey, kind, settings);
        List<String> attributes = k == null ? null : cache.get(k, List.class);
        if (attributes == null) {
            attributes = List.copyOf(make.get());
            put(k, attributes);
        }
        return attributes;
    }

    /** A chart's PNG, drawn when the cache has none. */
    @FunctionalInterface
    interface PngDrawing {
        byte[] png() throws IOException;
    }

    private void put(String k, Object value) {
        if (k != null) {
            cache.put(k, value);
        }
    }

    private String renderKey(String contentKey, String kind, Object... settings) {
        return CacheKeys.derived(cache.namespace(), "chart " + kind, contentKey, settings);
    }

    private boolean isSnapshot(String name) {
        return session.snapshots().stream().anyMatch(s -> s.name().equals(name));
    }

    /**
     * The basis a chart is redrawn on, in a form a key can hold: a step (which the basis names as the object, so
     * a step replaced by a kernel's cell run again counts as changed) by its place, name and audio key. Null
     * when a step has no audio key.
     */
    private Object canonical(Object basis) {
        if (basis instanceof StepRun step) {
            String audioKey = session.audioKey(step.name());
            return audioKey == null ? null : List.of(step.index(), step.name(), audioKey);
        }
        if (basis instanceof List<?> list) {
            List<Object> parts = new ArrayList<>();
            for (Object part : list) {
                Object canonical = canonical(part);
                if (canonical == null) {
                    return null;
                }
                parts.add(canonical);
            }
            return parts;
        }
        return basis;
    }

}
