package org.freshears.cli;

import java.nio.file.Path;
import org.freshears.audio.Decoding;
import org.freshears.audio.WavFormat;
import org.freshears.measure.Analysis;

/** One analysed file: where it is, how it is stored (and what decoded it), and what it measures. */
record FileFacts(Path file, WavFormat format, Decoding decoding, Analysis analysis) {
    /**
     * "24-bit PCM, 48000 Hz, stereo" for a WAV (as always), "FLAC, 16-bit PCM, 44100 Hz, stereo", and for a
     * file ffmpeg decoded "MP3 decoded by ffmpeg 5.1.9-0+deb12u1 to 32-bit float, 44100 Hz, stereo".
     */
    String formatDescription() {
        if (decoding.equals(Decoding.WAV)) {
            return format.description();
        }
        if (decoding.decoder().equals("ffmpeg")) {
            String version = decoding.decoderVersion().split(",")[0];
            return decoding.fileFormat() + " decoded by ffmpeg " + version + " to " + format.description();
        }
        return decoding.fileFormat() + ", " + format.description();
    }
}
