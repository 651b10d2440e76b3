package org.freshears.session.file;

import java.io.IOException;

/**
 * A replay that must not start: the mix is not the one the session recorded (or is missing). One line,
 * naming the file, so the CLI prints it as it is.
 */
public final class ReplayRefusedException extends IOException {
    public ReplayRefusedException(String message) {
        super(message);
    }
}
