package org.freshears.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.notebook.Notebook;
import org.freshears.notebook.NotebookRun;
import org.freshears.plot.ChartFiles;
import org.freshears.report.IpynbWriter;
import org.freshears.session.Session;
import org.freshears.session.SessionCharts;
import org.freshears.session.SessionJson;
import org.freshears.session.SessionRecord;

/**
 * Everything a notebook run leaves in its output folder: the notebook with its outputs, and for each
 * session it opened, the session file and the charts (PNG and SVG). Written even when a cell failed,
 * with what ran.
 */
final class RunOutputs {
    private RunOutputs() {
    }

    /** What was written, for the report and the summary. */
    record Written(Path ipynb, List<Path> sessionFiles, List<SessionCharts.NamedChart> charts) {
    }

    static Written write(NotebookRun run, List<Session> sessions, Path outputDir, PrintWriter out)
            throws IOException {
        Path ipynb = outputDir.resolve("notebook.ipynb");
        IpynbWriter.write(ipynb, run.toIpynbCells());
        out.println("wrote " + ipynb);
        List<Path> sessionFiles = new ArrayList<>();
        List<SessionCharts.NamedChart> charts = new ArrayList<>();
        Path chartDir = outputDir.resolve("charts");
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            String suffix = sessions.size() == 1 ? "" : "-" + (i + 1);
            Path json = outputDir.resolve("session" + suffix + ".json");
            SessionJson.write(SessionRecord.of(session, json, Version.TOOL), json);
            sessionFiles.add(json);
            out.println("wrote " + json);
            Files.createDirectories(chartDir);
            for (SessionCharts.NamedChart chart : SessionCharts.all(session)) {
                String name = chart.name() + suffix;
                ChartFiles.writePng(chart.chart(), chartDir.resolve(name + ".png"));
                ChartFiles.writeSvg(chart.chart(), chartDir.resolve(name + ".svg"));
                charts.add(new SessionCharts.NamedChart(name, chart.chart()));
            }
        }
        if (!charts.isEmpty()) {
            out.println("wrote " + charts.size() + " charts to " + chartDir);
        }
        return new Written(ipynb, sessionFiles, charts);
    }
}
