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

    /**
     * Reads the next frames into {@code planar[c][at ..]}, at most {@code maxFrames} or as many as the file has
     * left; returns how many (0 at the end). With a buffer from {@link #allocateWhole} and {@code at} the frames
     * read so far, the file fills the buffer block by block.
     */
    public int read(float[][] planar, int at, int maxFrames) throws AudioFormatException {
        if (planar.length != header.format().channels()) {
            throw new IllegalArgumentException("block has " + planar.length + " channels, the file "
                    + header.format().channels());
        }
        int frames = (int) Math.min(Math.min(maxFrames, planar[0].length - at), header.frames() - position);
        if (frames <= 0) {
            return 0;
        }
        try {
            decoder.decode(position, planar, at, frames);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw WavReader.readFailure(file, e);
        }
        position += frames;
        return frames;
    }

    /**
     * A zeroed buffer for every frame of the file, to {@linkplain #read(float[][], int, int) read into} while
     * measuring; it fails as {@link WavReader#read} does when the Java heap cannot hold the file as float.
     */
    public AudioBuffer allocateWhole() throws AudioFormatException {
        WavReader.requireHeapFor(file, header);
        return new AudioBuffer(WavReader.allocate(header.format().channels(), frames()), header.format().sampleRate(),
                header.format().layout());
    }

    /** The header's warnings and, once everything is read, whether float samples went above full scale. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>(header.warnings());
        if (decoding.decoder().equals("ffmpeg")) {
            WavReader.overFullScale(decoder.floatPeak()).ifPresent(w -> warnings.add(decodedOverFullScale()));
        } else {
            WavReader.overFullScale(decoder.floatPeak()).ifPresent(warnings::add);
        }
        return warnings;
    }

    /** A lossy decode that overshoots full scale is normal (the codec's ringing), not a float file's headroom. */
    private String decodedOverFullScale() {
        return String.format(java.util.Locale.ROOT, "the decoded %s reaches %+.1f dBFS, above full scale (a lossy "
                + "codec's overshoot): measured as it is; a PCM render clips it unless the chain brings it down",
                decoding.fileFormat(), 20 * Math.log10(decoder.floatPeak()));
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
