package org.freshears.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.freshears.io.TaskResult;
import org.freshears.io.RunFolder;
import org.freshears.notebook.Cell;
import org.freshears.notebook.CellFailure;
import org.freshears.notebook.CellKind;
import org.freshears.notebook.IpynbWriter;
import org.freshears.notebook.Notebook;
import org.freshears.notebook.NotebookRun;
import org.freshears.plot.ChartFiles;
import org.freshears.report.HtmlReport;
import org.freshears.report.ListeningFiles;
import org.freshears.report.ReportInput;
import org.freshears.report.SessionCharts;
import org.freshears.report.AlbumReport;
import org.freshears.session.Album;
import org.freshears.session.AlbumSong;
import org.freshears.session.Session;
import org.freshears.session.file.AlbumJson;
import org.freshears.session.file.AlbumRecord;
import org.freshears.session.file.SessionJson;
import org.freshears.session.file.SessionRecord;

/**
 * Everything a notebook run leaves in its output folder: the notebook with its outputs, the report, and
 * for each session it opened, the session file and the charts (PNG and SVG). Written even when a cell
 * failed, with what ran. A second session in one notebook gets files suffixed "-2", and so on.
 */
final class RunOutputs {
    private RunOutputs() {
    }

    /**
     * @param charts each session's charts (those a cell showed are kept, not drawn again)
     * @param listening each session's listening files (written while it ran), for the report's player
     * @param albums the albums the notebook opened: each writes the session file and report of its own name
     *               ({@code session.json}, {@code report.html} for the first), and the sessions outside albums
     *               take the names after them
     */
    static void write(Path notebookFile, Notebook notebook, NotebookRun run, List<Session> sessions,
            List<Album> albums, Function<Session, SessionCharts> charts,
            Function<Session, List<ListeningFiles.Version>> listening, Path outputDir, PrintWriter out)
            throws IOException {
        // The notebook file (every cell's outputs, its charts included) is written on a thread of its own while
        // the session files, charts and report are; its line comes first all the same, and so does its failure.
        Path ipynb = outputDir.resolve("notebook.ipynb");
        FutureTask<String> ipynbFile = new FutureTask<>(() -> {
            IpynbWriter.write(ipynb, run.toIpynbCells());
            return "wrote " + ipynb + System.lineSeparator();
        });
        Thread writing = new Thread(ipynbFile, "freshears-notebook-file");
        writing.setDaemon(true);
        writing.start();
        StringWriter rest = new StringWriter();
        String notebookLine;
        try {
            writeSessions(notebookFile, notebook, run, sessions, albums, charts, listening, outputDir,
                    new PrintWriter(rest, true));
        } finally {
            notebookLine = TaskResult.of(ipynbFile, writing.getName()); // thrown here, its failure is the one told
        }
        out.print(notebookLine);
        out.print(rest);
    }

    /** The session (and album) files, charts and reports, with the lines that tell them. */
    private static void writeSessions(Path notebookFile, Notebook notebook, NotebookRun run, List<Session> sessions,
            List<Album> albums, Function<Session, SessionCharts> charts,
            Function<Session, List<ListeningFiles.Version>> listening, Path outputDir, PrintWriter out)
            throws IOException {
        albums = albums.stream().filter(a -> !a.songs().isEmpty()).toList(); // a failure before its first song
        Optional<String> failure = run.failure().map(CellFailure::message);
        String title = title(notebook, notebookFile);
        for (int i = 0; i < albums.size(); i++) {
            writeAlbum(notebookFile, title, albums.get(i), i == 0 ? "" : "-" + (i + 1), failure, charts, listening,
                    outputDir, out);
        }
        if (sessions.isEmpty() && albums.isEmpty()) {
            writeReport(outputDir.resolve("report.html"),
                    new ReportInput(title, notebookFile, null, List.of(), failure, Version.TOOL), out);
        }
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            String suffix = i + albums.size() == 0 ? "" : "-" + (i + albums.size() + 1);
            Path json = outputDir.resolve("session" + suffix + ".json");
            SessionJson.write(SessionRecord.of(session, json, Version.TOOL), json);
            out.println("wrote " + json);
            // The rendered audio was written while its cell ran; it is listed with the rest of the run's files.
            session.renders().stream().map(r -> r.path()).distinct().forEach(audio -> out.println("wrote " + audio));
            List<SessionCharts.Chart> drawn = charts.apply(session).all();
            // The chart files are drawn on a second core while this one waits for the listening files and
            // writes the report (which draws the same charts again, as inline SVG); the lines stay in order.
            FutureTask<String> chartFiles = new FutureTask<>(() -> writeCharts(drawn, outputDir.resolve("charts"),
                    suffix));
            Thread drawing = new Thread(chartFiles, "freshears-chart-files");
            drawing.setDaemon(true);
            drawing.start();
            StringWriter after = new StringWriter();
            PrintWriter afterOut = new PrintWriter(after);
            try {
                List<ListeningFiles.Version> heard;
                try {
                    heard = listening.apply(session); // waits for the files still being encoded
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause(); // the file that could not be written, named like any other
                }
                if (!heard.isEmpty()) {
                    afterOut.println("wrote " + heard.stream().map(ListeningFiles.Version::file).filter(f -> f != null)
                            .distinct().count() + " listening files to " + outputDir.resolve("listen"));
                }
                writeReport(outputDir.resolve("report" + suffix + ".html"),
                        new ReportInput(title, notebookFile, session, drawn, failure, Version.TOOL, heard), afterOut);
            } finally {
                out.print(TaskResult.of(chartFiles, drawing.getName())); // also when the report failed: its failure is the one told
            }
            afterOut.flush();
            out.print(after);
        }
    }

    /**
     * An album: one session file for every song ({@link AlbumRecord}), each song's charts (suffixed with its file
     * stem, {@code mix-spectrum-01-night-drive.png}) and own report ({@code report-01-night-drive.html}), and the
     * album's report, which links them.
     */
    private static void writeAlbum(Path notebookFile, String title, Album album, String suffix,
            Optional<String> failure, Function<Session, SessionCharts> charts,
            Function<Session, List<ListeningFiles.Version>> listening, Path outputDir, PrintWriter out)
            throws IOException {
        Path json = outputDir.resolve("session" + suffix + ".json");
        AlbumJson.write(AlbumRecord.of(album, json, Version.TOOL), json);
        out.println("wrote " + json);
        List<String> pages = new java.util.ArrayList<>();
        List<List<SessionCharts.Chart>> songCharts = new java.util.ArrayList<>();
        for (AlbumSong song : album.songs()) {
            Session session = song.session();
            String songSuffix = suffix + "-" + song.fileStem();
            session.renders().stream().map(r -> r.path()).distinct().forEach(audio -> out.println("wrote " + audio));
            List<SessionCharts.Chart> drawn = charts.apply(session).all();
            out.print(writeCharts(drawn, outputDir.resolve("charts"), songSuffix));
            List<ListeningFiles.Version> heard = listening.apply(session);
            String page = "report" + songSuffix + ".html";
            writeReport(outputDir.resolve(page), new ReportInput(title + " \u2014 " + song.number() + ". "
                    + song.title(), notebookFile, session, drawn, failure, Version.TOOL, heard), out);
            pages.add(page);
            songCharts.add(drawn);
        }
        Path report = outputDir.resolve("report" + suffix + ".html");
        AlbumReport.write(report, new AlbumReport.Input(title, notebookFile, album, pages, songCharts, failure,
                Version.TOOL));
        out.println("wrote " + report);
    }


    private static String writeCharts(List<SessionCharts.Chart> charts, Path dir, String suffix)
            throws IOException {
        Files.createDirectories(dir);
        for (SessionCharts.Chart chart : charts) {
            String name = chart.fileName() + suffix;
            byte[] png;
            try {
                png = chart.png(); // drawn once: a cell that showed it already made it
            } catch (IOException e) {
                throw new IOException("cannot draw chart " + name + ": " + e.getMessage(), e);
            }
            // A chart the run before drew the same is kept (linked), not written and flushed again.
            RunFolder.writeOrKeep(dir.resolve(name + ".png").toAbsolutePath(), png);
            RunFolder.writeOrKeep(dir.resolve(name + ".svg").toAbsolutePath(),
                    chart.svgDocument().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return "wrote " + charts.size() + " charts to " + dir + System.lineSeparator();
    }

    private static void writeReport(Path file, ReportInput input, PrintWriter out) throws IOException {
        HtmlReport.write(file, input);
        out.println("wrote " + file);
    }

    /** The notebook's first markdown heading ("# Night Drive — master"), else its file name. */
    static String title(Notebook notebook, Path notebookFile) {
        for (Cell cell : notebook.cells()) {
            if (cell.kind() == CellKind.MARKDOWN) {
                for (String line : cell.source().split("\n")) {
                    if (line.startsWith("#")) {
                        return line.replaceFirst("^#+\\s*", "").strip();
                    }
                }
            }
        }
        return notebookFile.getFileName().toString();
    }
}
