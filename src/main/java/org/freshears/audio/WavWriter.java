package org.freshears.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import org.freshears.io.AtomicFile;
import org.freshears.io.RunFolder;

/**
 * Writes masters as WAV. The file is written to a temporary file in the target's folder and moved
 * into place only when complete (an atomic rename where the file system allows), so a failure leaves
 * whatever was at the target untouched and no partial file behind. The inputs are protected: a
 * target that is the same file as one of them is refused before anything is written.
 *
 * <p>Header choice (Microsoft, "Multiple channel audio data and WAVE files"): WAVE_FORMAT_EXTENSIBLE
 * with the layout's channel mask when there are more than 2 channels, integer samples wider than 16
 * bits, or a layout other than the standard one; otherwise plain PCM, or plain IEEE float (with the
 * fact chunk the 1991 spec requires of non-PCM formats). Files whose RIFF size would pass 4 GiB are
 * written as RF64 (EBU Tech 3306), which {@link WavReader} reads.
 */
public final class WavWriter {
    static final int CHUNK_BYTES = 2 << 20;
    /** The RIFF size field is 32 bits: beyond this the file must be RF64. */
    static final long RIFF_LIMIT_BYTES = 0xFFFF_FFFFL;
    private static final int DS64_BYTES = 28;
    private static final byte[] SUBTYPE_GUID_TAIL = {0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA,
            0x00, 0x38, (byte) 0x9B, 0x71};

    private WavWriter() {
    }

    public static WriteReport write(AudioBuffer buffer, Path target, WavOutputFormat format)
            throws AudioFormatException {
        return write(buffer, target, format, List.of());
    }

    /**
     * Writes the buffer, refusing (with "refusing to overwrite an input file") a target that is, or
     * resolves to, any of the protected inputs.
     */
    public static WriteReport write(AudioBuffer buffer, Path target, WavOutputFormat format,
            Collection<Path> protectedInputs) throws AudioFormatException {
        return write(buffer, target, format, protectedInputs, fraction -> { });
    }

    /**
     * As {@link #write(AudioBuffer, Path, WavOutputFormat, Collection)}, reporting the fraction of the frames
     * written (0 to 1) after each block.
     */
    public static WriteReport write(AudioBuffer buffer, Path target, WavOutputFormat format,
            Collection<Path> protectedInputs, DoubleConsumer progress) throws AudioFormatException {
        return write(buffer, target, format, protectedInputs, RIFF_LIMIT_BYTES, progress);
    }

    /** As {@link #write(AudioBuffer, Path, WavOutputFormat, Collection)}; the RF64 threshold is a test seam. */
    static WriteReport write(AudioBuffer buffer, Path target, WavOutputFormat format, Collection<Path> protectedInputs,
            long riffLimitBytes) throws AudioFormatException {
        return write(buffer, target, format, protectedInputs, riffLimitBytes, fraction -> { });
    }

    private static WriteReport write(AudioBuffer buffer, Path target, WavOutputFormat format,
            Collection<Path> protectedInputs, long riffLimitBytes, DoubleConsumer progress) throws AudioFormatException {
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(protectedInputs, "protectedInputs");
        refuseInputs(target, protectedInputs);
        if (format.sampleRateFor(buffer.sampleRate()) != buffer.sampleRate()) {
            // The writer writes the rate it is given; converting is the render's job, before dither.
            throw new IllegalArgumentException("the format asks for " + format.sampleRateHz() + " Hz but the audio is at "
                    + buffer.sampleRate() + " Hz: convert it first");
        }
        if (buffer.frames() == 0) {
            throw new AudioFormatException(target, "nothing to write: the audio holds 0 frames");
        }
        if (buffer.channels() > WavHeaderParser.MAX_CHANNELS) {
            throw new AudioFormatException(target, buffer.channels() + " channels (1 to "
                    + WavHeaderParser.MAX_CHANNELS + " are supported)");
        }
        Path absolute = writableFile(target);
        Path folder = absolute.getParent();

        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long[] clipped = new long[1];
            AtomicFile.write(absolute, channel -> clipped[0] =
                    new Encoder(target, buffer, format, channel, sha256, riffLimitBytes, progress).run());
            return new WriteReport(target, buffer.frames(), clipped[0], HexFormat.of().formatHex(sha256.digest()));
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw writeFault(target, folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** The target as an absolute path, once it names a file that can be made: an existing folder, not a folder. */
    private static Path writableFile(Path target) throws AudioFormatException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new AudioFormatException(target, "folder does not exist: " + folder);
        }
        if (Files.isDirectory(absolute)) {
            throw new AudioFormatException(target, "is a directory; give a file name for the master");
        }
        return absolute;
    }

    /** The one-line fault of a file that could not be written. */
    private static AudioFormatException writeFault(Path target, Path folder, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new AudioFormatException(target, "permission denied: cannot write in " + folder, e);
        }
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : "cannot write: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        return new AudioFormatException(target, reason.replace('\n', ' '), e);
    }

    /**
     * Writes a file this writer made before, byte for byte (a master found in the result cache, its bytes
     * checked there), with the refusals and faults of {@link #write(AudioBuffer, Path, WavOutputFormat,
     * Collection)}: an input is never overwritten, and the file appears whole or not at all.
     *
     * @param written what writing it reported then (its frames, clipped samples and SHA-256)
     */
    public static WriteReport writeAgain(byte[] bytes, WriteReport written, Path target, Collection<Path> protectedInputs)
            throws AudioFormatException {
        Objects.requireNonNull(bytes, "bytes");
        refuseInputs(target, protectedInputs);
        Path absolute = writableFile(target);
        Path folder = absolute.getParent();
        try {
            // A re-run's master usually is, byte for byte, the one the last run left in the output folder: that
            // file is kept (linked into the run's folder) instead of written and flushed again. Never an input.
            RunFolder.writeOrKeep(absolute, previous -> !isInput(previous, protectedInputs), bytes);
        } catch (IOException e) {
            throw writeFault(target, folder, e);
        }
        return new WriteReport(target, written.frames(), written.clippedSamples(), written.sha256());
    }

    /** Whether the file is one of the inputs (or cannot be told apart from them). */
    private static boolean isInput(Path file, Collection<Path> inputs) {
        try {
            refuseInputs(file, inputs);
            return false;
        } catch (AudioFormatException e) {
            return true;
        }
    }

    private static void refuseInputs(Path target, Collection<Path> inputs) throws AudioFormatException {
        Path absolute = target.toAbsolutePath().normalize();
        for (Path input : inputs) {
            Path in = input.toAbsolutePath().normalize();
            boolean same = in.equals(absolute);
            if (!same && Files.exists(absolute) && Files.exists(in)) {
                try {
                    same = Files.isSameFile(absolute, in); // catches links, bind mounts and other spellings
                } catch (IOException e) {
                    throw new AudioFormatException(target, "cannot tell whether it is the input " + input
                            + " (" + e.getMessage() + "); refusing to write", e);
                }
            }
            if (same) {
                throw new AudioFormatException(target, "refusing to overwrite an input file");
            }
        }
    }

    /** Builds the header and streams the samples, hashing exactly the bytes written. */
    private static final class Encoder {
        private final Path target;
        private final AudioBuffer buffer;
        private final WavOutputFormat format;
        private final FileChannel channel;
        private final MessageDigest sha256;
        private final long riffLimitBytes;
        private final DoubleConsumer progress;
        private long badFrame = -1;
        private int badChannel;
        private String badWhat;
        private long clipped;

        Encoder(Path target, AudioBuffer buffer, WavOutputFormat format, FileChannel channel, MessageDigest sha256,
                long riffLimitBytes, DoubleConsumer progress) {
            this.progress = progress;
            this.target = target;
            this.buffer = buffer;
            this.format = format;
            this.channel = channel;
            this.sha256 = sha256;
            this.riffLimitBytes = riffLimitBytes;
        }

        long run() throws IOException {
            int channels = buffer.channels();
            int blockAlign = channels * format.bytesPerSample();
            long frames = buffer.frames();
            long dataBytes = frames * blockAlign;
            write(header(dataBytes));

            DitherQuantizer[] quantizers = new DitherQuantizer[channels];
            if (!format.floatingPoint() && !format.dither().isNone()) {
                for (int c = 0; c < channels; c++) {
                    quantizers[c] = format.dither().quantizer(c);
                }
            }
            int blockFrames = (int) Math.min(frames, CHUNK_BYTES / blockAlign);
            byte[] bytes = new byte[blockFrames * blockAlign];
            for (int done = 0; done < frames; ) {
                int n = (int) Math.min(blockFrames, frames - done);
                for (int c = 0; c < channels; c++) {
                    encode(buffer.channel(c), done, n, c, quantizers[c], bytes, blockAlign);
                }
                if (badFrame >= 0) {
                    throw new AudioFormatException(target, "cannot write: "
                            + Timecode.badSample(badWhat, badFrame, badChannel, buffer.sampleRate()));
                }
                write(ByteBuffer.wrap(bytes, 0, n * blockAlign));
                done += n;
                progress.accept(done / (double) frames);
            }
            if ((dataBytes & 1) == 1) {
                write(ByteBuffer.wrap(new byte[1])); // RIFF pads odd-sized chunks to an even length
            }
            return clipped;
        }

        private void encode(float[] src, int from, int n, int c, DitherQuantizer quantizer, byte[] out, int step) {
            int p = c * format.bytesPerSample();
            if (format.floatingPoint()) {
                for (int i = from; i < from + n; i++, p += step) {
                    float x = src[i];
                    if (!Float.isFinite(x)) {
                        noteBad(x, i, c);
                        return;
                    }
                    int bits = Float.floatToRawIntBits(x);
                    out[p] = (byte) bits;
                    out[p + 1] = (byte) (bits >> 8);
                    out[p + 2] = (byte) (bits >> 16);
                    out[p + 3] = (byte) (bits >> 24);
                }
                return;
            }
            int bits = format.bitsPerSample();
            double scale = bits == 16 ? 0x1p15 : 0x1p23; // the reader's 2^-(bits-1), inverted
            long max = (1L << (bits - 1)) - 1;
            long min = -(1L << (bits - 1));
            for (int i = from; i < from + n; i++, p += step) {
                float x = src[i];
                if (!Float.isFinite(x)) {
                    noteBad(x, i, c);
                    return;
                }
                double lsb = x * scale; // exact: a float times a power of two fits a double
                long code = quantizer == null ? (long) Math.rint(lsb) : quantizer.quantize(lsb);
                if (code > max) {
                    code = max;
                    clipped++;
                } else if (code < min) {
                    code = min;
                    clipped++;
                }
                out[p] = (byte) code;
                out[p + 1] = (byte) (code >> 8);
                if (bits == 24) {
                    out[p + 2] = (byte) (code >> 16);
                }
            }
        }

        private void noteBad(float x, int frame, int c) {
            if (badFrame < 0 || frame < badFrame) {
                badFrame = frame;
                badChannel = c;
                badWhat = Float.isNaN(x) ? "NaN" : "infinite";
            }
        }

        private ByteBuffer header(long dataBytes) throws AudioFormatException {
            int channels = buffer.channels();
            ChannelLayout layout = buffer.layout();
            boolean extensible = channels > 2 || (!format.floatingPoint() && format.bitsPerSample() > 16)
                    || !layout.equals(ChannelLayout.standard(channels));
            int fmtBytes = extensible ? 40 : format.floatingPoint() ? 18 : 16;
            boolean fact = format.floatingPoint();
            long pad = dataBytes & 1;
            long riffBytes = 4 + (8 + fmtBytes) + (fact ? 12 : 0) + 8 + dataBytes + pad;
            boolean rf64 = riffBytes > riffLimitBytes;
            if (rf64) {
                riffBytes += 8 + DS64_BYTES;
            }
            long frames = buffer.frames();
            int blockAlign = channels * format.bytesPerSample();
            ByteBuffer h = ByteBuffer.allocate(12 + (rf64 ? 8 + DS64_BYTES : 0) + 8 + fmtBytes + (fact ? 12 : 0) + 8)
                    .order(ByteOrder.LITTLE_ENDIAN);
            h.put(ascii(rf64 ? "RF64" : "RIFF")).putInt(rf64 ? -1 : (int) riffBytes).put(ascii("WAVE"));
            if (rf64) {
                // EBU Tech 3306 ds64: RIFF size, data size, sample count (64-bit), then an empty table.
                h.put(ascii("ds64")).putInt(DS64_BYTES).putLong(riffBytes).putLong(dataBytes).putLong(frames)
                        .putInt(0);
            }
            int tag = extensible ? FormatTags.EXTENSIBLE
                    : format.floatingPoint() ? FormatTags.IEEE_FLOAT : FormatTags.PCM;
            h.put(ascii("fmt ")).putInt(fmtBytes).putShort((short) tag).putShort((short) channels)
                    .putInt(buffer.sampleRate()).putInt(buffer.sampleRate() * blockAlign).putShort((short) blockAlign)
                    .putShort((short) format.bitsPerSample());
            if (extensible) {
                h.putShort((short) 22).putShort((short) format.bitsPerSample()).putInt(maskOf(layout))
                        .putInt(format.floatingPoint() ? FormatTags.IEEE_FLOAT : FormatTags.PCM)
                        .put(SUBTYPE_GUID_TAIL);
            } else if (format.floatingPoint()) {
                h.putShort((short) 0); // cbSize
            }
            if (fact) {
                h.put(ascii("fact")).putInt(4).putInt(rf64 ? -1 : (int) frames); // RF64: the count is in ds64
            }
            h.put(ascii("data")).putInt(rf64 ? -1 : (int) dataBytes);
            return h.flip();
        }

        /**
         * The layout's mask when it can say it: a mask lists speakers in ascending bit order, so a
         * layout in another order (or with duplicates) gets mask 0, "no positions", rather than a lie.
         */
        private static int maskOf(ChannelLayout layout) {
            int lastBit = -1;
            boolean unassigned = false;
            for (Speaker s : layout.speakers()) {
                if (s == Speaker.UNASSIGNED) {
                    unassigned = true;
                } else if (unassigned || s.ordinal() <= lastBit) {
                    return 0;
                } else {
                    lastBit = s.ordinal();
                }
            }
            return layout.mask();
        }

        private void write(ByteBuffer bytes) throws IOException {
            sha256.update(bytes.duplicate());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        private static byte[] ascii(String fourCc) {
            return fourCc.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
