package org.freshears.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.freshears.audio.Dither;
import org.freshears.audio.NoiseShaping;
import org.freshears.audio.WavOutputFormat;
import org.freshears.chain.Step;
import org.freshears.checklist.ListenNote;
import org.freshears.checklist.Verdict;
import org.freshears.io.AtomicFile;
import org.freshears.measure.Analysis;
import org.freshears.measure.MatchedBandLevel;
import org.freshears.plot.ChartFiles;
import org.freshears.session.CheckItem;
import org.freshears.session.CheckVerdict;
import org.freshears.session.Checklist;
import org.freshears.session.Comparison;
import org.freshears.session.Problem;
import org.freshears.session.ProblemVerdict;
import org.freshears.session.RenderRecord;
import org.freshears.session.Session;
import org.freshears.session.Snapshot;
import org.freshears.session.StepRun;
import org.jfree.chart.JFreeChart;

/**
 * The run's report: one self-contained HTML page (no network; one inline script, the player, which plays the
 * listening files beside it when there are any) that says at
 * the top whether the master is done, then shows the checklist with its evidence, the mix as measured and
 * heard, the problem areas, every step with its settings, a before/after table and its charts, the
 * level-matched comparisons and the rendered master. Written even when a cell failed, with what ran.
 *
 * <p>Every text that came from the notebook is escaped ({@link Html}); the charts are inline SVG drawn
 * here, each with its own id prefix so their clip paths do not clash.
 */
public final class HtmlReport {
    /** Charts are drawn at the size their fonts were chosen for ({@link ChartFiles}), then scaled by CSS. */
    private static final int CHART_WIDTH = ChartFiles.DEFAULT_WIDTH;
    private static final int CHART_HEIGHT = ChartFiles.DEFAULT_HEIGHT;
    /** Bands of the comparison table: the broad regions an engineer names when listening back. */
    private static final double[][] COMPARISON_BANDS_HZ = {{20, 250}, {250, 2_000}, {2_000, 6_000}, {6_000, 20_000}};
    private static final String[] COMPARISON_BAND_NAMES = {"Lows", "Low mids", "Presence", "Air"};
    /** A tonal change worth pointing at: the same 0.5 dB as the level rows of {@link MetricTable}. */
    private static final double BAND_NOTABLE_DB = 0.5;

    private final ReportInput input;
    private final Path folder;
    private final Html html = new Html();
    /** Charts not yet placed, in order; whatever is left at the end goes under "More charts". */
    private final List<SessionCharts.Chart> unplaced = new ArrayList<>();
    private int chartCount;

    private HtmlReport(ReportInput input, Path folder) {
        this.input = input;
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
        unplaced.addAll(input.charts());
    }

    /** Writes the report to {@code file}: to a temporary file in the same folder first, then moved into place. */
    public static Path write(Path file, ReportInput input) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        byte[] bytes = render(input, dir).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, bytes);
        return target;
    }

    /** The page, with rendered files' paths as recorded. */
    public static String render(ReportInput input) {
        return render(input, null);
    }

    /** The page, with rendered files' paths relative to {@code reportFolder} where they lie under it. */
    public static String render(ReportInput input, Path reportFolder) {
        return new HtmlReport(input, reportFolder).page();
    }

    // ---- the page -----------------------------------------------------------------------------------

    private String page() {
        Session s = input.session();
        html.raw("<!DOCTYPE html>\n");
        html.open("html", "lang", "en").newline().open("head").newline()
                .empty("meta", "charset", "utf-8").newline()
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline()
                .empty("meta", "name", "generator", "content", "Fresh Ears " + input.toolVersion()).newline()
                .element("title", input.title() + " \u2014 Fresh Ears report").newline()
                .open("style").raw(ReportStyle.CSS).raw(Player.CSS).close("style").newline()
                .close("head").newline().open("body").newline().open("main").newline();
        header(s);
        if (s != null) {
            contents(s);
            listen(s);
            checklist(s);
            mix(s);
            s.heard().ifPresent(found -> FindingsSection.write(html, found));
            problems(s);
            steps(s);
            comparisons(s);
            references(s);
            master(s);
            s.translated().ifPresent(this::translation);
        }
        moreCharts();
        footer();
        html.close("main").newline().close("body").newline().close("html").newline();
        return html.toString();
    }

    private void header(Session s) {
        html.open("header").newline().element("h1", input.title()).newline();
        html.open("dl", "class", "about").newline();
        about("Notebook", input.notebookFile().toString());
        if (s != null) {
            about("Mix", s.mixPath().toString());
            about("Format", s.mix().format().description());
            about("Duration", Figures.clock(s.durationSeconds()));
            if (s.mixSha256() != null) {
                html.element("dt", "SHA-256").open("dd").element("span", s.mixSha256(), "class", "hash").close("dd")
                        .newline();
            }
        }
        about("Fresh Ears", input.toolVersion());
        html.close("dl").newline();
        banner(s);
        html.close("header").newline();
    }

    /** The player, under the contents: sticky, so it stays at hand beside every chart. */
    private void listen(Session s) {
        if (input.listening().isEmpty()) {
            return;
        }
        html.open("section", "id", "listen", "aria-label", "listen").newline();
        Player.write(html, input.listening(), s.mix().audio().sampleRate(), s.durationSeconds(), s.mixSha256(), true);
        html.close("section").newline();
    }

    private void about(String term, String value) {
        html.element("dt", term).element("dd", value).newline();
    }

    /** The answer to "is the master done?", before anything else. */
    private void banner(Session s) {
        Optional<String> failure = input.failure();
        Checklist list = s == null ? null : s.checklist();
        String kind;
        String headline;
        String detail;
        if (failure.isPresent()) {
            kind = "failed";
            String f = failure.get();
            headline = "Notebook failed " + (f.startsWith("cell ") ? "at " : ": ") + f;
            detail = s == null ? "No session was opened; nothing was measured."
                    : "This report shows what ran before the failure. Checklist so far: " + list.doneCount() + " of "
                            + list.size() + " done.";
        } else if (s == null) {
            kind = "not-done";
            headline = "No session: the notebook opened no mix";
            detail = "Call session(\"mix.wav\") in a cell to measure and master a mix.";
        } else if (list.size() == 0) {
            kind = "not-done";
            headline = "Not done: nothing on the checklist";
            detail = "Add problem areas and checks (s.check(...)) so a measurement can say when the master is done.";
        } else if (list.done()) {
            kind = "done";
            headline = "Master done: " + list.doneCount() + " of " + list.size();
            detail = "Every problem area and check is met, as measured.";
        } else {
            kind = "not-done";
            headline = "Not done: " + list.doneCount() + " of " + list.size();
            detail = (list.size() - list.doneCount()) + " item" + (list.size() - list.doneCount() == 1 ? "" : "s")
                    + " still open: see the checklist.";
        }
        html.open("div", "class", "banner " + kind, "role", "status", "id", "verdict")
                .element("div", headline, "class", "headline").element("div", detail, "class", "detail")
                .close("div").newline();
    }

    private void contents(Session s) {
        html.open("nav", "class", "contents", "aria-label", "contents").open("ol");
        link("#checklist", "Checklist");
        link("#mix", "The mix");
        if (s.heard().isPresent()) {
            link("#" + FindingsSection.ID, "What fresh ears found");
        }
        if (!s.problems().isEmpty()) {
            link("#problems", "Problem areas");
        }
        if (!s.steps().isEmpty()) {
            link("#steps", "Steps");
        }
        if (s.comparisons().stream().anyMatch(c -> !c.hasReference())) {
            link("#comparisons", "Comparisons");
        }
        if (ReferenceSection.applies(s)) {
            link("#" + ReferenceSection.ID, "References");
        }
        link("#master", "The master");
        if (s.translated().isPresent()) {
            link("#" + TranslationSection.ID, "Translation");
        }
        html.close("ol").close("nav").newline();
    }

    private void link(String anchor, String text) {
        html.open("li").element("a", text, "href", anchor).close("li");
    }

    // ---- the checklist ------------------------------------------------------------------------------

    private void checklist(Session s) {
        Checklist list = s.checklist();
        html.open("section", "id", "checklist").newline().element("h2", "Checklist").newline();
        html.element("p", list.doneCount() + " of " + list.size() + " done. An item is ticked only when a "
                + "measurement shows it is met.", "class", "muted");
        if (!list.problems().isEmpty()) {
            html.element("h3", "Problem areas");
            html.open("ul", "class", "checklist").newline();
            list.problems().forEach(v -> verdict(v.problem().name(), v.verdict()));
            html.close("ul").newline();
        }
        if (!list.checks().isEmpty()) {
            html.element("h3", "Checks");
            html.open("ul", "class", "checklist").newline();
            for (CheckVerdict v : list.checks()) {
                CheckItem c = v.check();
                verdict(c.name() + (c.afterStep() == null ? "" : " (after '" + c.afterStep().name() + "')"),
                        v.verdict());
            }
            html.close("ul").newline();
        }
        if (list.size() == 0) {
            html.element("p", "Nothing on the checklist yet.");
        }
        html.close("section").newline();
    }

    private void verdict(String name, Verdict v) {
        html.open("li", "class", v.done() ? "done" : "open");
        tick(v.done());
        html.open("div").element("div", name, "class", "name")
                .element("div", v.evidence(), "class", "evidence").close("div").close("li").newline();
    }

    /** ✓ or ✗ with words for screen readers (and for a reader who cannot tell green from red). */
    private void tick(boolean done) {
        html.element("span", done ? "\u2713" : "\u2717", "class", "tick " + (done ? "yes" : "no"), "role", "img",
                "aria-label", done ? "done" : "not done", "title", done ? "done" : "not done");
    }

    // ---- the mix ------------------------------------------------------------------------------------

    private void mix(Session s) {
        Analysis mix = s.snapshot(Session.MIX).analysis();
        html.open("section", "id", "mix").newline().element("h2", "The mix").newline();
        MetricTable.facts(html, MetricTable.FACTS, mix);

        List<ListenNote> passes = s.notes().stream().filter(ListenNote::isPass).toList();
        List<ListenNote> timed = s.notes().stream().filter(n -> !n.isPass()).toList();
        html.element("h3", "What was heard");
        if (passes.isEmpty() && timed.isEmpty() && s.sections().isEmpty()) {
            html.element("p", "No listening notes.", "class", "muted");
        }
        if (!passes.isEmpty()) {
            html.open("ul", "class", "passes");
            passes.forEach(n -> html.element("li", n.text()));
            html.close("ul").newline();
        }
        if (!timed.isEmpty() || !s.sections().isEmpty() || !s.problems().isEmpty() || s.heard().isPresent()) {
            Timeline.write(html, s.durationSeconds(), s.sections(), s.problems(), timed, s.heard());
        }
        if (!timed.isEmpty()) {
            html.open("table", "class", "notes").open("thead").open("tr").element("th", "#", "class", "num")
                    .element("th", "At", "class", "num").element("th", "Note").close("tr").close("thead").open("tbody");
            for (int i = 0; i < timed.size(); i++) {
                ListenNote n = timed.get(i);
                String at = n.at().durationSeconds() > 0.01 ? Figures.span(n.at()) : Figures.clock(n.at().fromSeconds());
                html.open("tr").element("td", String.valueOf(i + 1), "class", "num").element("td", at, "class", "num")
                        .element("td", n.text()).close("tr");
            }
            html.close("tbody").close("table").newline();
        }
        if (!s.sections().isEmpty()) {
            html.element("h4", "Sections");
            html.open("table", "class", "sections").open("thead").open("tr").element("th", "Section")
                    .element("th", "Span", "class", "num").element("th", "Length", "class", "num").close("tr").close("thead").open("tbody");
            s.sections().forEach(sec -> html.open("tr").element("td", sec.name())
                    .element("td", Figures.span(sec.span()), "class", "num")
                    .element("td", Figures.fixed(sec.span().durationSeconds(), 1, "s"), "class", "num").close("tr"));
            html.close("tbody").close("table").newline();
        }
        charts(key -> key instanceof ChartKey.OfMix);
        html.close("section").newline();
    }

    // ---- problem areas ------------------------------------------------------------------------------

    private void problems(Session s) {
        List<ProblemVerdict> verdicts = s.checklist().problems();
        if (verdicts.isEmpty()) {
            return;
        }
        Snapshot master = verdicts.get(0).measuredIn();
        html.open("section", "id", "problems").newline().element("h2", "Problem areas").newline();
        html.element("p", "Band level in the problem's span against the version's integrated loudness: how loud the "
                + "band sounds when mix and master are played at matched loudness, so making the master louder "
                + "neither hides nor fakes a fix. Master: '" + master.name() + "'.", "class", "muted");
        html.open("table", "class", "problems").open("thead").open("tr");
        for (String h : List.of("", "Problem", "Span", "Band", "Expected", "Mix", "Master", "Change", "Addressed by")) {
            html.element("th", h, "scope", "col", "class", List.of("Mix", "Master", "Change").contains(h) ? "num" : null);
        }
        html.close("tr").close("thead").open("tbody").newline();
        for (ProblemVerdict v : verdicts) {
            Problem p = v.problem();
            boolean done = v.done();
            double before = matchedDb(v.mix(), p);
            double after = matchedDb(v.measuredIn(), p);
            html.open("tr", "class", done ? "done" : "open").open("td");
            tick(done);
            html.close("td").element("td", p.name()).element("td", Figures.span(p.area().span()), "class", "num")
                    .element("td", p.area().band().toString()).element("td", p.area().expectation().describe())
                    .element("td", Figures.fixed(before, 1, "dB"), "class", "num")
                    .element("td", Figures.fixed(after, 1, "dB"), "class", "num")
                    .element("td", Figures.signed(after - before, 1) + (Double.isFinite(after - before) ? " dB" : ""),
                            "class", "num")
                    .element("td", p.addressedBy().isEmpty() ? "no step"
                            : p.addressedBy().stream().map(st -> "Step " + st.index() + " \u2014 " + st.name())
                                    .collect(Collectors.joining(", ")))
                    .close("tr").newline();
        }
        html.close("tbody").close("table").newline();
        for (ProblemVerdict v : verdicts) {
            ProblemTrailTable.write(html, s, v.problem());
        }
        charts(key -> key instanceof ChartKey.OfProblem);
        html.close("section").newline();
    }

    private static double matchedDb(Snapshot snapshot, Problem p) {
        MatchedBandLevel level = snapshot.matchedLevel(p.name());
        return level == null ? Double.NaN : level.matchedDb();
    }

    // ---- steps --------------------------------------------------------------------------------------

    private void steps(Session s) {
        List<StepRun> steps = s.steps();
        if (steps.isEmpty()) {
            return;
        }
        html.open("section", "id", "steps").newline().element("h2", "Steps").newline();
        glance(steps);
        for (StepRun step : steps) {
            step(step);
        }
        html.close("section").newline();
    }

    /** The whole chain in one table: what each step is and what it moved. */
    private void glance(List<StepRun> steps) {
        List<MetricTable.Row> rows = MetricTable.STEP.subList(0, 4);
        html.open("table", "class", "glance").open("thead").open("tr").element("th", "Step", "scope", "col")
                .element("th", "Processors", "scope", "col");
        rows.forEach(r -> html.element("th", "\u0394 " + r.shortLabel(), "scope", "col", "class", "num"));
        html.element("th", "Addresses", "scope", "col").close("tr").close("thead").open("tbody").newline();
        for (StepRun step : steps) {
            html.open("tr").open("td", "class", "step-name").element("a", step.index() + " \u2014 " + step.name(), "href",
                    "#" + stepId(step)).close("td")
                    .element("td", StepWords.of(step.written()));
            for (MetricTable.Row r : rows) {
                MetricTable.change(html, r, r.value().applyAsDouble(step.after().analysis())
                        - r.value().applyAsDouble(step.before().analysis()));
            }
            html.element("td", step.addresses().stream().map(Problem::name).collect(Collectors.joining(", ")))
                    .close("tr").newline();
        }
        html.close("tbody").close("table").newline();
    }

    private void step(StepRun step) {
        html.open("article", "class", "step", "id", stepId(step)).newline()
                .element("h3", "Step " + step.index() + " \u2014 " + step.name()).newline();
        html.open("ol", "class", "processors");
        for (int i = 0; i < step.written().size(); i++) {
            Step written = step.written().get(i);
            Step resolved = i < step.resolved().size() ? step.resolved().get(i) : written;
            html.open("li").element("code", SettingsText.of(written));
            if (!resolved.equals(written)) {
                html.open("span", "class", "resolved").text("resolved on the audio: ")
                        .element("code", SettingsText.of(resolved)).close("span");
            }
            html.close("li");
        }
        html.close("ol").newline();
        step.notices().forEach(n -> notice("Note: " + n));
        if (!step.addresses().isEmpty()) {
            html.element("p", "Addresses: " + step.addresses().stream()
                    .map(p -> p.name() + " (" + p.area().band() + ", " + Figures.span(p.area().span()) + ")")
                    .collect(Collectors.joining("; ")));
        }
        MetricTable.compare(html, MetricTable.STEP, "Before ('" + step.before().name() + "')",
                step.before().analysis(), "After", step.after().analysis());
        charts(key -> key instanceof ChartKey.OfStep k && k.step() == step);
        html.close("article").newline();
    }

    private static String stepId(StepRun step) {
        return "step-" + step.index();
    }

    // ---- comparisons --------------------------------------------------------------------------------

    private void comparisons(Session s) {
        // Comparisons with a reference track have a section of their own, with its table and findings.
        List<Comparison> comparisons = s.comparisons().stream().filter(c -> !c.hasReference()).toList();
        if (comparisons.isEmpty()) {
            return;
        }
        html.open("section", "id", "comparisons").newline().element("h2", "Comparisons, level-matched").newline();
        html.element("p", "Louder sounds better, so the second version is moved to the first one's integrated "
                + "loudness before the spectra are compared: what is left is tone, not level.", "class", "muted");
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            Comparison matched;
            String note = null;
            try {
                matched = c.levelMatched();
            } catch (IllegalArgumentException e) {
                matched = c;
                note = e.getMessage();
            }
            html.element("h3", "'" + c.nameB() + "' against '" + c.nameA() + "'");
            html.element("p", note != null ? note : "'" + c.nameB() + "' moved " + Figures.signed(matched.gainDb(), 1)
                    + " dB to match '" + c.nameA() + "' (" + Figures.fixed(c.a().analysis().integratedLufs(), 1)
                    + " LUFS).");
            html.open("table", "class", "metrics compare").open("thead").open("tr").element("th", "Band", "scope", "col")
                    .element("th", "'" + c.nameB() + "' \u2212 '" + c.nameA() + "'", "scope", "col", "class", "num")
                    .close("tr").close("thead").open("tbody");
            for (int b = 0; b < COMPARISON_BANDS_HZ.length; b++) {
                double[] band = COMPARISON_BANDS_HZ[b];
                bandDifference(COMPARISON_BAND_NAMES[b] + " " + hz(band[0]) + "\u2013" + hz(band[1]),
                        matched.differenceDb(band[0], band[1]));
            }
            // The bands the listener named, where the question "did the fix change the tone?" lives.
            for (Problem p : s.problems()) {
                bandDifference(p.name() + " " + p.area().band(),
                        matched.differenceDb(p.area().band().lowHz(), p.area().band().highHz()));
            }
            html.close("tbody").close("table").newline();
            charts(key -> key instanceof ChartKey.OfComparison k && k.comparison().equals(c), 1);
        }
        html.close("section").newline();
    }

    private void bandDifference(String label, double differenceDb) {
        MetricTable.Row row = new MetricTable.Row(label, "dB", a -> Double.NaN, 1, BAND_NOTABLE_DB);
        html.open("tr", "class", MetricTable.isNotable(row, differenceDb) ? "notable" : null)
                .element("th", label, "scope", "row");
        MetricTable.change(html, row, differenceDb);
        html.close("tr");
    }

    private static String hz(double hz) {
        return hz >= 1000 ? Figures.fixed(hz / 1000, hz % 1000 == 0 ? 0 : 1) + " kHz" : Figures.fixed(hz, 0) + " Hz";
    }

    // ---- the master ---------------------------------------------------------------------------------

    private void master(Session s) {
        html.open("section", "id", "master").newline().element("h2", "The master").newline();
        List<RenderRecord> renders = s.renders();
        if (renders.isEmpty()) {
            html.element("p", "Nothing was rendered.", "class", "muted");
        } else {
            html.open("table", "class", "renders").open("thead").open("tr");
            for (String h : List.of("File", "Format", "Dither", "After step", "Integrated", "True peak", "LRA",
                    "Clipped samples")) {
                html.element("th", h, "scope", "col", "class", List.of("File", "Format", "Dither").contains(h) ? null
                        : "num");
            }
            html.close("tr").close("thead").open("tbody").newline();
            for (RenderRecord r : renders) {
                html.open("tr").open("td").element("div", displayPath(r.path()))
                        .element("div", "SHA-256 " + r.sha256(), "class", "hash").close("td")
                        .element("td", format(r.format()) + ", " + RenderRecord.kiloHertz(r.sampleRateHz()))
                        .open("td").text(dither(r.format().dither()));
                if (r.format().warning() != null) {
                    notice("Warning: " + r.format().warning());
                }
                html.close("td")
                        .element("td", String.valueOf(r.afterSteps()), "class", "num")
                        .element("td", Figures.fixed(r.integratedLufs(), 1, "LUFS"), "class", "num")
                        .element("td", Figures.fixed(r.truePeakDbtp(), 2, "dBTP"), "class", "num")
                        .element("td", Figures.fixed(r.loudnessRangeLu(), 1, "LU"), "class", "num")
                        .element("td", String.valueOf(r.clippedSamples()), "class", "num").close("tr").newline();
            }
            html.close("tbody").close("table").newline();
        }
        Snapshot latest = s.latest();
        if (latest.name().equals(Session.MIX)) {
            html.element("p", "No step has run: the master is the mix.", "class", "muted");
        } else {
            html.element("h3", "Mix and master");
            MetricTable.compare(html, MetricTable.FACTS, "Mix", s.snapshot(Session.MIX).analysis(),
                    "Master (after '" + latest.name() + "')", latest.analysis());
        }
        charts(key -> key instanceof ChartKey.OfMaster);
        html.close("section").newline();
    }

    /** Something the run printed that a reader must not miss, shown where it applies. */
    private void notice(String text) {
        html.element("div", text, "class", "warning");
    }

    private static String format(WavOutputFormat f) {
        return f.bitsPerSample() + "-bit " + (f.floatingPoint() ? "float" : "PCM");
    }

    private static String dither(Dither d) {
        if (d.isNone()) {
            return "none";
        }
        return "TPDF" + (d.shaping() == NoiseShaping.NONE ? "" : ", shaped " + d.shaping().toString()
                .toLowerCase(Locale.ROOT)) + ", seed 0x" + Long.toHexString(d.seed());
    }

    /** A file relative to the report's folder when it lies under it, else as recorded. */
    private String displayPath(Path path) {
        if (folder != null) {
            Path p = path.toAbsolutePath().normalize();
            if (p.startsWith(folder)) {
                return folder.relativize(p).toString();
            }
        }
        return path.toString();
    }

    // ---- charts -------------------------------------------------------------------------------------

    /** Places, in order, the charts not yet placed whose keys match. */
    private void charts(Predicate<ChartKey> keys) {
        charts(keys, Integer.MAX_VALUE);
    }

    private void charts(Predicate<ChartKey> keys, int most) {
        Iterator<SessionCharts.Chart> it = unplaced.iterator();
        List<SessionCharts.Chart> picked = new ArrayList<>();
        while (it.hasNext() && picked.size() < most) {
            SessionCharts.Chart c = it.next();
            if (keys.test(c.key())) {
                picked.add(c);
                it.remove();
            }
        }
        picked.forEach(c -> chart(c.fileName(), c, loopOf(c.key())));
    }

    private void moreCharts() {
        if (unplaced.isEmpty()) {
            return;
        }
        html.open("section", "id", "more-charts").newline().element("h2", "More charts").newline();
        charts(key -> true);
        html.close("section").newline();
    }

    /** The References section: each reference, then each comparison with one, its charts beside it. */
    private void references(Session s) {
        if (ReferenceSection.applies(s)) {
            ReferenceSection.write(html, s, c -> charts(key -> key instanceof ChartKey.OfComparison k
                    && k.comparison().equals(c) || key instanceof ChartKey.OfReference r && r.comparison().equals(c), 3));
        }
    }

    /** The Translation section: the tables, then what each codec took away, charted. */
    private void translation(org.freshears.translation.TranslationReport r) {
        TranslationSection.tables(html, r);
        if (!r.codecs().isEmpty()) {
            chart(TranslationSection.CHART, org.freshears.plot.Charts.bandDifferences("What the codecs took away",
                    "Each decoded version minus the master, per third octave (0 dB: unchanged)",
                    r.codecs().get(0).spectrum().centresHz(), TranslationSection.codecNames(r),
                    TranslationSection.codecDifferences(r)));
        }
        html.close("section").newline();
    }

    /** A problem's charts loop its span in the player when clicked. */
    private static String[] loopOf(ChartKey key) {
        if (key instanceof ChartKey.OfProblem k) {
            return Timeline.loopAttributes(k.problem().area().span(), k.problem().name());
        }
        return new String[0];
    }

    private void chart(String name, JFreeChart chart, String... loop) {
        chartCount++;
        String title = chart.getTitle() == null ? name : chart.getTitle().getText();
        String svg = ChartFiles.svgElement(chart, CHART_WIDTH, CHART_HEIGHT, "c" + chartCount + "-");
        String[] attributes = ChartPlayhead.attributes(chart, CHART_WIDTH, CHART_HEIGHT, "id", "chart-" + name,
                "class", "chart");
        figure(name, title, svg, attributes, loop);
    }

    /** A session's chart, as {@link #chart(String, JFreeChart, String...)}, its SVG from the result cache if there. */
    private void chart(String name, SessionCharts.Chart chart, String... loop) {
        chartCount++;
        String title = chart.title().isEmpty() ? name : chart.title();
        String svg = chart.svgElement(CHART_WIDTH, CHART_HEIGHT, "c" + chartCount + "-");
        List<String> playhead = new ArrayList<>(List.of("id", "chart-" + name, "class", "chart"));
        playhead.addAll(chart.playhead(CHART_WIDTH, CHART_HEIGHT));
        figure(name, title, svg, playhead.toArray(String[]::new), loop);
    }

    private void figure(String name, String title, String svg, String[] attributes, String... loop) {
        String[] all = java.util.Arrays.copyOf(attributes, attributes.length + loop.length);
        System.arraycopy(loop, 0, all, attributes.length, loop.length);
        html.open("figure", all).newline()
                .raw(scalable(svg, title)).newline().element("figcaption", name).close("figure").newline();
    }

    /**
     * JFreeSVG gives the element a fixed width and height but no viewBox, so CSS could crop it but not
     * scale it; the viewBox makes it fit the column. The title becomes its accessible name.
     */
    private static String scalable(String svg, String title) {
        if (!svg.startsWith("<svg ")) {
            throw new IllegalStateException("expected an <svg> element, got " + svg.substring(0, Math.min(40,
                    svg.length())));
        }
        return "<svg viewBox=\"0 0 " + CHART_WIDTH + " " + CHART_HEIGHT + "\" role=\"img\" aria-label=\""
                + Html.escape(title) + "\" " + svg.substring("<svg ".length());
    }

    private void footer() {
        html.open("footer").text("Written by Fresh Ears " + input.toolVersion() + " from " + input.notebookFile()
                + ". Self-contained but for the listening files in listen/ beside it: no network, one inline script (the player).").close("footer").newline();
    }
}
