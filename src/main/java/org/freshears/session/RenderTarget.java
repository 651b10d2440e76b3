package org.freshears.session;

import java.nio.file.Path;
import java.util.Locale;
import org.freshears.audio.WavOutputFormat;

/** The file name a render writes to must say what it holds: each output format has its extension. */
final class RenderTarget {

    private RenderTarget() {
    }

    /**
     * Refuses a name whose extension is not the format's ({@code master.mp3} holding a WAV), naming the
     * extension expected; case does not matter ({@code Master.WAV} is a WAV).
     */
    static void requireExtension(Path target, WavOutputFormat format) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        String extension = format.extension();
        if (!name.toLowerCase(Locale.ROOT).endsWith(extension)) {
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            throw new IllegalArgumentException("cannot render " + name + ": the output is a WAV file ("
                    + RenderRecord.describe(format) + "), so its name must end in " + extension + " (for example "
                    + stem + extension + "); other formats are not written");
        }
    }
}
