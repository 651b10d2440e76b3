package org.freshears.session.file;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A session file that cannot be used: not JSON, not a session, a newer format, an unknown step type or
 * field, a missing field, an invalid value. The message is one line, "file: fault", like
 * {@link org.freshears.audio.AudioFormatException}, so the CLI prints it as it is.
 */
public final class SessionFormatException extends IOException {
    private final transient Path file;
    private final String fault;

    public SessionFormatException(Path file, String fault) {
        this(file, fault, null);
    }

    public SessionFormatException(Path file, String fault, Throwable cause) {
        super(file + ": " + oneLine(fault), cause);
        this.file = file;
        this.fault = oneLine(fault);
    }

    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String fault() {
        return fault;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
