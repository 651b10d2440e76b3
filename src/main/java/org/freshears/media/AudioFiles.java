package org.freshears.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.AudioReader;
import org.freshears.audio.WavContents;
import org.freshears.audio.WavStream;

/**
 * The one door through which a user's audio is read: WAV, FLAC, AIFF and AIFF-C by Fresh Ears' own
 * readers ({@link AudioReader}); MP3, AAC/M4A, Ogg Vorbis and Opus and the other formats of
 * {@link EncodedFormat} through ffmpeg, to 32-bit float at the file's own rate. The choice is made by the
 * file's first bytes, never by its name. What read it is the result's {@code decoding()}.
 */
public final class AudioFiles {
    private AudioFiles() {
    }

    public static WavContents read(Path file) throws AudioFormatException {
        return read(file, fraction -> { });
    }

    /** Reads the whole file into memory, reporting progress as a fraction in [0, 1]. */
    public static WavContents read(Path file, DoubleConsumer progressFraction) throws AudioFormatException {
        return read(file, progressFraction, System.getenv());
    }

    /** As {@link #read(Path, DoubleConsumer)}, with ffmpeg found as {@code environment} names it. */
    public static WavContents read(Path file, DoubleConsumer progressFraction, Map<String, String> environment)
            throws AudioFormatException {
        if (encoded(file).isEmpty()) {
            return AudioReader.read(file, progressFraction); // the native readers' own (WAV: parallel) path
        }
        try (WavStream stream = open(file, environment)) {
            return AudioReader.readAll(stream, progressFraction);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the file for reading block by block. A compressed file is decoded by ffmpeg first, into a
     * temporary file that closing the stream removes; the others are read as they stream.
     */
    public static WavStream open(Path file) throws AudioFormatException {
        return open(file, System.getenv());
    }

    /** As {@link #open(Path)}, with ffmpeg found as {@code environment} names it. */
    public static WavStream open(Path file, Map<String, String> environment) throws AudioFormatException {
        Optional<EncodedFormat> format = encoded(file);
        if (format.isEmpty()) {
            return AudioReader.open(file);
        }
        Ffmpeg ffmpeg;
        try {
            ffmpeg = Ffmpeg.locate(environment, "decoding " + format.get().describe() + " files");
        } catch (FfmpegException e) {
            throw new AudioFormatException(file, format.get().article() + " file, which Fresh Ears decodes with "
                    + "ffmpeg: " + e.getMessage(), e);
        }
        try {
            return FfmpegDecode.open(file, format.get(), ffmpeg);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(file, "cannot decode " + format.get().describe() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<EncodedFormat> encoded(Path file) throws AudioFormatException {
        try {
            return EncodedFormat.sniff(file);
        } catch (IOException e) {
            throw new AudioFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
