package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every cell is compiled before any runs, against the real DSL, and a fault comes with a hint. */
class CellPrecheckTest {
    private static final NotebookRunner RUNNER = new NotebookRunner();

    private static NotebookRun run(String... lines) {
        return RUNNER.run(PercentNotebook.parse("check.jsh", String.join("\n", lines)));
    }

    private static String message(String... lines) {
        return run(lines).failure().orElseThrow().message();
    }

    @Test
    void aFaultInTheLastCellStopsTheRunBeforeTheFirstCellRuns() {
        NotebookRun run = run(
                "// %%",                                                       // 1 cell 1
                "System.out.println(\"ran\");",                                // 2
                "Thread.sleep(60_000);",                                       // 3 a long render, say
                "// %% [markdown]",                                            // 4 cell 2
                "// prose",                                                    // 5
                "// %%",                                                       // 6 cell 3
                "var glue = compressor().thresdholdDb(-18).ratio(1.5);");      // 7
        assertEquals("cell 3, line 7: Compressor has no method thresdholdDb(int); did you mean"
                + " thresholdDb(double)?", run.failure().orElseThrow().message());
        assertEquals(List.of(CellStatus.NOT_RUN, CellStatus.OK, CellStatus.FAILED),
                run.cells().stream().map(CellRun::status).toList());
        assertEquals("", run.cell(1).stdout());
        assertEquals(List.of("cell 3, line 7: Compressor has no method thresdholdDb(int); did you mean"
                + " thresholdDb(double)?", "var glue = compressor().thresdholdDb(-18).ratio(1.5);",
                "                       ^"), run.failure().orElseThrow().traceback());
    }

    @Test
    void laterCellsSeeEarlierCellsDeclarationsWithoutRunningThem() {
        // session(...) on a file that does not exist would throw if it ran: the precheck only declares s.
        NotebookRun run = run(
                "// %%",
                "var s = session(\"no/such/mix.wav\");",
                "void tame(double db) { s.step(\"tame\", bell(7_000, db)); }",
                "// %%",
                "s.step(\"glue\", compressor().thresholdDb(-18));",
                "tame(-3);",
                "s.check(\"loud\", integratedLufs(), within(-14, 0.5)).after(\"glue\");",
                "s.render(\"master.wav\", wav24().dither(shapedDither()));",
                "// %%",
                "s.chekclist();");
        assertEquals("cell 3, line 10: Session has no method chekclist(); did you mean checklist()?",
                run.failure().orElseThrow().message());
        assertEquals(List.of(CellStatus.NOT_RUN, CellStatus.NOT_RUN, CellStatus.FAILED),
                run.cells().stream().map(CellRun::status).toList());
    }

    @Test
    void aMissingArgumentNamesTheParametersTheMethodTakes() {
        assertEquals("cell 1, line 2: wrong arguments for bell: it takes bell(freqHz, gainDb), not bell(int)",
                message("// %%", "var cut = bell(500);"));
        assertEquals("cell 1, line 2: wrong arguments for span: it takes span(from, to) or"
                + " span(fromSeconds, toSeconds), not span(String)", message("// %%", "var verse = span(\"0:20\");"));
    }

    @Test
    void aMisspeltDslFunctionSuggestsTheNearestNames() {
        assertEquals("cell 1, line 2: there is no method highpass(int); did you mean highPass(freqHz)?",
                message("// %%", "var low = highpass(30);"));
        assertEquals("cell 1, line 2: there is no method bel(int, int); did you mean bell(freqHz, gainDb)?",
                message("// %%", "var cut = bel(500, -3);"));
    }

    @Test
    void aNotebookThatCompilesRunsAsBefore() {
        NotebookRun run = run("// %%", "int x = 2;", "System.out.println(x * 21);", "// %%", "x + 1");
        assertEquals(List.of(CellStatus.OK, CellStatus.OK), run.cells().stream().map(CellRun::status).toList());
        assertEquals("42", run.cell(1).stdout().strip());
    }
}
