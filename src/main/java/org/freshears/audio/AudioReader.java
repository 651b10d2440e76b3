package org.freshears.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Reads a mix or a reference in any format Fresh Ears reads natively — WAV (and RF64), FLAC, AIFF and
 * AIFF-C — chosen by the file's first bytes, never by its name (a FLAC named .wav is read as FLAC).
 * Anything else goes to the WAV reader, whose fault names what the file looks like and how to convert it.
 */
public final class AudioReader {
    private AudioReader() {
    }

    public static WavContents read(Path file) throws AudioFormatException {
        return read(file, fraction -> { });
    }

    /** Reads the whole file, reporting progress as a fraction in [0, 1]. */
    public static WavContents read(Path file, DoubleConsumer progressFraction) throws AudioFormatException {
        if (kind(file) == Kind.WAV) {
            return WavReader.read(file, progressFraction); // the WAV reader's own, parallel, path
        }
        try (WavStream stream = open(file)) {
            return readAll(stream, progressFraction);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw WavReader.readFailure(file, e);
        }
    }

    /** Reads what is left of an open stream into memory, as {@link #read} does; the caller closes it. */
    public static WavContents readAll(WavStream stream, DoubleConsumer progressFraction) throws AudioFormatException {
        WavFormat format = stream.format();
        AudioBuffer audio = stream.allocateWhole(); // refused in one line when the heap cannot hold it
        float[][] planar = audio.planar();
        int frames = stream.frames();
        int step = Math.max(1, Math.min(frames, 1 << 16));
        for (int done = 0; done < frames; ) {
            int got = stream.read(planar, done, Math.min(step, frames - done));
            if (got == 0) {
                break;
            }
            done += got;
            progressFraction.accept(done / (double) frames);
        }
        List<String> warnings = new ArrayList<>(stream.warnings());
        return new WavContents(audio, format, stream.declaredFrames(), warnings, stream.decoding());
    }

    /**
     * Opens the file for reading block by block: only the header (FLAC: the metadata) is read now, and
     * memory stays one block whatever the length. The caller closes the stream.
     */
    public static WavStream open(Path file) throws AudioFormatException {
        Kind kind = kind(file);
        if (kind == Kind.WAV) {
            return WavReader.open(file);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            return kind == Kind.FLAC ? FlacReader.open(file, channel) : AiffReader.open(file, channel);
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the open failed already; that is the fault to report
            }
            throw e instanceof AudioFormatException a ? a : WavReader.readFailure(file, e);
        }
    }

    private enum Kind {
        WAV, FLAC, AIFF
    }

    /** By content: FLAC ("fLaC", maybe after an ID3v2 tag), AIFF/AIFF-C ("FORM" ... "AIFF"/"AIFC"), else WAV. */
    private static Kind kind(Path file) throws AudioFormatException {
        if (!Files.isRegularFile(file)) {
            return Kind.WAV; // the WAV reader names the fault (not found, a directory, ...)
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = FlacReader.readAt(channel, 0, 12);
            if (AiffReader.isAiff(head)) {
                return Kind.AIFF;
            }
            return FlacReader.isFlac(channel) ? Kind.FLAC : Kind.WAV;
        } catch (IOException e) {
            throw WavReader.readFailure(file, e);
        }
    }
}
