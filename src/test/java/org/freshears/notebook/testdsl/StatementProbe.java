package org.freshears.notebook.testdsl;

import java.util.ArrayList;
import java.util.List;
import org.freshears.notebook.CellOutputs;
import org.freshears.notebook.NotebookContext;

/** For cells under test: a statement that defers an output to its statement's end, as a step's charts are. */
public final class StatementProbe {
    /** What happened, in order: "ran k" as a statement runs, "shown k" as its deferred output is shown. */
    public static final List<String> EVENTS = java.util.Collections.synchronizedList(new ArrayList<>());

    private StatementProbe() {
    }

    public static void step(String name) {
        EVENTS.add("ran " + name);
        CellOutputs outputs = NotebookContext.current().outputs();
        outputs.drawAtCellEnd(() -> () -> outputs.display("text/plain", "shown " + name));
    }
}
