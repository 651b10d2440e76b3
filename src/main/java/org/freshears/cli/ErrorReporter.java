package org.freshears.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.freshears.audio.AudioFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr and exit status 2. Faults of the user's input (a bad file, an
 * invalid parameter) read as such; anything else is a bug and says so. {@code --debug} adds the stack
 * trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        cl.getErr().println("freshears: " + describe(cause));
        if (debugRequested(parsed)) {
            cause.printStackTrace(cl.getErr());
        }
        return ExitStatus.BAD_INPUT;
    }

    static String describe(Throwable t) {
        if (t instanceof AudioFormatException || t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        if (t instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file";
        }
        if (t instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (t instanceof IOException) {
            return t.getMessage();
        }
        if (t instanceof OutOfMemoryError) {
            long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
            return "out of memory: this work needs more than the " + heapMiB + " MiB Java heap; run it again with "
                    + "a larger one, e.g. FRESHEARS_JAVA_OPTS=-Xmx" + Math.max(2, 2 * ((heapMiB + 1023) >> 10))
                    + "g";
        }
        return "internal error: " + t + " (run with --debug for details, and please report it)";
    }

    private static boolean debugRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
