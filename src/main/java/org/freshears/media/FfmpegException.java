package org.freshears.media;

import java.io.IOException;

/**
 * ffmpeg is missing, could not start, failed or ran out of time. The message is one line a user can act on
 * (how to install it, or what ffmpeg itself said), so the command line prints it as it is.
 */
public final class FfmpegException extends IOException {
    private static final long serialVersionUID = 1L;

    public FfmpegException(String message) {
        super(message);
    }

    public FfmpegException(String message, Throwable cause) {
        super(message, cause);
    }
}
