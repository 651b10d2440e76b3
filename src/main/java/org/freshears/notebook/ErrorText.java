package org.freshears.notebook;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell's exception as one line for people, without Java's class names: the DSL's own errors
 * (IllegalArgumentException and the like, written for users) by their message alone; the JDK's
 * programming errors in plain words; and a fault inside Fresh Ears itself as what it is, a bug, with
 * where its trace is. The notebook's error output keeps the exception's name and trace.
 */
final class ErrorText {
    /** Exceptions whose message is written for the user: shown as it is. */
    private static final List<String> USER_FACING = List.of("IllegalArgumentException", "IllegalStateException",
            "UnsupportedOperationException", "AudioFormatException", "SessionFormatException",
            "ReplayRefusedException", "UncheckedIOException", "IOException", "DateTimeParseException");
    private static final Map<String, String> PLAIN = Map.ofEntries(
            Map.entry("NullPointerException", "a value is null"),
            Map.entry("ArrayIndexOutOfBoundsException", "an index is past the end of an array"),
            Map.entry("StringIndexOutOfBoundsException", "an index is past the end of a string"),
            Map.entry("IndexOutOfBoundsException", "an index is past the end of a list"),
            Map.entry("ClassCastException", "a value is not of the type the code expects"),
            Map.entry("ArithmeticException", "an arithmetic error (division by zero?)"),
            Map.entry("NegativeArraySizeException", "an array of negative size"),
            Map.entry("NumberFormatException", "text that is not a number"),
            Map.entry("NoSuchElementException", "asked for an element that is not there (an empty list?)"),
            Map.entry("ConcurrentModificationException", "a list was changed while it was being looped over"),
            Map.entry("StackOverflowError", "endless recursion (the stack overflowed)"),
            Map.entry("OutOfMemoryError", "out of memory (give Java more: FRESHEARS_JAVA_OPTS=-Xmx8g)"));
    private static final Pattern INDEX = Pattern.compile("Index (-?\\d+) out of bounds for length (\\d+)");
    private static final Pattern NULL_NAME = Pattern.compile("because \"([^\"]+)\" is null");
    private static final Pattern NUMBER_INPUT = Pattern.compile("For input string: (\"[^\"]*\")");
    /** "java.nio.file.NoSuchFileException: mix.wav" inside another exception's message. */
    private static final Pattern WRAPPED = Pattern.compile("^(?:[a-z]\\w*\\.)+([A-Z]\\w*): ?(.*)$");
    private static final Map<String, String> FILE_FAULTS = Map.of(
            "InvalidPathException", "not a valid path: ",
            "NoSuchFileException", "no such file: ",
            "AccessDeniedException", "permission denied: ",
            "FileAlreadyExistsException", "already exists: ",
            "NotDirectoryException", "not a folder: ",
            "DirectoryNotEmptyException", "folder not empty: ");

    private ErrorText() {
    }

    /**
     * The line for an exception of this simple class name and message; inNotebookCode tells whether it
     * was thrown by the cell's own code (or the JDK on its behalf) rather than inside Fresh Ears.
     */
    static String forUser(String exceptionName, String message, boolean inNotebookCode) {
        String text = message == null ? "" : message.strip();
        Matcher wrapped = WRAPPED.matcher(text);
        if (wrapped.matches()) { // an UncheckedIOException's "java.nio.file.NoSuchFileException: x"
            return forUser(wrapped.group(1), wrapped.group(2), inNotebookCode);
        }
        if (FILE_FAULTS.containsKey(exceptionName)) {
            return FILE_FAULTS.get(exceptionName) + text;
        }
        if (USER_FACING.contains(exceptionName) || exceptionName.endsWith("FormatException")
                && !exceptionName.equals("NumberFormatException")) {
            return text.isEmpty() ? "failed without saying why" : text;
        }
        String plain = PLAIN.getOrDefault(exceptionName, "failed unexpectedly");
        Matcher index = INDEX.matcher(text);
        Matcher nullName = NULL_NAME.matcher(text);
        Matcher number = NUMBER_INPUT.matcher(text);
        if (index.find()) {
            plain += " (index " + index.group(1) + ", length " + index.group(2) + ")";
        } else if (nullName.find() && inNotebookCode && !nullName.group(1).startsWith("<")) {
            String name = nullName.group(1); // a cell's variable is a field of JShell's: "REPL.$JShell$15.t"
            plain = name.substring(name.lastIndexOf('.') + 1) + " is null";
        } else if (number.find()) {
            plain = "not a number: " + number.group(1);
        }
        return inNotebookCode ? plain
                : "Fresh Ears failed inside this call: " + plain + ". That is a bug; please report it with the"
                        + " notebook (notebook.ipynb holds the trace)";
    }

    /** Whether the innermost frame that is the cell's or Fresh Ears' (not the JDK's) is the cell's. */
    static boolean thrownInNotebookCode(List<String> traceback) {
        for (String line : traceback) {
            String frame = line.strip();
            if (line.startsWith("Caused by: ")) {
                break;
            }
            if (!frame.startsWith("at ")) {
                continue;
            }
            if (frame.startsWith("at cell ") || frame.contains("(cell ")) {
                return true;
            }
            if (frame.startsWith("at org.freshears.")) {
                return false;
            }
        }
        return true;
    }
}
