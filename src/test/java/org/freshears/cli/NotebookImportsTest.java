package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.notebook.CellFailure;
import org.freshears.notebook.NotebookRun;
import org.freshears.notebook.NotebookRunner;
import org.freshears.notebook.PercentNotebook;
import org.junit.jupiter.api.Test;

/** A notebook run and the shell have the imports a notebook needs to name the DSL's types. */
class NotebookImportsTest {

    @Test
    void aNotebookCanNameTheDslsTypesAndEveryReadmeName() {
        String text = String.join("\n",
                "// %%",
                "Session s = session(\"no/such/mix.wav\");", // line 2: compiles, fails when it runs
                "Section verse = s.section(\"verse\", span(\"0:00\", \"0:16\"));",
                "Problem mud = s.problem(\"mud\", span(0, 16), band(180, 400)).expect(reduceBy(2));",
                "StepRun warm = s.step(\"warm\", saturation(TAPE, 2), saturation(SOFT_CLIP, 1), saturation(TANH, 1));",
                "CheckItem wide = s.check(\"mono-safe\", correlation(), atLeast(0.2)).after(\"warm\");",
                "Dither shaped = tpdf().shaping(NoiseShaping.WANNAMAKER_3);",
                "RenderRecord master = s.render(\"master.wav\", wav16().dither(shapedDither()));",
                "Comparison withReference = s.compare(\"warm\", \"references/pro-master.wav\").levelMatched();",
                "Reference loved = s.reference(\"references/loved.flac\", span(\"0:40\", \"1:10\"));",
                "Comparison chorus = s.compare(\"master\", loved).levelMatched(); Playback hear = s.play(loved);",
                "Checklist list = s.checklist();",
                "List<Step> chain = List.of(bell(270, -3), stereoWidth(110).monoBassBelowHz(120));",
                "Metric m = psrDb(); Condition c = between(6, 12); TimeSpan t = span(\"0:10\", \"0:20\");",
                "WavOutputFormat f = wav24(); Band b = band(5_000, 9_000); Expectation e = reduceBy(1);");
        NotebookRun run = new NotebookRunner().withImports(NotebookImports.FOR_NOTEBOOKS)
                .run(PercentNotebook.parse("types.jsh", text));
        // Every line compiled (the precheck found nothing); the run then stopped where the mix is missing.
        CellFailure failure = run.failure().orElseThrow();
        assertEquals(2, failure.fileLine(), failure.message());
        assertTrue(!failure.errorName().equals("CompilationError"), failure.message());
        assertTrue(NotebookImports.FOR_SHELL.containsAll(NotebookImports.DSL_TYPES));
    }
}
