package org.freshears.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A WAV file read block by block into planar floats ({@link WavReader#open}): what a long file needs to
 * be measured in bounded memory. Decoding, checks and faults are those of {@link WavReader#read}.
 */
public final class WavStream implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final WavHeader header;
    private final WavReader.Decoder decoder;
    private long position;

    WavStream(Path file, FileChannel channel, WavHeader header, WavReader.Decoder decoder) {
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.decoder = decoder;
    }

    public Path file() {
        return file;
    }

    public WavFormat format() {
        return header.format();
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
        if (block.length != header.format().channels()) {
            throw new IllegalArgumentException("block has " + block.length + " channels, the file "
                    + header.format().channels());
        }
        int frames = (int) Math.min(block[0].length, header.frames() - position);
        if (frames <= 0) {
            return 0;
        }
        try {
            decoder.decode(position, block, 0, frames);
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
        channel.close();
    }
}
