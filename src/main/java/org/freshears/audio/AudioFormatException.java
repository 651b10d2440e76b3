package org.freshears.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not audio we can read (or write). Its message is one line naming the file and the
 * fault, fit to print as is: {@code mix.wav: unsupported codec: IMA ADPCM (format tag 0x0011)}.
 */
public class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String fault;

    public AudioFormatException(Path file, String fault) {
        this(file, fault, null);
    }

    public AudioFormatException(Path file, String fault, Throwable cause) {
        super(file + ": " + fault, cause);
        this.file = file;
        this.fault = fault;
    }

    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String fault() {
        return fault;
    }
}
