package org.freshears.audio;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
    private static final int MAX_FIXED_ORDER = 4;
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
     * The whole FLAC file of {@code audio} (1-8 channels). Requantised block by block, so the only copy of
     * the audio made is the compressed one.
     */
    public byte[] encode(AudioBuffer audio) {
        int channels = audio.channels();
        if (channels < 1 || channels > 8) {
            throw new IllegalArgumentException("FLAC holds 1-8 channels, got " + channels);
        }
        DitherQuantizer[] quantizers = new DitherQuantizer[channels];
        for (int c = 0; c < channels; c++) {
            quantizers[c] = dither.quantizer(c);
        }
        MessageDigest md5 = md5();
        BitWriter frames = new BitWriter(audio.frames() * channels + 1024);
        byte[] interleaved = new byte[BLOCK_FRAMES * channels * 2];
        int blocks = (audio.frames() + BLOCK_FRAMES - 1) / BLOCK_FRAMES;
        // Chunk by chunk: the dither and the MD5 run in order (the dither is one random sequence per channel),
        // then the chunk's frames, each complete in itself, are coded on every core and appended in order:
        // the same bytes as one thread, in about half the time on two cores.
        for (int chunkStart = 0; chunkStart < blocks; chunkStart += CHUNK_BLOCKS) {
            int chunkBlocks = Math.min(CHUNK_BLOCKS, blocks - chunkStart);
            int[][][] codes = new int[chunkBlocks][channels][];
            for (int b = 0; b < chunkBlocks; b++) {
                int start = (chunkStart + b) * BLOCK_FRAMES;
                int n = Math.min(BLOCK_FRAMES, audio.frames() - start);
                for (int c = 0; c < channels; c++) {
                    codes[b][c] = quantize(audio.channel(c), start, n, quantizers[c], new int[n]);
                }
                // MD5 of the samples as little-endian interleaved 16-bit integers, as STREAMINFO defines it.
                for (int i = 0, k = 0; i < n; i++) {
                    for (int c = 0; c < channels; c++) {
                        interleaved[k++] = (byte) codes[b][c][i];
                        interleaved[k++] = (byte) (codes[b][c][i] >> 8);
                    }
                }
                md5.update(interleaved, 0, n * channels * 2);
            }
            int first = chunkStart;
            byte[][] coded = IntStream.range(0, chunkBlocks).parallel().mapToObj(b -> {
                BitWriter frame = new BitWriter(codes[b][0].length * channels * 2 + 64);
                frame(frame, codes[b], codes[b][0].length, first + b);
                return frame.toByteArray();
            }).toArray(byte[][]::new);
            for (byte[] frame : coded) {
                frames.appendAligned(frame);
            }
        }
        BitWriter out = new BitWriter(64);
        out.bytes(new byte[] {'f', 'L', 'a', 'C'});
        streamInfo(out, audio, md5.digest());
        byte[] head = out.toByteArray();
        byte[] body = frames.toByteArray();
        byte[] file = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, file, head.length, body.length);
        return file;
    }

    private int[] quantize(float[] x, int start, int n, DitherQuantizer q, int[] into) {
        double scale = 1L << (bitsPerSample - 1);
        int max = (1 << (bitsPerSample - 1)) - 1;
        for (int i = 0; i < n; i++) {
            double lsb = x[start + i] * scale;
            long code = q == null ? (long) Math.rint(lsb) : q.quantize(lsb);
            into[i] = (int) Math.max(-max - 1, Math.min(max, code));
        }
        return n == into.length ? into : Arrays.copyOf(into, n);
    }

    private void streamInfo(BitWriter out, AudioBuffer audio, byte[] md5) {
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
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private void frame(BitWriter out, int[][] block, int n, int number) {
        int frameStart = out.bytePosition();
        int assignment = CHANNELS_INDEPENDENT;
        int[][] coded = block;
        int[] orders = null; // each channel's fixed order, when the stereo choice worked it out already
        if (block.length == 2) {
            int[] side = new int[n];
            int[] mid = new int[n];
            for (int i = 0; i < n; i++) {
                side[i] = block[0][i] - block[1][i];
                mid[i] = (block[0][i] + block[1][i]) >> 1; // the side's low bit restores what the shift drops
            }
            // Each candidate's residual sums, once: they choose the coding and then each channel's order.
            long[] leftSums = fixedOrderSums(block[0], n);
            long[] rightSums = fixedOrderSums(block[1], n);
            long[] sideSums = fixedOrderSums(side, n);
            long[] midSums = fixedOrderSums(mid, n);
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
        }
        // Header: sync code, fixed block size, then block size, rate (from STREAMINFO), channels, sample size.
        out.bits(0b11111111111110, 14);
        out.bits(0, 1);
        out.bits(0, 1);
        out.bits(n == BLOCK_FRAMES ? BLOCK_SIZE_CODE_4096 : 7, 4);
        out.bits(0, 4);
        out.bits(assignment == CHANNELS_INDEPENDENT ? block.length - 1 : assignment, 4);
        out.bits(0b100, 3); // 16 bits
        out.bits(0, 1);
        utf8Number(out, number);
        if (n != BLOCK_FRAMES) {
            out.bits(n - 1, 16);
        }
        out.bits(out.crc8(frameStart), 8);
        for (int c = 0; c < coded.length; c++) {
            boolean side = (assignment == LEFT_SIDE && c == 1) || (assignment == RIGHT_SIDE && c == 0)
                    || (assignment == MID_SIDE && c == 1);
            subframe(out, coded[c], n, bitsPerSample + (side ? 1 : 0), orders == null ? -1 : orders[c]);
        }
        out.alignToByte();
        out.bits(out.crc16(frameStart), 16);
    }

    /** The frame number in FLAC's extended UTF-8 coding (up to 36 bits). */
    private static void utf8Number(BitWriter out, long value) {
        if (value < 0x80) {
            out.bits(value, 8);
            return;
        }
        int continuation = 1;
        while (value >= 1L << (5 * continuation + 6)) {
            continuation++;
        }
        long lead = ((0xFF00L >> (continuation + 1)) & 0xFF) | (value >> (6 * continuation));
        out.bits(lead & 0xFF, 8);
        for (int k = continuation - 1; k >= 0; k--) {
            out.bits(0x80 | ((value >> (6 * k)) & 0x3F), 8);
        }
    }

    /** @param knownOrder the best fixed order when already found, else -1 */
    private static void subframe(BitWriter out, int[] x, int n, int bits, int knownOrder) {
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
        int order = knownOrder >= 0 ? knownOrder : bestFixedOrder(x, n);
        int[] residual = residual(x, n, order);
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
        int partitions = 1 << rice.partitionOrder();
        int length = n >> rice.partitionOrder();
        int i = order;
        for (int p = 0; p < partitions; p++) {
            int k = rice.parameters()[p];
            out.bits(k, 4);
            int end = (p + 1) * length;
            for (; i < end; i++) {
                out.rice(residual[i - order], k);
            }
        }
    }

    /** The order whose residual has the smallest sum of magnitudes (the usual cheap estimate of its cost). */
    private static int bestFixedOrder(int[] x, int n) {
        return lowestIndex(fixedOrderSums(x, n));
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

    /** Sum of residual magnitudes of each fixed order, in one pass (the differences build on each other). */
    private static long[] fixedOrderSums(int[] x, int n) {
        int maxOrder = Math.min(MAX_FIXED_ORDER, n - 1);
        long[] sums = new long[maxOrder + 1];
        for (int i = maxOrder; i < n; i++) {
            long e0 = x[i];
            long e1 = e0 - x[i - 1];
            sums[0] += Math.abs(e0);
            sums[1] += Math.abs(e1);
            if (maxOrder >= 2) {
                long e2 = e1 - (x[i - 1] - (long) x[i - 2]);
                sums[2] += Math.abs(e2);
                if (maxOrder >= 3) {
                    long e3 = e2 - (x[i - 1] - 2L * x[i - 2] + x[i - 3]);
                    sums[3] += Math.abs(e3);
                    if (maxOrder >= 4) {
                        sums[4] += Math.abs(e3 - (x[i - 1] - 3L * x[i - 2] + 3L * x[i - 3] - x[i - 4]));
                    }
                }
            }
        }
        return sums;
    }

    /** Residual of the fixed predictor of this order, for samples order..n-1. */
    private static int[] residual(int[] x, int n, int order) {
        int[] r = new int[n - order];
        for (int i = order; i < n; i++) {
            r[i - order] = switch (order) {
                case 0 -> x[i];
                case 1 -> x[i] - x[i - 1];
                case 2 -> x[i] - 2 * x[i - 1] + x[i - 2];
                case 3 -> x[i] - 3 * x[i - 1] + 3 * x[i - 2] - x[i - 3];
                default -> x[i] - 4 * x[i - 1] + 6 * x[i - 2] - 4 * x[i - 3] + x[i - 4];
            };
        }
        return r;
    }

    /** The Rice partition order and parameters that code a residual in the fewest bits. */
    private record Rice(int partitionOrder, int[] parameters, long bits) {
        static Rice best(int[] residual, int n, int order) {
            int finest = 0;
            while (finest < MAX_PARTITION_ORDER && n % (1 << (finest + 1)) == 0 && (n >> (finest + 1)) > order) {
                finest++;
            }
            // Sums of the finest partitions in one pass; each coarser order adds neighbours pairwise.
            long[] sums = new long[1 << finest];
            int[] counts = new int[1 << finest];
            int length = n >> finest;
            for (int part = 0; part < sums.length; part++) {
                int from = Math.max(0, part * length - order);
                int to = (part + 1) * length - order;
                long sum = 0;
                for (int i = from; i < to; i++) {
                    sum += zigzag(residual[i]);
                }
                sums[part] = sum;
                counts[part] = to - from;
            }
            Rice best = null;
            for (int p = finest; p >= 0; p--) {
                int[] ks = new int[sums.length];
                long bits = 0;
                for (int part = 0; part < sums.length; part++) {
                    int k = 0;
                    long kBits = partitionBits(sums[part], counts[part], 0);
                    for (int candidate = 1; candidate <= MAX_RICE_PARAMETER; candidate++) {
                        long b = partitionBits(sums[part], counts[part], candidate);
                        if (b < kBits) {
                            kBits = b;
                            k = candidate;
                        }
                    }
                    ks[part] = k;
                    bits += 4 + kBits;
                }
                if (best == null || bits < best.bits) {
                    best = new Rice(p, ks, bits);
                }
                if (p > 0) {
                    long[] coarser = new long[sums.length / 2];
                    int[] coarserCounts = new int[sums.length / 2];
                    for (int i = 0; i < coarser.length; i++) {
                        coarser[i] = sums[2 * i] + sums[2 * i + 1];
                        coarserCounts[i] = counts[2 * i] + counts[2 * i + 1];
                    }
                    sums = coarser;
                    counts = coarserCounts;
                }
            }
            return best;
        }

        /** Bits of count values of total zigzag sum at parameter k: the unary quotients estimated from the sum. */
        private static long partitionBits(long sum, int count, int k) {
            return (long) count * (k + 1) + (sum >> k);
        }
    }

    /** Rice codes unsigned values: 0, -1, 1, -2, 2... become 0, 1, 2, 3, 4... */
    static long zigzag(int v) {
        return v >= 0 ? 2L * v : -2L * v - 1;
    }

    /** Bits, most significant first, into a growing array, with the CRCs FLAC frames carry. */
    private static final class BitWriter {
        /** CRC-16's value for each leading byte: the eight shifts of the bitwise form, done once. */
        private static final int[] CRC16 = new int[256];

        static {
            for (int v = 0; v < 256; v++) {
                int crc = v << 8;
                for (int b = 0; b < 8; b++) {
                    crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
                }
                CRC16[v] = crc;
            }
        }

        private byte[] buffer;
        private int size;
        private long accumulator;
        private int pending;

        BitWriter(int capacity) {
            buffer = new byte[Math.max(64, capacity)];
        }

        void bits(long value, int count) {
            if (count <= 32) { // the usual case, in one step: at most 7 pending bits and 32 new fit the long
                accumulator = (accumulator << count) | (value & ((1L << count) - 1));
                pending += count;
                if (pending >= 8) {
                    if (size + 5 > buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + 5));
                    }
                    while (pending >= 8) {
                        pending -= 8;
                        buffer[size++] = (byte) (accumulator >>> pending);
                    }
                    accumulator &= (1L << pending) - 1;
                }
                return;
            }
            for (int left = count; left > 0; ) {
                int take = Math.min(left, 32);
                left -= take;
                long chunk = (value >>> left) & ((1L << take) - 1);
                accumulator = (accumulator << take) | chunk;
                pending += take;
                while (pending >= 8) {
                    pending -= 8;
                    put((byte) (accumulator >>> pending));
                }
                accumulator &= (1L << pending) - 1;
            }
        }

        private void put(byte b) {
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[size++] = b;
        }

        void signedBits(int value, int count) {
            bits(value & ((1L << count) - 1), count);
        }

        void rice(int value, int k) {
            long u = zigzag(value);
            long q = u >>> k;
            if (q + 1 + k <= 32) { // q zeros, a one and the k low bits, as one value of q + 1 + k bits
                bits((1L << k) | (u & ((1L << k) - 1)), (int) q + 1 + k);
                return;
            }
            while (q >= 32) {
                bits(0, 32);
                q -= 32;
            }
            bits(1, (int) q + 1); // q zeros, then a one
            if (k > 0) {
                bits(u & ((1L << k) - 1), k);
            }
        }

        /** Appends whole bytes (a complete frame) to a writer standing at a byte boundary. */
        void appendAligned(byte[] data) {
            if (pending != 0) {
                throw new IllegalStateException("not at a byte boundary");
            }
            if (size + data.length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + data.length));
            }
            System.arraycopy(data, 0, buffer, size, data.length);
            size += data.length;
        }

        void bytes(byte[] data) {
            for (byte b : data) {
                bits(b & 0xFF, 8);
            }
        }

        void alignToByte() {
            if (pending > 0) {
                bits(0, 8 - pending);
            }
        }

        int bytePosition() {
            return size;
        }

        /** CRC-8, polynomial x^8 + x^2 + x + 1, over the bytes from {@code from} (the header, byte-aligned). */
        int crc8(int from) {
            int crc = 0;
            for (int i = from; i < size; i++) {
                crc ^= buffer[i] & 0xFF;
                for (int b = 0; b < 8; b++) {
                    crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
                }
            }
            return crc;
        }

        /** CRC-16, polynomial x^16 + x^15 + x^2 + 1, over the whole frame (a byte at a time, by table). */
        int crc16(int from) {
            int crc = 0;
            for (int i = from; i < size; i++) {
                crc = ((crc << 8) ^ CRC16[((crc >>> 8) ^ buffer[i]) & 0xFF]) & 0xFFFF;
            }
            return crc;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }
    }
}
