package org.freshears.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.freshears.session.Session;

/**
 * What a report is made of.
 *
 * @param title the notebook's first markdown heading, or its file name
 * @param notebookFile the notebook that ran
 * @param session the session it opened, or null when it failed before opening one
 * @param charts the session's charts ({@link SessionCharts#all}); each placed next to the subject its key
 *     names (the mix, a step, a problem, a comparison)
 * @param failure why the notebook stopped ("cell 3, line 27: IllegalArgumentException: ..."), if it did
 * @param toolVersion the Fresh Ears version that ran it
 * @param listening the versions the player plays ({@link ListeningFiles#finish}); empty: no player
 */
public record ReportInput(String title, Path notebookFile, Session session, List<SessionCharts.Chart> charts,
        Optional<String> failure, String toolVersion, List<ListeningFiles.Version> listening) {
    public ReportInput {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(notebookFile, "notebookFile");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(toolVersion, "toolVersion");
        charts = List.copyOf(charts);
        listening = List.copyOf(listening);
        if (session == null && !charts.isEmpty()) {
            throw new IllegalArgumentException("charts without a session: " + charts.size() + " charts");
        }
    }

    /** A report without listening files (no player). */
    public ReportInput(String title, Path notebookFile, Session session, List<SessionCharts.Chart> charts,
            Optional<String> failure, String toolVersion) {
        this(title, notebookFile, session, charts, failure, toolVersion, List.of());
    }
}
