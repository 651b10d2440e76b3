package org.freshears.audio;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * Reads RIFF/WAVE and RF64/BW64 files: PCM 8 (unsigned), 16, 24, 32-bit and IEEE float 32/64-bit,
 * plain or WAVE_FORMAT_EXTENSIBLE, 1 to 8 channels, 8 to 384 kHz. Integers are scaled by
 * 2^-(containerBits-1), so the most negative code is exactly -1.0 and 8/16/24-bit samples are exact
 * in float. Every fault is an {@link AudioFormatException} with a one-line reason.
 *
 * <p>Decoding streams the data chunk through one reusable buffer of about 2 MiB straight into the
 * planar float arrays: memory is the floats plus that buffer, never the file's bytes as well. A long
 * file is decoded as two halves at once (one more buffer) when there are two cores. {@link #open} reads
 * block by block instead, for work that needs one pass over any length in bounded memory.
 */
public final class WavReader {
    /** Read size: large enough that a read costs little per byte, small enough to stay in L2/L3. */
    static final int CHUNK_BYTES = 2 << 20;
    /** The largest Java array (a little under Integer.MAX_VALUE on HotSpot). */
    static final long MAX_FRAMES = Integer.MAX_VALUE - 8;

    private WavReader() {
    }

    /** The format and frame count from the header alone; no samples are decoded. */
    public static WavProbeReport probe(Path file) throws AudioFormatException {
        try (FileChannel channel = openChannel(file)) {
            WavHeader header = WavHeaderParser.parse(file, channel);
            return new WavProbeReport(header.format(), header.frames(), header.declaredFrames(), header.warnings());
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    public static WavContents read(Path file) throws AudioFormatException {
        return read(file, fraction -> { });
    }

    /** Reads the whole file, reporting progress as a fraction in [0, 1] after each block. */
    public static WavContents read(Path file, DoubleConsumer progressFraction) throws AudioFormatException {
        try (FileChannel channel = openChannel(file)) {
            WavHeader header = WavHeaderParser.parse(file, channel);
            WavFormat format = header.format();
            requireReadableLength(file, header);
            requireHeapFor(file, header);
            float[][] planar = allocate(format.channels(), (int) header.frames());
            float floatPeak = decode(file, channel, header, planar, progressFraction);
            AudioBuffer audio = new AudioBuffer(planar, format.sampleRate(), format.layout());
            List<String> warnings = new ArrayList<>(header.warnings());
            overFullScale(floatPeak).ifPresent(warnings::add);
            return new WavContents(audio, format, header.declaredFrames(), warnings);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    /**
     * Opens the file for reading block by block ({@link WavStream}): only the header is read now, and
     * memory stays one block whatever the file's length. The caller closes the stream.
     */
    public static WavStream open(Path file) throws AudioFormatException {
        FileChannel channel = null;
        try {
            channel = openChannel(file);
            WavHeader header = WavHeaderParser.parse(file, channel);
            requireReadableLength(file, header);
            return new WavStream(file, channel, header, new Decoder(file, channel, header), Decoding.WAV);
        } catch (IOException e) {
            closeQuietly(channel);
            throw e instanceof AudioFormatException a ? a : readFailure(file, e);
        }
    }

    /**
     * Opens a WAV that a decoder outside Fresh Ears wrote from {@code source} (ffmpeg's float decode of an
     * MP3): read as any WAV, but named and described as the file it was decoded from, at most
     * {@code maxFrames} long (the length the source declares, where the decoder keeps the encoder's padding),
     * with {@code notes} among its warnings (what the user should know of the decode), and closing
     * {@code afterwards} (the decode's scratch folder) when the stream is closed.
     */
    public static WavStream openDecoded(Path decoded, Path source, Decoding decoding, long maxFrames,
            List<String> notes, java.io.Closeable afterwards) throws AudioFormatException {
        FileChannel channel = null;
        try {
            channel = openChannel(decoded);
            WavHeader parsed = WavHeaderParser.parse(decoded, channel);
            long frames = Math.min(parsed.frames(), maxFrames);
            List<String> warnings = new ArrayList<>(parsed.warnings());
            warnings.addAll(notes);
            WavHeader header = new WavHeader(parsed.format(), parsed.dataOffset(), frames, frames, warnings);
            if (header.frames() == 0) {
                throw new AudioFormatException(source, "no audio: " + decoding.decoder() + " decoded 0 frames");
            }
            requireReadableLength(source, header);
            FileChannel open = channel;
            java.io.Closeable both = () -> {
                try (afterwards) {
                    open.close();
                }
            };
            return new WavStream(source, both, header, new Decoder(source, channel, header), decoding);
        } catch (IOException e) {
            closeQuietly(channel);
            throw e instanceof AudioFormatException a ? a : readFailure(source, e);
        }
    }

    private static void requireReadableLength(Path file, WavHeader header) throws AudioFormatException {
        if (header.frames() == 0) {
            throw new AudioFormatException(file, "no audio: the data chunk holds 0 frames");
        }
        if (header.frames() > MAX_FRAMES) {
            throw new AudioFormatException(file, "too long: " + header.frames() + " frames per channel (at most "
                    + MAX_FRAMES + " can be measured or held)");
        }
    }

    /** The file's frames as float must fit in the Java heap, or it cannot be held: say so before trying. */
    static void requireHeapFor(Path file, WavHeader header) throws AudioFormatException {
        long floatBytes = header.frames() * header.format().channels() * Float.BYTES;
        long heapBytes = Runtime.getRuntime().maxMemory();
        if (floatBytes > heapBytes) {
            throw new AudioFormatException(file, "needs " + (floatBytes >> 20) + " MiB to hold as float, more "
                    + "than the Java heap allows (" + (heapBytes >> 20) + " MiB; raise -Xmx)");
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the open failed already; that is the fault to report
            }
        }
    }

    /**
     * Float samples beyond full scale are legal (a float file has headroom above 0 dBFS) and are measured
     * as they are; the warning says so, because a PCM render clips them unless the chain brings them down.
     */
    static Optional<String> overFullScale(float floatPeak) {
        if (!(floatPeak > 1)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "float samples reach %+.1f dBFS, above full scale: measured as "
                + "they are (legal in a float file), but a PCM render clips them unless the chain brings them down",
                20 * StrictMath.log10(floatPeak)));
    }

    /**
     * The planar arrays, zeroed. Zeroing fresh memory is mostly the kernel's page faults, and it costs more
     * than the decoding (about 50 ms of the 90 ms reading a 4-minute stereo file): for a long file a
     * helper thread allocates the upper half of the channels while this thread allocates the lower.
     */
    static float[][] allocate(int channels, int frames) {
        float[][] planar = new float[channels][];
        int lower = (channels + 1) / 2;
        if (channels < 2 || frames < PARALLEL_FRAMES || Runtime.getRuntime().availableProcessors() < 2) {
            lower = channels;
        }
        Throwable[] helperFailure = new Throwable[1];
        Thread helper = null;
        if (lower < channels) {
            int from = lower;
            helper = new Thread(() -> {
                try {
                    for (int c = from; c < channels; c++) {
                        planar[c] = new float[frames];
                    }
                } catch (RuntimeException | Error e) {
                    helperFailure[0] = e; // OutOfMemoryError, most likely
                }
            }, "freshears-wav-allocate");
            helper.setDaemon(true);
            helper.start();
        }
        try {
            for (int c = 0; c < lower; c++) {
                planar[c] = new float[frames];
            }
        } finally {
            if (helper != null) {
                joinUninterruptibly(helper);
            }
        }
        if (helperFailure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (helperFailure[0] instanceof Error e) {
            throw e;
        }
        return planar;
    }

    /** Frames from which a file is decoded in two halves at once (about 20 s at 48 kHz). */
    static final int PARALLEL_FRAMES = 1 << 20;

    /**
     * Decodes every frame into {@code planar}. Decoding is CPU-bound (about 0.1 s for 4 minutes of 24-bit
     * stereo on one core), so a long file is split in two halves, the second decoded by a helper thread;
     * each half reads its own bytes (positional reads) and writes its own frames, so the result is the
     * same. A fault in the first half wins, being earlier in the file; the helper is always waited for.
     * Returns the largest float sample magnitude (0 for PCM).
     */
    private static float decode(Path file, FileChannel channel, WavHeader header, float[][] planar,
            DoubleConsumer progress) throws IOException {
        int total = planar[0].length;
        Decoder first = new Decoder(file, channel, header);
        if (total < PARALLEL_FRAMES || Runtime.getRuntime().availableProcessors() < 2) {
            first.decodeRange(planar, 0, total, progress);
            return first.floatPeak();
        }
        int half = total / 2;
        Decoder second = new Decoder(file, channel, header);
        Throwable[] secondFailure = new Throwable[1];
        Thread helper = new Thread(() -> {
            try {
                second.decodeRange(planar, half, total, fraction -> { });
            } catch (IOException | RuntimeException | Error e) {
                secondFailure[0] = e;
            }
        }, "freshears-wav-decode");
        helper.setDaemon(true);
        helper.start();
        try {
            first.decodeRange(planar, 0, half, progress); // progress: this half's
        } finally {
            joinUninterruptibly(helper);
        }
        if (secondFailure[0] instanceof IOException e) {
            throw e;
        }
        if (secondFailure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (secondFailure[0] instanceof Error e) {
            throw e;
        }
        return Math.max(first.floatPeak(), second.floatPeak());
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting: the helper writes into the caller's arrays
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static FileChannel openChannel(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new AudioFormatException(file, "is a directory, not a WAV file");
        }
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /** A one-line fault for an I/O failure, without the JDK's own repetition of the path. */
    static AudioFormatException readFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new AudioFormatException(file, "file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new AudioFormatException(file, "permission denied: cannot read the file", e);
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
        return new AudioFormatException(file, "cannot read: " + reason, e);
    }

    /**
     * Decodes frames of the data chunk into planar arrays, one format-specific loop per channel and block,
     * through one reusable byte buffer. Float samples are checked: NaN, infinity and magnitudes beyond
     * {@link #FLOAT_LIMIT} are faults; the largest magnitude is kept for the over-full-scale warning.
     */
    static final class Decoder implements FrameSource {
        /**
         * The largest float sample magnitude accepted, 2^32 (+192.7 dBFS). Beyond full scale is legal in a
         * float file, and everything up to here is measured as it is; beyond it no audio signal is plausible
         * (a writer storing raw 32-bit integers as floats stays under it), and the meters' float stages
         * (true-peak interpolation, K-weighted squares) would overflow and give one reading without another.
         */
        static final float FLOAT_LIMIT = 0x1p32f;
        private static final float SCALE_8 = 0x1p-7f;
        private static final float SCALE_16 = 0x1p-15f;
        private static final float SCALE_24 = 0x1p-23f;
        private static final float SCALE_32 = 0x1p-31f;
        /** Little-endian views of the byte buffer: intrinsified plain loads, no per-sample calls. */
        private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
                ByteOrder.LITTLE_ENDIAN);
        private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
                ByteOrder.LITTLE_ENDIAN);
        private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);
        /** Slack after a block so the 24-bit path may load 4 bytes at the last sample. */
        private static final int SLACK_BYTES = 8;

        private final Path file;
        private final FileChannel channel;
        private final WavHeader header;
        private final WavFormat format;
        private final int blockFrames;
        private final byte[] bytes;
        private final ByteBuffer buffer;
        /** The earliest bad float sample of the current block, or -1. */
        private long badFrame = -1;
        private int badChannel;
        private String badWhat;
        private float floatPeak;

        Decoder(Path file, FileChannel channel, WavHeader header) {
            this.file = file;
            this.channel = channel;
            this.header = header;
            this.format = header.format();
            int blockAlign = format.blockAlignBytes();
            this.blockFrames = (int) Math.max(1, Math.min(header.frames(), CHUNK_BYTES / blockAlign));
            this.bytes = new byte[blockFrames * blockAlign + SLACK_BYTES];
            this.buffer = ByteBuffer.wrap(bytes);
        }

        /** The largest float sample magnitude decoded so far (0 for PCM). */
        @Override
        public float floatPeak() {
            return floatPeak;
        }

        /** Decodes frames [from, to) of the file into the same positions of {@code out}. */
        void decodeRange(float[][] out, int from, int to, DoubleConsumer progress) throws IOException {
            int total = to - from;
            for (int done = from; done < to; ) {
                int frames = Math.min(blockFrames, to - done);
                decode(done, out, done, frames);
                done += frames;
                progress.accept((done - from) / (double) total);
            }
        }

        /** Decodes {@code frames} frames from frame {@code first} of the file into {@code out[c][at...]}. */
        @Override
        public void decode(long first, float[][] out, int at, int frames) throws IOException {
            int blockAlign = format.blockAlignBytes();
            long position = header.dataOffset() + first * blockAlign;
            for (int done = 0; done < frames; ) {
                int n = Math.min(blockFrames, frames - done);
                buffer.clear().limit(n * blockAlign);
                while (buffer.hasRemaining()) {
                    int got = channel.read(buffer, position + buffer.position());
                    if (got < 0) {
                        throw new AudioFormatException(file, "file ended while reading the audio (changed on disk?)");
                    }
                }
                position += (long) n * blockAlign;
                for (int c = 0; c < out.length; c++) {
                    decode(bytes, c, out[c], at + done, n);
                }
                if (badFrame >= 0) {
                    long frame = first + done + (badFrame - (at + done));
                    throw new AudioFormatException(file, Timecode.badSample(badWhat, frame, badChannel,
                            format.sampleRate()));
                }
                done += n;
            }
        }

        private void decode(byte[] in, int c, float[] dst, int at, int frames) {
            int step = format.blockAlignBytes();
            int p = c * format.bytesPerSample();
            int end = at + frames;
            if (format.encoding() == WavFormat.Encoding.PCM_INTEGER) {
                switch (format.bitsPerSample()) {
                    case 8 -> {
                        // 8-bit WAV is unsigned with 128 as zero (1991 RIFF spec, "Data Format of the Samples").
                        for (int i = at; i < end; i++, p += step) {
                            dst[i] = ((in[p] & 0xFF) - 128) * SCALE_8;
                        }
                    }
                    case 16 -> {
                        for (int i = at; i < end; i++, p += step) {
                            dst[i] = (short) SHORT_LE.get(in, p) * SCALE_16;
                        }
                    }
                    case 24 -> {
                        // One 4-byte load per sample (the buffer has slack after the block), keeping the low
                        // three bytes and sign-extending from bit 23 by the shift pair.
                        for (int i = at; i < end; i++, p += step) {
                            dst[i] = ((int) INT_LE.get(in, p) << 8 >> 8) * SCALE_24;
                        }
                    }
                    case 32 -> {
                        for (int i = at; i < end; i++, p += step) {
                            // int -> float rounds once to 24 significant bits; the scaling is exact.
                            dst[i] = (int) INT_LE.get(in, p) * SCALE_32;
                        }
                    }
                    default -> throw new IllegalStateException("unvalidated bit depth " + format.bitsPerSample());
                }
            } else if (format.bitsPerSample() == 32) {
                float peak = floatPeak;
                for (int i = at; i < end; i++, p += step) {
                    float f = Float.intBitsToFloat((int) INT_LE.get(in, p));
                    float a = Math.abs(f);
                    if (!(a <= FLOAT_LIMIT)) { // NaN, infinite, or too large to measure
                        noteBad(f, f, i, c);
                        break;
                    }
                    peak = a > peak ? a : peak;
                    dst[i] = f;
                }
                floatPeak = peak;
            } else {
                float peak = floatPeak;
                for (int i = at; i < end; i++, p += step) {
                    double v = Double.longBitsToDouble((long) LONG_LE.get(in, p));
                    float f = (float) v;
                    float a = Math.abs(f);
                    if (!(a <= FLOAT_LIMIT)) {
                        noteBad(v, f, i, c);
                        break;
                    }
                    peak = a > peak ? a : peak;
                    dst[i] = f;
                }
                floatPeak = peak;
            }
        }

        /** Keeps the earliest bad sample in frame order, then channel order, across the block's channels. */
        private void noteBad(double value, float asFloat, int frame, int c) {
            if (badFrame < 0 || frame < badFrame) {
                badFrame = frame;
                badChannel = c;
                badWhat = Double.isNaN(value) ? "NaN" : Double.isInfinite(value) ? "infinite"
                        : String.format(Locale.ROOT, "out-of-range (%s, %+.1f dBFS, beyond the %+.1f dBFS measured)",
                                Double.isInfinite(asFloat) ? Double.toString(value) : Float.toString(asFloat),
                                20 * StrictMath.log10(Math.abs(value)), 20 * StrictMath.log10(FLOAT_LIMIT));
            }
        }
    }
}
