package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnippetSplitterTest {
    private static JShell jshell;
    private static SnippetSplitter splitter;

    @BeforeAll
    static void open() {
        jshell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of()).build();
        splitter = new SnippetSplitter(jshell.sourceCodeAnalysis());
    }

    @AfterAll
    static void close() {
        jshell.close();
    }

    private static List<String> sources(String cell) {
        return splitter.split(cell).stream().map(SnippetSplitter.Piece::source).toList();
    }

    @Test
    void aChainContinuedOnDotLinesIsOneSnippet() {
        String cell = "s.step(\"x\", a)\n    .addresses(b);\nint y = 2;";
        List<SnippetSplitter.Piece> pieces = splitter.split(cell);
        assertEquals(List.of(new SnippetSplitter.Piece("s.step(\"x\", a)\n    .addresses(b);", 0),
                new SnippetSplitter.Piece("int y = 2;", cell.indexOf("int y"))), pieces);
    }

    @Test
    void blankAndCommentLinesInsideAChainAreSkipped() {
        assertEquals(List.of("var c = chain(\"a\")\n\n    // why\n    .step(\"b\")\n    .step(\"c\");"),
                sources("var c = chain(\"a\")\n\n    // why\n    .step(\"b\")\n    .step(\"c\");"));
    }

    @Test
    void aLineWithoutSemicolonEndsItsStatementAsInTheJshellTool() {
        assertEquals(List.of("int a = 1;", "int b = 2;"), sources("int a = 1\nint b = 2"));
    }

    @Test
    void aDotDigitLineIsANumberNotAContinuation() {
        assertEquals(List.of("var x = 1;", ".5"), sources("var x = 1\n.5"));
    }

    @Test
    void aFinishedStatementIsNotContinuedByADotLine() {
        // The ';' ends it: the '.' line becomes its own (failing) snippet, as the compiler would say.
        List<String> sources = sources("foo();\n.bar();");
        assertEquals(2, sources.size(), sources.toString());
        assertEquals("foo();", sources.get(0));
        assertTrue(sources.get(1).startsWith(".bar()"), sources.toString());
    }

    @Test
    void operatorAndElseLinesContinue() {
        assertEquals(List.of("long t = 1\n    + 2\n    * 3;"), sources("long t = 1\n    + 2\n    * 3;"));
        assertEquals(List.of("if (ok)\n  a();\nelse\n  b();"), sources("if (ok)\n  a();\nelse\n  b();"));
        assertEquals(List.of("var f = list.stream()\n    .map(x -> x)\n    .toList();"),
                sources("var f = list.stream()\n    .map(x -> x)\n    .toList();"));
    }

    @Test
    void severalStatementsOnALineAreSeveralSnippetsWithTheirOffsets() {
        String cell = "int a = 1; int b = 2;\nvoid m() {\n}\nm()";
        List<SnippetSplitter.Piece> pieces = splitter.split(cell);
        assertEquals(List.of("int a = 1;", "int b = 2;", "void m() {\n}", "m()"),
                pieces.stream().map(p -> p.source().strip()).toList());
        assertEquals(List.of(0, cell.indexOf("int b"), cell.indexOf("void"), cell.lastIndexOf("m()")),
                pieces.stream().map(SnippetSplitter.Piece::offset).toList());
    }

    @Test
    void textBlocksAndAnonymousClassesStayWhole() {
        String block = "var s = \"\"\"\n  hi\n  .x\n  \"\"\";";
        assertEquals(List.of(block), sources(block));
        String anonymous = "var r = new Object() {\n}\n.toString();";
        assertEquals(List.of(anonymous), sources(anonymous));
    }

    @Test
    void commentOnlyAndBlankCellsHaveNoSnippets() {
        assertEquals(List.of(), sources("// just a note\n\n/* and this */\n"));
        assertEquals(List.of(), sources(""));
    }

    @Test
    void anUnfinishedCellIsOneSnippetForTheCompilerToReport() {
        assertEquals(List.of("foo(1,\n  2"), sources("foo(1,\n  2"));
    }

    @Test
    void continuationRuleLooksAtTheNextCodeLine() {
        assertTrue(SnippetSplitter.continues("a\n  .b()", 1));
        assertTrue(SnippetSplitter.continues("a\n\n  // c\n  && b", 1));
        assertTrue(SnippetSplitter.continues("a\n, b)", 1));
        assertFalse(SnippetSplitter.continues("a\n  .5", 1));
        assertFalse(SnippetSplitter.continues("a\n  ++i;", 1));
        assertFalse(SnippetSplitter.continues("a\n  b()", 1));
        assertFalse(SnippetSplitter.continues("a\n  // only a comment", 1));
        assertFalse(SnippetSplitter.continues("a\n  elsewhere();", 1));
    }
}
