package org.freshears.cli;

/** Exit statuses, the same for every command. */
public final class ExitStatus {
    /** Everything ran and every check holds (or, for replay, every output is identical). */
    public static final int OK = 0;
    /** It ran, but some check or problem is not done (or some replayed output differs). */
    public static final int NOT_DONE = 1;
    /** It could not run: bad input, usage error, failing cell. */
    public static final int BAD_INPUT = 2;

    private ExitStatus() {
    }
}
