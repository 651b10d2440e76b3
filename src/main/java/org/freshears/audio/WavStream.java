package org.freshears.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An audio file read block by block into planar floats ({@link AudioReader#open}, {@link WavReader#open}):
 * what a long file needs to be measured in bounded memory. Decoding, checks and faults are those of the
 * file's reader (WAV, FLAC, AIFF); the format is described as the WAV it would be.
 */
public final class WavStream implements Closeable {
    private final Path file;
    private final Closeable input;
    private final WavHeader header;
    private final FrameSource decoder;
    private final Decoding decoding;
    private long position;

    WavStream(Path file, Closeable input, WavHeader header, FrameSource decoder, Decoding decoding) {
        this.file = file;
        this.input = input;
        this.header = header;
        this.decoder = decoder;
        this.decoding = decoding;
    }

    public Path file() {
        return file;
    }

    public WavFormat format() {
        return header.format();
    }

    /** What the file is and what decodes it. */
    public Decoding decoding() {
        return decoding;
    }

    /** The frames there are to read: min(declared, present in the file), at most {@link WavReader#MAX_FRAMES}. */
    public int frames() {
        return (int) header.frames();
    }

    /** The frames the data chunk declares (more than {@link #frames} for a truncated file). */
    public long declaredFrames() {
        return header.declaredFrames();
    }

    /** Frames read so far. */
    public int position() {
        return (int) position;
    }

    /**
     * Reads the next frames into {@code block[c][0 ..)}, as many as the arrays hold or the file has left;
     * returns how many (0 at the end).
     */
    public int read(float[][] block) throws AudioFormatException {
        return read(block, 0, block[0].length);
    }

    /** Reads up to {@code frames} next frames into {@code out[c][at ..)}; returns how many (0 at the end). */
    int read(float[][] out, int at, int frames) throws AudioFormatException {
        if (out.length != header.format().channels()) {
            throw new IllegalArgumentException("block has " + out.length + " channels, the file "
                    + header.format().channels());
        }
        frames = (int) Math.min(frames, header.frames() - position);
        if (frames <= 0) {
            return 0;
        }
        try {
            decoder.decode(position, out, at, frames);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw WavReader.readFailure(file, e);
        }
        position += frames;
        return frames;
    }

    /** The header's warnings and, once everything is read, whether float samples went above full scale. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>(header.warnings());
        WavReader.overFullScale(decoder.floatPeak()).ifPresent(warnings::add);
        return warnings;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
