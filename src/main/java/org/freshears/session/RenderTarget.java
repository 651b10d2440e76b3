package org.freshears.session;

import java.nio.file.Path;
import java.util.Locale;

/** The file name a render writes to must say what it holds: every output format is WAV. */
final class RenderTarget {
    static final String EXTENSION = ".wav";

    private RenderTarget() {
    }

    /** Refuses a name that would misdescribe the file ({@code master.mp3} holding a WAV). */
    static void requireWavName(Path target, String description) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(EXTENSION)) {
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            throw new IllegalArgumentException("cannot render " + name + ": the output is a WAV file (" + description
                    + "), so its name must end in " + EXTENSION + " (for example " + stem + EXTENSION
                    + "); other formats are not written");
        }
    }
}
