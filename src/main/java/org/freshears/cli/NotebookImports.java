package org.freshears.cli;

import java.util.List;
import java.util.stream.Stream;
import org.freshears.notebook.NotebookRunner;

/**
 * What a notebook and the shell start with: the runner's imports (the jshell defaults and the DSL's
 * static methods) and the types a notebook names when it keeps a value in a typed variable
 * ({@code StepRun glue = s.step(...)}) or picks a setting ({@code saturation(TAPE, 2)},
 * {@code tpdf().shaping(NoiseShaping.WANNAMAKER_3)}). Kept here, above every package they name.
 */
final class NotebookImports {
    static final List<String> DSL_TYPES = List.of(
            "import org.freshears.Mastering;",
            "import org.freshears.session.Session;",
            "import org.freshears.session.StepRun;",
            "import org.freshears.session.CheckItem;",
            "import org.freshears.session.Problem;",
            "import org.freshears.session.Checklist;",
            "import org.freshears.session.Comparison;",
            "import org.freshears.session.RenderRecord;",
            "import org.freshears.session.Playback;",
            "import org.freshears.chain.Step;",
            "import org.freshears.chain.Saturation;",
            "import static org.freshears.chain.Saturation.Curve.*;",
            "import org.freshears.audio.Dither;",
            "import org.freshears.audio.NoiseShaping;",
            "import org.freshears.audio.WavOutputFormat;",
            "import org.freshears.checklist.Band;",
            "import org.freshears.checklist.Condition;",
            "import org.freshears.checklist.Expectation;",
            "import org.freshears.checklist.Metric;",
            "import org.freshears.checklist.Section;",
            "import org.freshears.checklist.TimeSpan;",
            "import org.freshears.checklist.CheckMetric;",
            "import org.freshears.checklist.TranslatedMetric;",
            "import org.freshears.translation.TranslationReport;",
            "import org.freshears.session.Reference;",
            "import org.freshears.session.Album;",
            "import org.freshears.session.AlbumGain;",
            "import org.freshears.session.AlbumChecklist;",
            "import org.freshears.checklist.AlbumMetric;");

    /** Every import a notebook run has. */
    static final List<String> FOR_NOTEBOOKS = Stream.concat(NotebookRunner.DEFAULT_IMPORTS.stream(),
            DSL_TYPES.stream()).toList();

    /** What the shell adds to the jshell tool's DEFAULT startup (which has the java.* imports). */
    static final List<String> FOR_SHELL = Stream.concat(Stream.of("import static org.freshears.Mastering.*;"),
            DSL_TYPES.stream()).toList();

    private NotebookImports() {
    }
}
