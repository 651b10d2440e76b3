package org.freshears.audio;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * A small lossless FLAC encoder (the format of xiph.org's FLAC specification, RFC 9639): the audio
 * requantised to 16 bits with seeded TPDF dither, in frames of {@value #BLOCK_FRAMES} frames, each
 * channel pair coded as left/right, left/side, right/side or mid/side (whichever is smallest), each
 * channel as a constant, a fixed polynomial predictor of order 0-4 with Rice-coded residuals in 2^p
 * partitions, or verbatim. No LPC: fixed predictors get within a few percent of {@code flac -5} on music,
 * and the code stays small enough to own. A STREAMINFO with the MD5 of the samples lets {@code flac -t}
 * check a file. Deterministic: the same audio and seed give the same bytes.
 */
public final class FlacEncoder {
    /** 4096 frames: FLAC's default block size, a 4-bit code in the frame header. */
    static final int BLOCK_FRAMES = 4096;
    private static final int BLOCK_SIZE_CODE_4096 = 12;
    /** Frames coded in parallel at a time: enough to share between cores, a few MiB of codes at most. */
    static final int CHUNK_BLOCKS = 32;
    /** 2 MiB: the frames are kept in arrays of this size until the file is put together (see FrameBytes). */
    private static final int SEGMENT_BYTES = 1 << 21;
    private static final int MAX_FIXED_ORDER = 4;
    /** Residual magnitudes summed in an int at a time: 1024 of them, each under 2^21, stay below 2^31. */
    private static final int SUM_STRETCH = 1024;
    private static final int MAX_PARTITION_ORDER = 8;
    /** A Rice parameter of 15 is the escape code of the 4-bit parameter field. */
    private static final int MAX_RICE_PARAMETER = 14;
    private static final int CHANNELS_INDEPENDENT = -1;
    private static final int LEFT_SIDE = 8;
    private static final int RIGHT_SIDE = 9;
    private static final int MID_SIDE = 10;

    /**
     * 16 bits: with TPDF dither its noise floor (about -93 dBFS) is far below anything an A/B can hear,
     * and it compresses to about 60 % of the size a 24-bit copy would take (the low 8 bits are noise).
     */
    private final int bitsPerSample = 16;
    private final Dither dither;

    /** @param dither the dither of the requantisation to 16 bits */
    public FlacEncoder(Dither dither) {
        this.dither = dither;
    }

    /**
     * The whole FLAC file of {@code audio} (1-8 channels). Requantised chunk by chunk, so the only copy of
     * the audio made is the compressed one.
     */
    public byte[] encode(AudioBuffer audio) {
        return encodeFile(audio).toByteArray();
    }

    /**
     * As {@link #encode}, the file kept in the parts it was made in, for a caller that writes it elsewhere (the
     * listening files base64 it) without a flat copy of it first: 25 MB of garbage per 4 minutes of stereo.
     */
    public EncodedFile encodeFile(AudioBuffer audio) {
        int channels = audio.channels();
        if (channels < 1 || channels > 8) {
            throw new IllegalArgumentException("FLAC holds 1-8 channels, got " + channels);
        }
        SampleCodes sampleCodes = new SampleCodes(audio);
        int blocks = (audio.frames() + BLOCK_FRAMES - 1) / BLOCK_FRAMES;
        byte[][] frames = new byte[CHUNK_BLOCKS][];
        FrameBytes file = new FrameBytes();
        Queue<FrameScratch> scratch = new ConcurrentLinkedQueue<>();
        // Chunk by chunk: a chunk's frames, each complete in itself, are coded on every core while the next
        // chunk's dither and MD5, which must run in order (the dither is one random sequence per channel), run
        // beside them as one more task. The same bytes as one thread, whatever the number of cores.
        int[][][] codes = new int[CHUNK_BLOCKS][channels][BLOCK_FRAMES];
        int[][][] nextCodes = new int[CHUNK_BLOCKS][channels][BLOCK_FRAMES];
        sampleCodes.quantizeChunk(0, codes);
        for (int chunkStart = 0; chunkStart < blocks; chunkStart += CHUNK_BLOCKS) {
            int nextStart = chunkStart + CHUNK_BLOCKS;
            int[][][] ahead = nextCodes;
            ForkJoinTask<?> next = nextStart < blocks
                    ? ForkJoinPool.commonPool().submit(() -> sampleCodes.quantizeChunk(nextStart, ahead))
                    : null;
            int first = chunkStart;
            int[][][] chunk = codes;
            int chunkBlocks = Math.min(CHUNK_BLOCKS, blocks - chunkStart);
            IntStream.range(0, chunkBlocks).parallel().forEach(b -> {
                FrameScratch room = scratch.poll();
                if (room == null) {
                    room = new FrameScratch(channels);
                }
                frames[b] = frame(chunk[b], sampleCodes.blockLength(first + b), first + b, room);
                scratch.add(room);
            });
            for (int b = 0; b < chunkBlocks; b++) {
                file.append(frames[b]);
            }
            if (next != null) {
                next.join();
            }
            nextCodes = codes;
            codes = ahead;
        }
        return file.after(head(audio, sampleCodes.md5.digest()));
    }

    /** A FLAC file as the parts it was made in: its head, then its frames. */
    public static final class EncodedFile {
        private final byte[] head;
        private final List<byte[]> segments;
        private final long frameBytes;

        private EncodedFile(byte[] head, List<byte[]> segments, long frameBytes) {
            this.head = head;
            this.segments = segments;
            this.frameBytes = frameBytes;
        }

        /** The file's size, bytes. */
        public long length() {
            return head.length + frameBytes;
        }

        /** Writes the whole file to {@code out}. */
        public void writeTo(java.io.OutputStream out) throws java.io.IOException {
            out.write(head);
            long left = frameBytes;
            for (byte[] s : segments) {
                int count = (int) Math.min(left, s.length);
                out.write(s, 0, count);
                left -= count;
            }
        }

        /** The whole file in one array. */
        public byte[] toByteArray() {
            byte[] file = Arrays.copyOf(head, Math.toIntExact(length()));
            long left = frameBytes;
            int at = head.length;
            for (byte[] s : segments) {
                int count = (int) Math.min(left, s.length);
                System.arraycopy(s, 0, file, at, count);
                at += count;
                left -= count;
            }
            return file;
        }
    }

    /**
     * The frames so far, end to end, in segments of {@value #SEGMENT_BYTES} bytes: large enough that the JVM
     * (with the launcher's -XX:PretenureSizeThreshold=1m) makes them in the old generation, so the young
     * collections never copy them, and each frame's own array dies young. Kept as one array per frame until the
     * end, the frames were copied by every young collection on the way.
     */
    private static final class FrameBytes {
        private final List<byte[]> segments = new ArrayList<>();
        private byte[] segment = new byte[0];
        private int used;
        private long length;

        void append(byte[] frame) {
            for (int at = 0; at < frame.length;) {
                if (used == segment.length) {
                    segment = new byte[SEGMENT_BYTES];
                    segments.add(segment);
                    used = 0;
                }
                int count = Math.min(frame.length - at, segment.length - used);
                System.arraycopy(frame, at, segment, used, count);
                used += count;
                at += count;
            }
            length += frame.length;
        }

        /** The whole file: {@code head}, then the frames. */
        EncodedFile after(byte[] head) {
            return new EncodedFile(head, segments, length);
        }
    }

    /**
     * The 16-bit codes of the audio, a chunk of blocks at a time, in order: the dither draws one random sequence
     * per channel, and the MD5 of STREAMINFO takes the codes as the file holds them.
     */
    private final class SampleCodes {
        private final AudioBuffer audio;
        private final DitherQuantizer[] quantizers;
        private final MessageDigest md5 = md5();
        /** One block's codes as the MD5 takes them: little-endian, channels interleaved. */
        private final byte[] interleaved;

        SampleCodes(AudioBuffer audio) {
            this.audio = audio;
            quantizers = new DitherQuantizer[audio.channels()];
            for (int c = 0; c < quantizers.length; c++) {
                quantizers[c] = dither.quantizer(c);
            }
            interleaved = new byte[BLOCK_FRAMES * audio.channels() * 2];
        }

        /** Frames in this block: {@value #BLOCK_FRAMES}, but for the last block, which may be shorter. */
        int blockLength(int block) {
            return Math.min(BLOCK_FRAMES, audio.frames() - block * BLOCK_FRAMES);
        }

        /** The codes of the blocks of the chunk from {@code firstBlock}, into codes[block][channel][frame]. */
        void quantizeChunk(int firstBlock, int[][][] codes) {
            int channels = audio.channels();
            int max = (1 << (bitsPerSample - 1)) - 1;
            int blocks = (audio.frames() + BLOCK_FRAMES - 1) / BLOCK_FRAMES;
            // One bound, not "b < CHUNK_BLOCKS && firstBlock + b < blocks": the second test first ends the loop in
            // the last chunk, which sent the compiled loop back to the interpreter at the end of every file.
            int chunkBlocks = Math.min(CHUNK_BLOCKS, blocks - firstBlock);
            for (int b = 0; b < chunkBlocks; b++) {
                int start = (firstBlock + b) * BLOCK_FRAMES;
                int n = blockLength(firstBlock + b);
                for (int c = 0; c < channels; c++) {
                    int[] blockCodes = codes[b][c];
                    quantizers[c].quantize(audio.channel(c), start, n, 1L << (bitsPerSample - 1), -max - 1, max,
                            blockCodes);
                    for (int i = 0, at = 2 * c; i < n; i++, at += 2 * channels) {
                        interleaved[at] = (byte) blockCodes[i];
                        interleaved[at + 1] = (byte) (blockCodes[i] >> 8);
                    }
                }
                md5.update(interleaved, 0, n * channels * 2);
            }
        }
    }

    /**
     * What coding one frame needs besides its codes, reused from frame to frame by one thread at a time: made
     * new for each frame it was about 130 KiB of garbage per frame, and each young collection that freed it
     * copied the frames made so far.
     */
    private static final class FrameScratch {
        final int[] side = new int[BLOCK_FRAMES];
        final int[] mid = new int[BLOCK_FRAMES];
        final int[] residual = new int[BLOCK_FRAMES];
        final int[] previous = new int[BLOCK_FRAMES];
        final FlacBitWriter out;

        FrameScratch(int channels) {
            out = new FlacBitWriter(maxFrameBytes(channels, BLOCK_FRAMES));
        }
    }

    /** "fLaC" and the STREAMINFO block. */
    private byte[] head(AudioBuffer audio, byte[] md5) {
        FlacBitWriter out = new FlacBitWriter(42);
        out.bytes(new byte[] {'f', 'L', 'a', 'C'});
        out.bits(1, 1); // last metadata block
        out.bits(0, 7); // STREAMINFO
        out.bits(34, 24);
        out.bits(BLOCK_FRAMES, 16);
        out.bits(BLOCK_FRAMES, 16);
        out.bits(0, 24); // smallest and largest frame sizes: unknown, as the format allows
        out.bits(0, 24);
        out.bits(audio.sampleRate(), 20);
        out.bits(audio.channels() - 1, 3);
        out.bits(bitsPerSample - 1, 5);
        out.bits(audio.frames(), 36);
        out.bytes(md5);
        return out.toBytes(0);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** One frame, its CRC-16 included, of a block of n 16-bit codes per channel (block[channel][frame]). */
    private byte[] frame(int[][] block, int n, int number, FrameScratch scratch) {
        int channels = block.length;
        int assignment = CHANNELS_INDEPENDENT;
        int[][] coded = block;
        int[] orders = new int[channels]; // each channel's fixed predictor order
        int[] residual = scratch.residual;
        int[] previous = scratch.previous;
        if (channels == 2) {
            int[] side = scratch.side;
            int[] mid = scratch.mid;
            sideAndMid(block[0], block[1], n, side, mid);
            // Each candidate's residual sums, once: they choose the coding and then each channel's order.
            int[][] candidates = {block[0], block[1], side, mid};
            long[][] sums = new long[candidates.length][];
            for (int c = 0; c < candidates.length; c++) {
                sums[c] = fixedOrderSums(candidates[c], n, residual, previous);
            }
            long[] leftSums = sums[0];
            long[] rightSums = sums[1];
            long[] sideSums = sums[2];
            long[] midSums = sums[3];
            long left = min(leftSums);
            long right = min(rightSums);
            long s = min(sideSums);
            long m = min(midSums);
            long best = Math.min(Math.min(left + right, left + s), Math.min(right + s, m + s));
            if (best == m + s) {
                assignment = MID_SIDE;
                coded = new int[][] {mid, side};
                orders = new int[] {lowestIndex(midSums), lowestIndex(sideSums)};
            } else if (best == left + s) {
                assignment = LEFT_SIDE;
                coded = new int[][] {block[0], side};
                orders = new int[] {lowestIndex(leftSums), lowestIndex(sideSums)};
            } else if (best == right + s) {
                assignment = RIGHT_SIDE;
                coded = new int[][] {side, block[1]};
                orders = new int[] {lowestIndex(sideSums), lowestIndex(rightSums)};
            } else {
                orders = new int[] {lowestIndex(leftSums), lowestIndex(rightSums)};
            }
        } else {
            for (int c = 0; c < channels; c++) {
                orders[c] = lowestIndex(fixedOrderSums(block[c], n, residual, previous));
            }
        }
        FlacBitWriter out = scratch.out;
        // Header: sync code, fixed block size, then block size, rate (from STREAMINFO), channels, sample size.
        out.bits(0b11111111111110, 14);
        out.bits(0, 1);
        out.bits(0, 1);
        out.bits(n == BLOCK_FRAMES ? BLOCK_SIZE_CODE_4096 : 7, 4);
        out.bits(0, 4);
        out.bits(assignment == CHANNELS_INDEPENDENT ? channels - 1 : assignment, 4);
        out.bits(0b100, 3); // 16 bits
        out.bits(0, 1);
        utf8Number(out, number);
        if (n != BLOCK_FRAMES) {
            out.bits(n - 1, 16);
        }
        out.bits(FlacCrc.crc8(out.toBytes(0), 0, out.byteLength()), 8);
        for (int c = 0; c < channels; c++) {
            boolean side = (assignment == LEFT_SIDE && c == 1) || (assignment == RIGHT_SIDE && c == 0)
                    || (assignment == MID_SIDE && c == 1);
            subframe(out, coded[c], n, bitsPerSample + (side ? 1 : 0), orders[c], residual, previous);
        }
        out.alignToByte();
        byte[] frame = out.toBytes(2);
        out.clear();
        int crc = FlacCrc.crc16(0, frame, 0, frame.length - 2);
        frame[frame.length - 2] = (byte) (crc >>> 8);
        frame[frame.length - 1] = (byte) crc;
        return frame;
    }

    private static void sideAndMid(int[] left, int[] right, int n, int[] side, int[] mid) {
        for (int i = 0; i < n; i++) {
            side[i] = left[i] - right[i];
            mid[i] = (left[i] + right[i]) >> 1; // the side's low bit restores what the shift drops
        }
    }

    /**
     * The most bytes a frame's header and subframes can take: a header of at most 16 bytes, and per channel a
     * subframe of at most a verbatim one's 8 + n * 17 bits (a fixed subframe is written only when its Rice
     * estimate, which the codes never exceed, says it is smaller), then the padding to a byte.
     */
    private static int maxFrameBytes(int channels, int n) {
        return 16 + (channels * (8 + 17 * n) + 7) / 8;
    }

    /**
     * The frame number in FLAC's extended UTF-8 coding (up to 36 bits): below 2^7 one byte; else a lead byte
     * (as many ones as bytes, a zero, the top bits) and c continuation bytes of 10xxxxxx, c the fewest for
     * 5c + 6 bits. Written as one value, with no loop that depends on c: a loop whose count changes at frame
     * 2048 would send compiled code back to the interpreter there.
     */
    static void utf8Number(FlacBitWriter out, long value) {
        if (value < 0x80) {
            out.bits(value, 8);
            return;
        }
        int significantBits = 64 - Long.numberOfLeadingZeros(value);
        int continuation = (significantBits - 2) / 5; // 8-11 bits: 1, 12-16: 2 ... 32-36: 6
        long lead = ((0xFF00L >> (continuation + 1)) & 0xFF) | (value >> (6 * continuation));
        long tail = 0; // all six continuation bytes the largest number needs, then only c of them kept
        for (int k = 0; k < 6; k++) {
            tail |= (0x80L | ((value >> (6 * k)) & 0x3F)) << (8 * k);
        }
        int tailBits = 8 * continuation;
        out.bits((lead << tailBits) | (tail & ((1L << tailBits) - 1)), tailBits + 8);
    }

    /**
     * A subframe: constant, fixed predictor of the order given with Rice-coded residuals, or verbatim when that
     * is not smaller, of x[0..n). {@code residual} and {@code previous} are room for n values each.
     */
    private static void subframe(FlacBitWriter out, int[] x, int n, int bits, int order, int[] residual,
            int[] previous) {
        boolean constant = true;
        for (int i = 1; i < n && constant; i++) {
            constant = x[i] == x[0];
        }
        out.bits(0, 1);
        if (constant) {
            out.bits(0, 6);
            out.bits(0, 1);
            out.signedBits(x[0], bits);
            return;
        }
        zigzagResidual(x, n, order, residual, previous);
        Rice rice = Rice.best(residual, n, order);
        long fixedBits = (long) order * bits + 6 + rice.bits();
        if (fixedBits >= (long) n * bits) {
            out.bits(1, 6); // verbatim
            out.bits(0, 1);
            for (int i = 0; i < n; i++) {
                out.signedBits(x[i], bits);
            }
            return;
        }
        out.bits(0b001000 | order, 6);
        out.bits(0, 1);
        for (int i = 0; i < order; i++) {
            out.signedBits(x[i], bits);
        }
        out.bits(0, 2); // Rice coding with 4-bit parameters
        out.bits(rice.partitionOrder(), 4);
        int length = n >> rice.partitionOrder();
        int from = 0;
        for (int p = 0; p < rice.parameters().length; p++) {
            int k = rice.parameters()[p];
            int to = (p + 1) * length - order;
            out.bits(k, 4);
            out.rice(residual, from, to, k);
            from = to;
        }
    }

    /** The index of the smallest value (the first, on a tie). */
    private static int lowestIndex(long[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static long min(long[] values) {
        return values[lowestIndex(values)];
    }

    /**
     * Sum of residual magnitudes of each fixed order (the usual cheap estimate of its cost), over samples
     * maxOrder..n-1: the residual of order k is the k-th difference of the signal, so each order's is the one
     * below it differenced once more, in {@code d} ({@code previous} is room for {@link #differences}). A block
     * of 4 samples or fewer (only a stream's last block can be one) has the orders up to n - 1, each over the
     * last sample alone.
     */
    private static long[] fixedOrderSums(int[] x, int n, int[] d, int[] previous) {
        int maxOrder = Math.min(MAX_FIXED_ORDER, n - 1);
        int from = maxOrder == MAX_FIXED_ORDER ? MAX_FIXED_ORDER : n - 1;
        long[] sums = new long[maxOrder + 1];
        System.arraycopy(x, 0, d, 0, n);
        for (int k = 0; k <= maxOrder; k++) {
            sums[k] = magnitudeSum(d, from, n);
            if (k < maxOrder) {
                differences(d, k + 1, n, previous);
            }
        }
        return sums;
    }

    /**
     * The sum of |d[i]| over [from, to), in int stretches of {@value #SUM_STRETCH}: residuals stay under 2^21 (16
     * times a 17-bit side), so a stretch's sum stays below 2^31, and C2 vectorises an int sum (not a long one).
     */
    private static long magnitudeSum(int[] d, int from, int to) {
        long sum = 0;
        for (int start = from; start < to; start += SUM_STRETCH) {
            int end = Math.min(to, start + SUM_STRETCH);
            int stretch = 0;
            for (int i = start; i < end; i++) {
                stretch += Math.abs(d[i]);
            }
            sum += stretch;
        }
        return sum;
    }

    /**
     * The residual of the fixed predictor of this order for samples order..n-1, zigzag-coded for Rice (0, -1,
     * 1, -2, 2... become 0, 1, 2, 3, 4...), into u[0..n-order). The fixed predictor of order k extrapolates a
     * polynomial of degree k - 1 through the last k samples, so its residual is the k-th difference of the
     * signal (x[i] - 2 x[i-1] + x[i-2] for order 2): k passes of first differences. Magnitudes stay under 2^21
     * (16 times a 17-bit side), so an int holds them. {@code previous} is room for {@link #differences}.
     */
    private static void zigzagResidual(int[] x, int n, int order, int[] u, int[] previous) {
        System.arraycopy(x, 0, u, 0, n);
        for (int pass = 1; pass <= order; pass++) {
            differences(u, pass, n, previous);
        }
        for (int i = order; i < n; i++) {
            u[i] = zigzag(u[i]);
        }
        System.arraycopy(u, order, u, 0, n - order);
    }

    /**
     * u[i] - u[i - 1] for i from {@code from} to n - 1, each with the value before it as it was: those are first
     * copied into {@code previous} one place on (previous[i] = u[i - 1]), so the loop reads and writes one index
     * and C2 vectorises it (a loop that reads the neighbour it overwrites it does not).
     */
    private static void differences(int[] u, int from, int n, int[] previous) {
        System.arraycopy(u, from - 1, previous, from, n - from);
        for (int i = from; i < n; i++) {
            u[i] -= previous[i];
        }
    }

    private static int zigzag(int v) {
        return (v << 1) ^ (v >> 31);
    }

    /**
     * The Rice parameter that codes {@code count} values of total {@code sum} in the fewest bits by the usual
     * estimate, count * (k + 1) + (sum >> k), the lowest on a tie. From k to k + 1 the estimate changes by count
     * - ((sum >> k) - (sum >> (k + 1))), and (sum >> k) - (sum >> (k + 1)), half of sum >> k rounded up, never
     * grows with k: the estimate falls while that half is above count and never falls again once it is not,
     * so the first k where it stops falling is the best of all {@value #MAX_RICE_PARAMETER} + 1.
     */
    static int riceParameter(long sum, int count) {
        // That first k is the first with sum >> k <= 2 count ((sum >> k) - (sum >> (k + 1)) is ceil((sum >> k) / 2)):
        // the difference of their bit lengths, or one more where sum >> k, as long as 2 count, is still above it.
        // Computed without a loop: one whose count depends on the data sent the compiled coder back to the
        // interpreter at the first block that reached the largest parameter.
        long twiceCount = 2L * count;
        int k = Math.max(0, Long.numberOfLeadingZeros(twiceCount) - Long.numberOfLeadingZeros(sum));
        k += (int) ((twiceCount - (sum >> k)) >>> 63);
        return Math.min(k, MAX_RICE_PARAMETER);
    }

    /** Bits of count values of total zigzag sum at parameter k: the unary quotients estimated from the sum. */
    static long riceBits(long sum, int count, int k) {
        return (long) count * (k + 1) + (sum >> k);
    }

    /**
     * The Rice partition order and parameters that code a residual in the fewest bits (by the estimate, which
     * the written codes never exceed: the quotients' sum is at most the sum's quotient).
     */
    private record Rice(int partitionOrder, int[] parameters, long bits) {
        /** @param residual the zigzag-coded residual of samples order..n-1 */
        static Rice best(int[] residual, int n, int order) {
            int finest = 0;
            while (finest < MAX_PARTITION_ORDER && n % (1 << (finest + 1)) == 0 && (n >> (finest + 1)) > order) {
                finest++;
            }
            // Sums of the finest partitions in one pass; each coarser order adds neighbours pairwise.
            long[] sums = partitionSums(residual, n, order, finest);
            long bestBits = Long.MAX_VALUE;
            long[] bestSums = null;
            int bestOrder = 0;
            for (int p = finest; p >= 0; p--) {
                int count = n >> p;
                long bits = 0;
                for (int part = 0; part < sums.length; part++) {
                    int values = part == 0 ? count - order : count;
                    bits += 4 + riceBits(sums[part], values, riceParameter(sums[part], values));
                }
                if (bits < bestBits) {
                    bestBits = bits;
                    bestSums = sums;
                    bestOrder = p;
                }
                if (p > 0) {
                    long[] coarser = new long[sums.length / 2];
                    for (int i = 0; i < coarser.length; i++) {
                        coarser[i] = sums[2 * i] + sums[2 * i + 1];
                    }
                    sums = coarser;
                }
            }
            int[] parameters = new int[bestSums.length];
            int count = n >> bestOrder;
            for (int part = 0; part < parameters.length; part++) {
                parameters[part] = riceParameter(bestSums[part], part == 0 ? count - order : count);
            }
            return new Rice(bestOrder, parameters, bestBits);
        }

        /**
         * The sums of the residual's 2^p partitions: each holds n >> p values, the first order fewer (the
         * warm-up samples are not coded).
         */
        private static long[] partitionSums(int[] residual, int n, int order, int p) {
            long[] sums = new long[1 << p];
            int length = n >> p;
            for (int part = 0, from = 0; part < sums.length; part++) {
                int to = (part + 1) * length - order;
                long sum = 0;
                for (int i = from; i < to; i++) {
                    sum += residual[i];
                }
                sums[part] = sum;
                from = to;
            }
            return sums;
        }
    }
}
