package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassArchiveTrainingTest {
    @Test
    void trainingRunsAnalyzeAndRenderQuietly() {
        // The launcher runs it with all output discarded; a failing inner command must still show as a failure.
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("cds-training");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }
}
