package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.freshears.notebook.testdsl.TestDsl;
import org.freshears.session.CacheKeys;
import org.freshears.session.MemoryResultCache;
import org.freshears.session.SessionContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NotebookRunnerTest {
    /** The default imports with the stand-in DSL in place of org.freshears.Mastering (not in this branch). */
    static final List<String> TEST_IMPORTS = Stream.concat(
            NotebookRunner.DEFAULT_IMPORTS.stream().filter(i -> !i.contains("org.freshears.Mastering")),
            Stream.of("import org.freshears.notebook.testdsl.TestDsl;",
                    "import static org.freshears.notebook.testdsl.TestDsl.*;")).toList();

    static final NotebookRunner RUNNER = new NotebookRunner().withImports(TEST_IMPORTS);

    private static final String HAPPY = String.join("\n",
            "// %% [markdown]",                                   // 1   cell 1
            "// # A notebook",                                    // 2
            "",                                                   // 3
            "// %% Variables and output",                         // 4   cell 2
            "int x = 20;",                                        // 5
            "System.out.println(\"hello \" + x);",                // 6
            "System.err.println(\"careful: \u00e9\");",           // 7
            "",                                                   // 8
            "// %%",                                              // 9   cell 3
            "x * 2",                                              // 10
            "",                                                   // 11
            "// %% Chain",                                        // 12  cell 4
            "var c = chain(\"a\")",                               // 13
            "    .step(\"b\")",                                   // 14
            "    // the third",                                   // 15
            "    .step(\"c\");",                                  // 16
            "c.describe()",                                       // 17
            "",                                                   // 18
            "// %% Host state",                                   // 19  cell 5
            "TestDsl.classSeenBySnippet = TestDsl.class;",        // 20
            "TestDsl.hostCounter = TestDsl.hostCounter + 1;",     // 21
            "TestDsl.hostCounter",                                // 22
            "",                                                   // 23
            "// %% Displays",                                     // 24  cell 6
            "chart(\"loudness\");",                               // 25
            "checklist(\"true peak\", \"PLR\");",                 // 26
            "",                                                   // 27
            "// %% Nothing to show",                              // 28  cell 7
            "System.out.println(\"void call last\")",             // 29
            "",                                                   // 30
            "// %%",                                              // 31  cell 8
            "int declaredLast = x + 1;",                          // 32
            "");

    private static NotebookRun happy;
    private static final List<String> events = new ArrayList<>();
    private static PrintStream outBefore;
    private static PrintStream errBefore;

    @BeforeAll
    static void runHappyNotebook() {
        TestDsl.hostCounter = 1234;
        TestDsl.classSeenBySnippet = null;
        outBefore = System.out;
        errBefore = System.err;
        NotebookListener listener = new NotebookListener() {
            @Override
            public void cellStarted(int cellIndex, int cellCount, Cell cell) {
                events.add("start " + cellIndex + "/" + cellCount);
            }

            @Override
            public void cellFinished(CellRun run, int cellCount) {
                events.add("end " + run.index() + "/" + cellCount + " " + run.status());
            }
        };
        happy = RUNNER.withListener(listener).run(PercentNotebook.parse("happy.jsh", HAPPY));
    }

    @Test
    void everyCellRunsInOrderWithExecutionCounts() {
        assertTrue(happy.succeeded(), () -> happy.failure().toString());
        assertEquals(8, happy.cells().size());
        assertEquals(List.of(CellStatus.OK), happy.cells().stream().map(CellRun::status).distinct().toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7),
                happy.cells().stream().map(CellRun::executionCount).toList());
        assertTrue(happy.cells().stream().filter(r -> r.cell().isCode())
                .allMatch(r -> r.duration().compareTo(Duration.ZERO) > 0));
    }

    @Test
    void listenerHearsEachCodeCellStartAndEnd() {
        List<String> expected = new ArrayList<>();
        for (int i = 2; i <= 8; i++) {
            expected.add("start " + i + "/8");
            expected.add("end " + i + "/8 OK");
        }
        assertEquals(expected, events);
    }

    @Test
    void stdoutAndStderrAreCapturedPerCellAndRestored() {
        assertEquals("hello 20\n", happy.cell(2).stdout().replace(System.lineSeparator(), "\n"));
        assertEquals("careful: \u00e9\n", happy.cell(2).stderr().replace(System.lineSeparator(), "\n"));
        assertEquals("", happy.cell(3).stdout());
        assertEquals("void call last\n", happy.cell(7).stdout().replace(System.lineSeparator(), "\n"));
        // The routing streams stay installed (once per JVM, CellStreams); outside a cell they write to the same
        // host streams as before the run. Comparing the installed objects made this test pass only when an
        // earlier test in the same JVM had installed them already.
        assertSame(CellStreams.host(outBefore), CellStreams.host(System.out));
        assertSame(CellStreams.host(errBefore), CellStreams.host(System.err));
    }

    @Test
    void theLastExpressionOfACellIsItsValue() {
        assertEquals(Optional.of("40"), happy.cell(3).value()); // x from cell 2
        assertEquals(Optional.of("\"a > b > c\""), happy.cell(4).value()); // chain over '.' lines
        assertEquals(Optional.empty(), happy.cell(2).value()); // a void call
        assertEquals(Optional.empty(), happy.cell(7).value()); // a void call without ';'
        assertEquals(Optional.empty(), happy.cell(8).value()); // a declaration
    }

    @Test
    void aPrintfLastShowsItsTextNotThePrintStreamItReturns() {
        NotebookRun run = RUNNER.run(PercentNotebook.parse("p.jsh", String.join("\n",
                "// %%", "System.out.printf(\"%d dB%n\", 3)",
                "// %%", "System.out.printf(\"%d dB%n\", 3);",
                "// %%", "var sb = new StringBuilder(\"a\");", "sb.append(\"b\")",
                "// %%", "sb",
                "// %%", "chain(\"a\").step(\"b\")", "")));
        assertEquals("3 dB\n", run.cell(1).stdout().replace(System.lineSeparator(), "\n"));
        assertEquals(Optional.empty(), run.cell(1).value()); // not java.io.PrintStream@1b6d3586
        assertEquals(Optional.empty(), run.cell(2).value());
        assertEquals(Optional.empty(), run.cell(3).value()); // append returns the builder for chaining
        assertEquals(Optional.of("ab"), run.cell(4).value()); // asked for by name: shown
        assertTrue(run.cell(5).value().isPresent(), "a DSL value is shown"); // fluent DSL values print settings
    }

    @Test
    void chainingTypesAreKnownByFullOrImportedName() {
        assertTrue(ShownValues.isChainingType("PrintStream"));
        assertTrue(ShownValues.isChainingType("java.io.PrintWriter"));
        assertFalse(ShownValues.isChainingType("String"));
        assertFalse(ShownValues.isChainingType("org.freshears.session.StepRun"));
        assertFalse(ShownValues.isChainingType(null));
    }

    @Test
    void snippetsShareClassesAndStaticStateWithTheHost() {
        assertSame(TestDsl.class, TestDsl.classSeenBySnippet);
        assertEquals(Optional.of("1235"), happy.cell(5).value()); // read the host's 1234
        assertEquals(1235, TestDsl.hostCounter); // and the host reads the snippet's write
    }

    @Test
    void displaysAreCollectedPerCellAndNotOutsideCells() {
        List<RichOutput> displays = happy.cell(6).displays();
        assertEquals(List.of("image/png", "text/html"), displays.stream().map(RichOutput::mimeType).toList());
        byte[] png = displays.get(0).data();
        assertEquals(TestDsl.PNG_SIGNATURE.length + "loudness".length(), png.length);
        assertEquals("loudness", new String(png, TestDsl.PNG_SIGNATURE.length, 8, StandardCharsets.UTF_8));
        assertEquals("<ul><li>true peak</li><li>PLR</li></ul>", displays.get(1).text());
        assertEquals(List.of(), happy.cell(7).displays());
        assertEquals(List.of(), happy.cell(4).displays());

        TestDsl.chart("outside a notebook");
        assertFalse(TestDsl.lastDisplayCollected);
        assertFalse(NotebookContext.current().outputs().collecting());
        assertSame(NotebookRunner.terminal(), NotebookContext.current().outputs().terminal());
    }

    @Test
    void aCompileErrorNamesCellAndLineAndNoCellRuns() {
        String text = String.join("\n",
                "// %%",                        // 1  cell 1
                "int ok = 1;",                  // 2
                "System.out.println(\"ran\");", // 3
                "// %% [markdown]",             // 4  cell 2
                "// prose",                     // 5
                "// %%",                        // 6  cell 3
                "int y = 2;",                   // 7
                "var z = chain(\"a\")",         // 8
                "    .step(foo);",              // 9
                "// %%",                        // 10 cell 4
                "int never = 3;");
        NotebookRun run = RUNNER.run(PercentNotebook.parse("bad.jsh", text));
        CellFailure failure = run.failure().orElseThrow();
        assertEquals("cell 3, line 9: there is no variable foo", failure.message());
        assertEquals(3, failure.cellIndex());
        assertEquals(9, failure.fileLine());
        assertEquals("CompilationError", failure.errorName());
        assertEquals(List.of("cell 3, line 9: there is no variable foo", "    .step(foo);", "          ^"),
                failure.traceback());
        // Found before any cell ran: the cells above it did not run either (the Markdown cell is OK).
        assertEquals(List.of(CellStatus.NOT_RUN, CellStatus.OK, CellStatus.FAILED, CellStatus.NOT_RUN),
                run.cells().stream().map(CellRun::status).toList());
        assertEquals("", run.cell(1).stdout());
        assertEquals(Optional.of(failure), run.cell(3).failure());
        assertEquals(0, run.cell(4).executionCount());
    }

    @Test
    void cellsSeenToCompileAreNotCompiledTwiceButAnEditedNotebookIs() {
        MemoryResultCache cache = new MemoryResultCache("test build", 1 << 20);
        NotebookContext cached = new NotebookContext(SessionContext.defaults().withCache(cache), null,
                new CellOutputs(System.err));
        String good = "// %%\nint a = 1;\n// %%\nint b = a + 1;";
        assertTrue(RUNNER.run(PercentNotebook.parse("good.jsh", good), cached).failure().isEmpty());
        String key = CacheKeys.cellsCompile("test build", RUNNER.imports(), List.of("int a = 1;", "int b = a + 1;"));
        assertEquals(Boolean.TRUE, cache.get(key, Boolean.class), "a notebook that compiled is remembered");

        // An edit is a new key: the fault in cell 2 is still found before cell 1 runs.
        String edited = "// %%\nint a = 1;\n// %%\nint b = nothing + 1;";
        NotebookRun run = RUNNER.run(PercentNotebook.parse("edited.jsh", edited), cached);
        assertEquals(List.of(CellStatus.NOT_RUN, CellStatus.FAILED), run.cells().stream().map(CellRun::status).toList());

        // The remembered fact is what skips the check: marked as compiling, the same faulty cells run up to
        // the fault (which is why only a check that passed is ever remembered).
        cache.put(CacheKeys.cellsCompile("test build", RUNNER.imports(), List.of("int a = 1;", "int b = nothing + 1;")),
                Boolean.TRUE);
        NotebookRun trusted = RUNNER.run(PercentNotebook.parse("edited.jsh", edited), cached);
        assertEquals(List.of(CellStatus.OK, CellStatus.FAILED), trusted.cells().stream().map(CellRun::status).toList());
    }

    /**
     * An unchanged notebook's imports in use come from the cache, keyed by the imports, the cells and the Java
     * runtime: what is kept is what is used (a wrong list kept under the key is used as it is, so the test would
     * see a stale one), and an edited notebook works its own out again.
     */
    @Test
    void theImportsInUseOfCellsSeenToCompileAreKeptAndAnEditedNotebookWorksItsOwnOut() {
        MemoryResultCache cache = new MemoryResultCache("test build", 1 << 20);
        NotebookContext cached = new NotebookContext(SessionContext.defaults().withCache(cache), null,
                new CellOutputs(System.err));
        String runtime = Runtime.version() + " " + System.getProperty("java.home");
        List<String> cells = List.of("var names = new ArrayList<String>();\nnames.add(\"a\");");
        String text = "// %%\n" + cells.get(0);
        assertTrue(RUNNER.run(PercentNotebook.parse("lists.jsh", text), cached).failure().isEmpty());
        String key = CacheKeys.importsInUse("test build", runtime, RUNNER.imports(), cells);
        assertEquals(List.of("import java.util.*;"), cache.get(key, List.class), "only java.util brings ArrayList");

        // What is kept is what the next run uses: without java.util, ArrayList is not found.
        cache.put(key, List.of("import java.io.*;"));
        NotebookRun stale = RUNNER.run(PercentNotebook.parse("lists.jsh", text), cached);
        assertEquals("cell 1, line 2: cannot find symbol: class ArrayList", stale.failure().orElseThrow().message());

        // An edited notebook is another key: its own imports are worked out (and kept once it compiled).
        String edited = "// %%\nvar names = new ArrayList<String>();\nnames.add(\"b\");";
        assertTrue(RUNNER.run(PercentNotebook.parse("lists.jsh", edited), cached).failure().isEmpty());
        assertEquals(List.of("import java.util.*;"), cache.get(CacheKeys.importsInUse("test build", runtime,
                RUNNER.imports(), List.of("var names = new ArrayList<String>();\nnames.add(\"b\");")), List.class));

        // A notebook that does not compile keeps nothing.
        String broken = "// %%\nvar names = new ArrayList<String>();\nnames.add(nothing);";
        assertFalse(RUNNER.run(PercentNotebook.parse("broken.jsh", broken), cached).failure().isEmpty());
        assertEquals(null, cache.get(CacheKeys.importsInUse("test build", runtime, RUNNER.imports(),
                List.of("var names = new ArrayList<String>();\nnames.add(nothing);")), List.class));
    }

    /**
     * A JShell started ahead ({@code run} builds it while it gets ready) runs the notebook as the runner's own does,
     * and is taken once: a second run, or a run after the start was closed, builds its own.
     */
    @Test
    void aShellStartedAheadRunsTheNotebookAsTheRunnersOwnAndIsTakenOnce() {
        Notebook notebook = PercentNotebook.parse("ahead.jsh", "// %%\nint x = 20;\nSystem.out.println(\"hello \" + x);"
                + "\n// %%\nvoid twice() { x *= 2; }\ntwice();\nx\n// %%\nnew ArrayList<>(List.of(x, 1))");
        NotebookRun own = RUNNER.run(notebook, NotebookContext.standalone());
        ShellStart started = ShellStart.begin();
        NotebookRun ahead = RUNNER.run(notebook, NotebookContext.standalone(), started);
        assertTrue(ahead.succeeded(), () -> ahead.failure().toString());
        assertEquals("hello 20\n", ahead.cell(1).stdout().replace(System.lineSeparator(), "\n"));
        assertEquals(Optional.of("[40, 1]"), ahead.cell(3).value());
        for (int i = 1; i <= own.cells().size(); i++) {
            assertEquals(own.cell(i).status(), ahead.cell(i).status(), "cell " + i);
            assertEquals(own.cell(i).stdout(), ahead.cell(i).stdout(), "cell " + i);
            assertEquals(own.cell(i).value(), ahead.cell(i).value(), "cell " + i);
        }
        assertEquals(null, started.take(), "taken by the run");
        started.close(); // the runner's now: closing the start leaves it alone
        NotebookRun again = RUNNER.run(notebook, NotebookContext.standalone(), started);
        assertEquals(Optional.of("[40, 1]"), again.cell(3).value(), "a JShell of its own, from x = 20 again");

        ShellStart closed = ShellStart.begin();
        closed.close();
        assertEquals(null, closed.take(), "closed before any run took it");
        assertEquals(Optional.of("[40, 1]"),
                RUNNER.run(notebook, NotebookContext.standalone(), closed).cell(3).value());
    }

    /**
     * An unchanged notebook's cells are cut into snippets as its last run cut them (so JShell's source analysis,
     * and the completion index it starts, are never needed): what is kept is what is used, keyed by the cells.
     */
    @Test
    void theSnippetsOfCellsSeenToCompileAreKeptAndAnEditedNotebookIsCutAgain() {
        MemoryResultCache cache = new MemoryResultCache("test build", 1 << 20);
        NotebookContext cached = new NotebookContext(SessionContext.defaults().withCache(cache), null,
                new CellOutputs(System.err));
        String runtime = Runtime.version() + " " + System.getProperty("java.home");
        String cell = "int a = 1;\nint b = a +\n    1;\nb * 10";
        Notebook notebook = PercentNotebook.parse("cut.jsh", "// %%\n" + cell);
        NotebookRun first = RUNNER.run(notebook, cached);
        assertEquals(Optional.of("20"), first.cell(1).value());
        String key = CacheKeys.cellSnippets("test build", runtime, List.of(cell));
        assertEquals(List.of(List.of("0", "int a = 1;", "11", "int b = a +\n    1;", "30", "b * 10")),
                cache.get(key, List.class));

        NotebookRun again = RUNNER.run(notebook, cached);
        assertEquals(Optional.of("20"), again.cell(1).value());
        // What is kept is what the next run evaluates: kept without its last snippet, the cell ends on b's declaration.
        cache.put(key, List.of(List.of("0", "int a = 1;", "11", "int b = a +\n    1;")));
        assertEquals(Optional.empty(), RUNNER.run(notebook, cached).cell(1).value());
        // Kept snippets that do not fit the cells are not used.
        cache.put(key, List.of(List.of("0", "int a = 1;", "999", "b * 10")));
        assertEquals(Optional.of("20"), RUNNER.run(notebook, cached).cell(1).value());

        // An edit is another key: the cell is cut again.
        String edited = cell.replace("b * 10", "b * 100");
        assertEquals(Optional.of("200"), RUNNER.run(PercentNotebook.parse("cut.jsh", "// %%\n" + edited), cached)
                .cell(1).value());
    }

    @Test
    void anExceptionNamesClassMessageAndTheLineThatThrew() {
        String text = String.join("\n",
                "// %%",                         // 1 cell 1
                "void check(double r) {",        // 2
                "    ratio(r);",                 // 3
                "}",                             // 4
                "// %%",                         // 5 cell 2
                "System.out.println(\"before\");", // 6
                "var fine = ratio(2);",          // 7
                "check(",                        // 8
                "    0.5);",                     // 9
                "// %%",                         // 10 cell 3
                "int never = 1;");
        NotebookRun run = RUNNER.run(PercentNotebook.parse("throws.jsh", text));
        CellFailure failure = run.failure().orElseThrow();
        assertEquals("cell 2, line 8: ratio must be >= 1, got 0.5", failure.message()); // no Java class names
        assertEquals("IllegalArgumentException", failure.errorName());
        assertEquals("ratio must be >= 1, got 0.5", failure.errorValue());
        List<String> traceback = failure.traceback();
        assertEquals("java.lang.IllegalArgumentException: ratio must be >= 1, got 0.5", traceback.get(0));
        assertTrue(traceback.get(1).contains("TestDsl$Ratio.<init>"), traceback.toString());
        assertTrue(traceback.contains("    at check (cell 1, line 3)"), traceback.toString());
        assertEquals("    at cell 2, line 8", traceback.get(traceback.size() - 1));
        assertEquals("before\n", run.cell(2).stdout().replace(System.lineSeparator(), "\n"));
        assertEquals(List.of(CellStatus.OK, CellStatus.FAILED, CellStatus.NOT_RUN),
                run.cells().stream().map(CellRun::status).toList());
    }

    @Test
    void aMethodUsingSomethingUndeclaredFailsWhenCalled() {
        NotebookRun run = RUNNER.run(PercentNotebook.parse("u.jsh", "// %%\nvoid f() { g(); }\n// %%\nf();\n"));
        assertEquals("cell 2, line 4: cannot use method f() until method g() is declared",
                run.failure().orElseThrow().message());
    }

    @Test
    void aBusyLoopInSnippetCodeTimesOut() {
        assertTimesOut("while (true) { }");
    }

    @Test
    void aSleepingCellTimesOut() {
        assertTimesOut("Thread.sleep(60_000);");
    }

    @Test
    void aBusyLoopInHostCodeTimesOutEvenWhereJShellCannotStopIt() {
        TestDsl.releaseSpin = false;
        try {
            assertTimesOut("spin()");
        } finally {
            TestDsl.releaseSpin = true; // JDK 20+: the abandoned thread ends here
        }
    }

    private static void assertTimesOut(String code) {
        // One line, so the reported line does not depend on how far a loaded machine got in 1 s.
        String text = "// %%\nint before = 1;\n// %%\nSystem.out.println(\"started\"); " + code
                + "\n// %%\nint after = 2;\n";
        long start = System.nanoTime();
        NotebookRun run = RUNNER.withCellTimeout(Duration.ofSeconds(1)).run(PercentNotebook.parse("t.jsh", text));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(List.of(CellStatus.OK, CellStatus.TIMED_OUT, CellStatus.NOT_RUN),
                run.cells().stream().map(CellRun::status).toList());
        assertEquals("cell 2, line 4: timed out after 1 s", run.failure().orElseThrow().message());
        assertEquals("started\n", run.cell(2).stdout().replace(System.lineSeparator(), "\n"));
        // 1 s timeout + at most 2 s of stop requests + JShell start and close (and the precheck's, alongside)
        assertTrue(seconds < 9, "took " + seconds + " s");
    }

    @Test
    void aPreloadedImportThatDoesNotCompileIsASetupError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new NotebookRunner().withImports(List.of("import static org.nowhere.Nope.*;"))
                        .run(PercentNotebook.parse("x", "int x = 1;")));
        assertTrue(e.getMessage().startsWith("preloaded import does not compile: import static org.nowhere.Nope.*;"),
                e.getMessage());
    }

    @Test
    void defaultsAreTheDslAndTenMinutes() {
        assertEquals("import static org.freshears.Mastering.*;",
                NotebookRunner.DEFAULT_IMPORTS.get(NotebookRunner.DEFAULT_IMPORTS.size() - 1));
        assertEquals(Duration.ofMinutes(10), new NotebookRunner().cellTimeout());
        assertThrows(IllegalArgumentException.class, () -> RUNNER.withCellTimeout(Duration.ZERO));
        assertEquals("timed out after 10 min", "timed out after " + CellEvaluator.describe(Duration.ofMinutes(10)));
        assertEquals("1.5 s", CellEvaluator.describe(Duration.ofMillis(1500)));
    }

    static String statuses(NotebookRun run) {
        return run.cells().stream().map(r -> r.status().toString()).collect(Collectors.joining(","));
    }
}
