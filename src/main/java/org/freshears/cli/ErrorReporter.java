package org.freshears.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NotDirectoryException;
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
        return printable(describeRaw(t));
    }

    private static String describeRaw(Throwable t) {
        if (t instanceof InvalidPathException e) {
            return "\"" + e.getInput() + "\": not a usable path (" + e.getReason() + ")";
        }
        if (t instanceof AudioFormatException || t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        if (t instanceof FileSystemException e && e.getFile() != null) {
            return e.getFile() + (e.getOtherFile() != null ? " -> " + e.getOtherFile() : "") + ": " + reason(e);
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

    /** What is wrong with the file, in words, also when the JDK gave no reason. */
    private static String reason(FileSystemException e) {
        String given = e.getReason();
        if (e instanceof NoSuchFileException) {
            return given != null ? given : "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return given != null ? given + " (permission denied)" : "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return given != null ? given : "exists already, and is in the way (a file where a folder is needed?)";
        }
        if (e instanceof NotDirectoryException) {
            return given != null ? given : "is not a folder";
        }
        return given != null ? given : e.getClass().getSimpleName();
    }

    /**
     * The text with control characters shown as escapes (a NUL as \0, ESC as \u001b), so a name that
     * holds them prints as one readable line and cannot drive the terminal.
     */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                out.append("\\0");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
