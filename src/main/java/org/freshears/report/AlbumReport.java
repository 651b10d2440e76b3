package org.freshears.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.freshears.checklist.Verdict;
import org.freshears.io.AtomicFile;
import org.freshears.plot.ChartFiles;
import org.freshears.session.Album;
import org.freshears.session.AlbumChecklist;
import org.freshears.session.AlbumFigures;
import org.freshears.session.AlbumSong;
import org.freshears.session.RenderRecord;

/**
 * An album's report: one page that says whether the album is done, then its figures (album loudness, spread,
 * gain), its checks, every song side by side (integrated loudness, true peak, loudness range, PSR, checklist),
 * every master rendered, and a section per song with its checklist and the loudness chart of its last step,
 * linked to the song's own full report (its charts, steps, problem areas and player), which
 * {@link HtmlReport} writes as for any session.
 */
public final class AlbumReport {
    private final Input input;
    private final Path folder;
    private final Html html = new Html();
    private int chartCount;

    /**
     * What an album report is made of.
     *
     * @param title the notebook's first heading, or its file name
     * @param notebookFile the notebook that ran
     * @param album the album it opened
     * @param songPages each song's own report, relative to the album's, in running order
     * @param songCharts each song's charts, in running order
     * @param failure why the notebook stopped, if it did
     * @param toolVersion the Fresh Ears version that ran it
     */
    public record Input(String title, Path notebookFile, Album album, List<String> songPages,
            List<List<SessionCharts.Chart>> songCharts, Optional<String> failure, String toolVersion) {
        public Input {
            songPages = List.copyOf(songPages);
            songCharts = List.copyOf(songCharts);
            if (songPages.size() != album.songs().size() || songCharts.size() != album.songs().size()) {
                throw new IllegalArgumentException("a page and charts per song: " + album.songs().size() + " songs, "
                        + songPages.size() + " pages, " + songCharts.size() + " chart lists");
            }
        }
    }

    private AlbumReport(Input input, Path folder) {
        this.input = input;
        this.folder = folder;
    }

    /** Writes the page to a temporary file beside {@code file}, then moves it into place. */
    public static Path write(Path file, Input input) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        AtomicFile.write(target, render(input, target.getParent()).getBytes(StandardCharsets.UTF_8));
        return target;
    }

    /** The page, with rendered files' paths relative to {@code reportFolder} where they lie under it. */
    public static String render(Input input, Path reportFolder) {
        return new AlbumReport(input, reportFolder == null ? null : reportFolder.toAbsolutePath().normalize()).page();
    }

    private String page() {
        Album album = input.album();
        AlbumFigures figures = album.figures();
        AlbumChecklist checklist = album.checklist();
        html.raw("<!DOCTYPE html>\n");
        html.open("html", "lang", "en").newline().open("head").newline()
                .empty("meta", "charset", "utf-8").newline()
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline()
                .empty("meta", "name", "generator", "content", "Fresh Ears " + input.toolVersion()).newline()
                .element("title", input.title() + " \u2014 Fresh Ears album report").newline()
                .open("style").raw(ReportStyle.CSS).close("style").newline()
                .close("head").newline().open("body").newline().open("main").newline();
        header(album, checklist);
        albumFigures(album, figures);
        checks(checklist);
        songTable(figures);
        masters(album);
        for (int i = 0; i < album.songs().size(); i++) {
            song(album.songs().get(i), checklist.songs().get(i), input.songPages().get(i), input.songCharts().get(i));
        }
        html.open("footer").text("Written by Fresh Ears " + input.toolVersion() + " from " + input.notebookFile()
                + ". Each song's own report (its charts, steps and player) is linked from its section.")
                .close("footer").newline();
        html.close("main").newline().close("body").newline().close("html").newline();
        return html.toString();
    }

    private void header(Album album, AlbumChecklist checklist) {
        html.open("header").newline().element("h1", input.title()).newline();
        html.open("dl", "class", "about").newline();
        about("Notebook", input.notebookFile().toString());
        about("Album", album.title());
        about("Songs", String.valueOf(album.songs().size()));
        about("Fresh Ears", input.toolVersion());
        html.close("dl").newline();
        long songsDone = checklist.songs().stream().filter(s -> s.checklist().done()).count();
        long checksDone = checklist.checks().stream().filter(AlbumChecklist.AlbumCheckVerdict::done).count();
        String counts = songsDone + " of " + checklist.songs().size() + " songs, " + checksDone + " of "
                + checklist.checks().size() + " album checks";
        String kind;
        String headline;
        if (input.failure().isPresent()) {
            kind = "failed";
            headline = "Notebook failed " + (input.failure().get().startsWith("cell ") ? "at " : ": ")
                    + input.failure().get();
        } else if (checklist.done()) {
            kind = "done";
            headline = "Album done: " + counts;
        } else {
            kind = "not-done";
            headline = "Not done: " + counts;
        }
        html.open("div", "class", "banner " + kind, "role", "status", "id", "verdict")
                .element("div", headline, "class", "headline")
                .element("div", "Done when every song's checklist is done and every album check holds, as measured.",
                        "class", "detail").close("div").newline();
        html.open("nav", "class", "contents", "aria-label", "contents").open("ol");
        link("#album", "The album");
        link("#songs", "Songs side by side");
        link("#masters", "Masters");
        for (AlbumSong song : album.songs()) {
            link("#" + songId(song), song.number() + ". " + song.title());
        }
        html.close("ol").close("nav").newline();
        html.close("header").newline();
    }

    private void albumFigures(Album album, AlbumFigures f) {
        html.open("section", "id", "album").newline().element("h2", "The album").newline();
        html.element("p", "Album loudness is BS.1770-4's gating over every song's 400 ms blocks together: the loudness"
                + " of the album played through, as ReplayGain's album gain and album-mode normalization measure it."
                + " The spread is the loudest song's integrated loudness minus the quietest's.", "class", "muted");
        html.open("table", "class", "facts").open("tbody").newline();
        row("Album loudness", Figures.fixed(f.integratedLufs(), 2, "LUFS"));
        row("Loudness spread", Figures.fixed(f.loudnessSpreadLu(), 2, "LU"));
        row("Highest true peak", Figures.fixed(f.truePeakDbtp(), 2, "dBTP"));
        album.gain().ifPresentOrElse(g -> {
            row("Album gain", Figures.signed(g.gainDb(), 2) + " dB, every song alike");
            row("Album loudness before the gain", Figures.fixed(g.loudnessBeforeLufs(), 2, "LUFS"));
            row("Target", Figures.fixed(g.targetLufs(), 1, "LUFS"));
        }, () -> row("Album gain", "none set (album.targetLufs(...))"));
        row("True-peak ceiling for the gain", Figures.fixed(album.ceilingDbtp(), 1, "dBTP"));
        html.close("tbody").close("table").newline();
        html.close("section").newline();
    }

    private void checks(AlbumChecklist checklist) {
        html.open("section", "id", "album-checks").newline().element("h2", "Album checks").newline();
        if (checklist.checks().isEmpty()) {
            html.element("p", "No album checks (album.check(...)).", "class", "muted");
        } else {
            html.open("ul", "class", "checklist").newline();
            checklist.checks().forEach(v -> verdict(v.verdict()));
            html.close("ul").newline();
        }
        html.close("section").newline();
    }

    private void songTable(AlbumFigures f) {
        html.open("section", "id", "songs").newline().element("h2", "Songs side by side").newline();
        html.open("table", "class", "songs").open("thead").open("tr");
        for (String h : List.of("#", "Song", "Integrated", "True peak", "LRA", "PSR", "Against the album", "Checklist")) {
            html.element("th", h, "scope", "col", "class", h.equals("Song") || h.equals("Checklist") ? null : "num");
        }
        html.close("tr").close("thead").open("tbody").newline();
        List<AlbumSong> songs = input.album().songs();
        for (int i = 0; i < f.songs().size(); i++) {
            AlbumFigures.SongFigures s = f.songs().get(i);
            html.open("tr").element("td", String.valueOf(s.number()), "class", "num")
                    .open("td").element("a", s.title(), "href", "#" + songId(songs.get(i))).close("td")
                    .element("td", Figures.fixed(s.integratedLufs(), 1, "LUFS"), "class", "num")
                    .element("td", Figures.fixed(s.truePeakDbtp(), 2, "dBTP"), "class", "num")
                    .element("td", Figures.fixed(s.loudnessRangeLu(), 1, "LU"), "class", "num")
                    .element("td", Figures.fixed(s.psrDb(), 1, "dB"), "class", "num")
                    .element("td", Figures.signed(s.integratedLufs() - f.integratedLufs(), 1) + " LU", "class", "num")
                    .open("td");
            tick(s.checklistDone());
            html.text(" " + s.checklistDoneCount() + " of " + s.checklistSize()).close("td").close("tr").newline();
        }
        html.close("tbody").close("table").newline();
        html.close("section").newline();
    }

    private void masters(Album album) {
        html.open("section", "id", "masters").newline().element("h2", "Masters").newline();
        html.open("table", "class", "renders").open("thead").open("tr");
        for (String h : List.of("Song", "File", "Integrated", "True peak", "LRA", "Clipped samples")) {
            html.element("th", h, "scope", "col", "class", h.equals("Song") || h.equals("File") ? null : "num");
        }
        html.close("tr").close("thead").open("tbody").newline();
        boolean any = false;
        for (AlbumSong song : album.songs()) {
            for (RenderRecord r : song.session().renders()) {
                any = true;
                html.open("tr").element("td", song.number() + ". " + song.title())
                        .open("td").element("div", displayPath(r.path()))
                        .element("div", "SHA-256 " + r.sha256(), "class", "hash").close("td")
                        .element("td", Figures.fixed(r.integratedLufs(), 1, "LUFS"), "class", "num")
                        .element("td", Figures.fixed(r.truePeakDbtp(), 2, "dBTP"), "class", "num")
                        .element("td", Figures.fixed(r.loudnessRangeLu(), 1, "LU"), "class", "num")
                        .element("td", String.valueOf(r.clippedSamples()), "class", "num").close("tr").newline();
            }
        }
        html.close("tbody").close("table").newline();
        if (!any) {
            html.element("p", "Nothing was rendered (album.render(...)).", "class", "muted");
        }
        html.close("section").newline();
    }

    private void song(AlbumSong song, AlbumChecklist.SongChecklist list, String page, List<SessionCharts.Chart> charts) {
        html.open("section", "id", songId(song)).newline().element("h2", song.number() + ". " + song.title()).newline();
        html.open("p").text("Mix " + song.session().mixPath() + ". ")
                .element("a", "The song's own report: its mix, problem areas, steps, charts and player", "href", page)
                .close("p").newline();
        html.element("p", list.checklist().doneCount() + " of " + list.checklist().size() + " done.", "class", "muted");
        html.open("ul", "class", "checklist").newline();
        list.checklist().problems().forEach(v -> verdict(v.verdict()));
        list.checklist().checks().forEach(v -> verdict(v.verdict()));
        html.close("ul").newline();
        List<org.freshears.session.StepRun> steps = song.session().steps();
        if (!steps.isEmpty()) {
            ChartKey last = ChartKey.OfStep.loudness(steps.get(steps.size() - 1));
            charts.stream().filter(c -> c.key().equals(last)).findFirst().ifPresent(this::chart);
        }
        html.close("section").newline();
    }

    private void chart(SessionCharts.Chart chart) {
        chartCount++;
        int width = ChartFiles.DEFAULT_WIDTH;
        int height = ChartFiles.DEFAULT_HEIGHT;
        String svg = ChartFiles.svgElement(chart.chart(), width, height, "a" + chartCount + "-");
        String title = chart.chart().getTitle() == null ? chart.fileName() : chart.chart().getTitle().getText();
        html.open("figure", "class", "chart").newline()
                .raw("<svg viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-label=\"" + Html.escape(title)
                        + "\" " + svg.substring("<svg ".length())).newline()
                .element("figcaption", chart.fileName()).close("figure").newline();
    }

    private void verdict(Verdict v) {
        html.open("li", "class", v.done() ? "done" : "open");
        tick(v.done());
        html.open("div").element("div", v.item(), "class", "name")
                .element("div", v.evidence(), "class", "evidence").close("div").close("li").newline();
    }

    private void tick(boolean done) {
        html.element("span", done ? "\u2713" : "\u2717", "class", "tick " + (done ? "yes" : "no"), "role", "img",
                "aria-label", done ? "done" : "not done", "title", done ? "done" : "not done");
    }

    private void row(String term, String value) {
        html.open("tr").element("th", term, "scope", "row").element("td", value, "class", "num").close("tr").newline();
    }

    private void about(String term, String value) {
        html.element("dt", term).element("dd", value).newline();
    }

    private void link(String anchor, String text) {
        html.open("li").element("a", text, "href", anchor).close("li");
    }

    static String songId(AlbumSong song) {
        return "song-" + song.number();
    }

    private String displayPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (folder != null && absolute.startsWith(folder)) {
            return folder.relativize(absolute).toString().replace('\\', '/');
        }
        return path.toString();
    }
}
