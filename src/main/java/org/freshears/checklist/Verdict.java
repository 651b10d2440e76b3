package org.freshears.checklist;

/** One checklist item's outcome: done or not, and the measurement that says so. */
public record Verdict(String item, boolean done, String evidence) {

    /** {@code [x] true peak: -1.02 dBTP (<= -1.0)}. */
    @Override
    public String toString() {
        return (done ? "[x] " : "[ ] ") + item + ": " + evidence;
    }
}
