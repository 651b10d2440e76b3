package org.freshears.audio;

import java.io.IOException;
import org.freshears.audio.FlacBitReader.FlacFault;

/**
 * Decodes one FLAC frame at a time into a block of integer samples per channel: the frame header, every
 * subframe type (CONSTANT, VERBATIM, FIXED orders 0 to 4, LPC orders 1 to 32), partitioned Rice and Rice2
 * residuals with escape partitions, wasted bits, and the three stereo decorrelations. The header's CRC-8
 * and the frame's CRC-16 are checked. Source: RFC 9639 (the FLAC format), section 9.
 *
 * <p>Samples are kept in longs: a side channel of 32-bit audio has 33 bits, and LPC sums need more than
 * 32 bits anyway.
 */
final class FlacFrameDecoder {
    /** Frame sync: 13 ones then a zero (RFC 9639 section 9.1). */
    private static final int SYNC = 0x3FFE;
    private static final int[] RATE_HZ = {0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000, 44_100,
        48_000, 96_000};
    /** Bit depth by the header's 3-bit code; 0 means "as STREAMINFO", -1 reserved. */
    private static final int[] BITS = {0, 8, 12, -1, 16, 20, 24, 32};
    static final int INDEPENDENT = 0;
    static final int LEFT_SIDE = 8;
    static final int SIDE_RIGHT = 9;
    static final int MID_SIDE = 10;

    private final FlacBitReader in;
    private final FlacStreamInfo info;
    /** The samples of the last frame decoded, per channel, [0, blockSize). */
    final long[][] samples;
    private final long[] coefficients = new long[32];
    int blockSize;
    /** The frame number (fixed block size) or first sample number (variable) the header gave. */
    long codedNumber;
    boolean variableBlockSize;

    FlacFrameDecoder(FlacBitReader in, FlacStreamInfo info) {
        this.in = in;
        this.info = info;
        this.samples = new long[info.channels()][Math.max(16, info.maxBlockSize())];
    }

    /** Decodes the next frame; returns its block size. */
    int decode() throws IOException {
        in.startFrame();
        int sync = in.readBits(16); // 14-bit sync code, a reserved zero, the blocking strategy
        if (sync >>> 2 != SYNC) {
            throw new FlacFault("no frame sync (corrupt, or not FLAC audio)");
        }
        if ((sync & 2) != 0) {
            throw new FlacFault("reserved bit set in a frame header");
        }
        variableBlockSize = (sync & 1) == 1;
        int blockCode = in.readBits(4);
        int rateCode = in.readBits(4);
        int channelCode = in.readBits(4);
        int bitsCode = in.readBits(3);
        if (in.readBits(1) != 0) {
            throw new FlacFault("reserved bit set in a frame header");
        }
        codedNumber = in.readCodedNumber();
        int size = switch (blockCode) {
            case 0 -> throw new FlacFault("reserved block size code 0 in a frame header");
            case 1 -> 192;
            case 2, 3, 4, 5 -> 576 << (blockCode - 2);
            case 6 -> in.readBits(8) + 1;
            case 7 -> in.readBits(16) + 1;
            default -> 256 << (blockCode - 8);
        };
        int rate = switch (rateCode) {
            case 0 -> info.sampleRate();
            case 12 -> in.readBits(8) * 1000;
            case 13 -> in.readBits(16);
            case 14 -> in.readBits(16) * 10;
            case 15 -> throw new FlacFault("invalid sample rate code 15 in a frame header");
            default -> RATE_HZ[rateCode];
        };
        int expectedCrc8 = in.headerCrc8();
        if (in.readBits(8) != expectedCrc8) {
            throw new FlacFault("frame header CRC-8 mismatch (corrupt)");
        }
        int bps = BITS[bitsCode] == 0 ? info.bitsPerSample() : BITS[bitsCode];
        if (bps < 0) {
            throw new FlacFault("reserved bit depth code 3 in a frame header");
        }
        int channels = channelCode <= 7 ? channelCode + 1 : 2;
        if (channelCode > MID_SIDE) {
            throw new FlacFault("reserved channel assignment " + channelCode + " in a frame header");
        }
        if (channels != info.channels()) {
            throw new FlacFault("a frame has " + channels + " channels, STREAMINFO says " + info.channels());
        }
        if (rate != info.sampleRate()) {
            throw new FlacFault("a frame has a sample rate of " + rate + " Hz, STREAMINFO says "
                    + info.sampleRate() + " Hz (changing rates are not supported)");
        }
        if (bps != info.bitsPerSample()) {
            throw new FlacFault("a frame has " + bps + "-bit samples, STREAMINFO says " + info.bitsPerSample());
        }
        if (size > samples[0].length) {
            throw new FlacFault("a frame has " + size + " samples per channel, more than STREAMINFO's largest ("
                    + info.maxBlockSize() + ")");
        }
        for (int c = 0; c < channels; c++) {
            boolean side = (channelCode == LEFT_SIDE && c == 1) || (channelCode == SIDE_RIGHT && c == 0)
                    || (channelCode == MID_SIDE && c == 1);
            subframe(samples[c], size, side ? bps + 1 : bps);
        }
        in.alignToByte();
        int expectedCrc16 = in.frameCrc16();
        if (in.readBits(16) != expectedCrc16) {
            throw new FlacFault("frame CRC-16 mismatch (corrupt)");
        }
        decorrelate(channelCode, size);
        blockSize = size;
        return size;
    }

    private void subframe(long[] out, int n, int bps) throws IOException {
        int header = in.readBits(8);
        if ((header & 0x80) != 0) {
            throw new FlacFault("subframe padding bit set (corrupt)");
        }
        int type = (header >>> 1) & 0x3F;
        int wasted = 0;
        if ((header & 1) != 0) {
            long k = in.readUnary() + 1;
            if (k >= bps) {
                throw new FlacFault("a subframe claims " + k + " wasted bits of " + bps);
            }
            wasted = (int) k;
        }
        int bits = bps - wasted;
        if (type == 0) {
            long v = in.readSigned(bits);
            java.util.Arrays.fill(out, 0, n, v);
        } else if (type == 1) {
            for (int i = 0; i < n; i++) {
                out[i] = in.readSigned(bits);
            }
        } else if (type >= 8 && type <= 12) {
            fixed(out, n, bits, type - 8);
        } else if (type >= 32) {
            lpc(out, n, bits, (type & 31) + 1);
        } else {
            throw new FlacFault("reserved subframe type " + type);
        }
        if (wasted > 0) {
            for (int i = 0; i < n; i++) {
                out[i] <<= wasted;
            }
        }
    }

    private void warmUp(long[] out, int n, int bits, int order) throws IOException {
        if (order > n) {
            throw new FlacFault("predictor order " + order + " exceeds the block size " + n);
        }
        for (int i = 0; i < order; i++) {
            out[i] = in.readSigned(bits);
        }
    }

    /** FIXED prediction (RFC 9639 section 9.2.5): polynomial predictors of order 0 to 4. */
    private void fixed(long[] s, int n, int bits, int order) throws IOException {
        warmUp(s, n, bits, order);
        residual(s, n, order);
        switch (order) {
            case 0 -> { }
            case 1 -> {
                for (int i = 1; i < n; i++) {
                    s[i] += s[i - 1];
                }
            }
            case 2 -> {
                for (int i = 2; i < n; i++) {
                    s[i] += 2 * s[i - 1] - s[i - 2];
                }
            }
            case 3 -> {
                for (int i = 3; i < n; i++) {
                    s[i] += 3 * (s[i - 1] - s[i - 2]) + s[i - 3];
                }
            }
            default -> {
                for (int i = 4; i < n; i++) {
                    s[i] += 4 * (s[i - 1] + s[i - 3]) - 6 * s[i - 2] - s[i - 4];
                }
            }
        }
    }

    /** LPC prediction with quantized coefficients (RFC 9639 section 9.2.6). */
    private void lpc(long[] s, int n, int bits, int order) throws IOException {
        warmUp(s, n, bits, order);
        int precision = in.readBits(4) + 1;
        if (precision == 16) {
            throw new FlacFault("invalid LPC coefficient precision (code 15)");
        }
        int shift = (int) in.readSigned(5);
        if (shift < 0) {
            throw new FlacFault("negative LPC shift " + shift);
        }
        long[] c = coefficients;
        for (int j = 0; j < order; j++) {
            c[j] = in.readSigned(precision);
        }
        residual(s, n, order);
        // The common orders get straight-line sums; the order of additions does not matter (exact integers).
        if (order == 8) {
            long c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7];
            for (int i = 8; i < n; i++) {
                long sum = c0 * s[i - 1] + c1 * s[i - 2] + c2 * s[i - 3] + c3 * s[i - 4] + c4 * s[i - 5]
                        + c5 * s[i - 6] + c6 * s[i - 7] + c7 * s[i - 8];
                s[i] += sum >> shift;
            }
        } else if (order == 12) {
            long c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7];
            long c8 = c[8], c9 = c[9], c10 = c[10], c11 = c[11];
            for (int i = 12; i < n; i++) {
                long sum = c0 * s[i - 1] + c1 * s[i - 2] + c2 * s[i - 3] + c3 * s[i - 4] + c4 * s[i - 5]
                        + c5 * s[i - 6] + c6 * s[i - 7] + c7 * s[i - 8] + c8 * s[i - 9] + c9 * s[i - 10]
                        + c10 * s[i - 11] + c11 * s[i - 12];
                s[i] += sum >> shift;
            }
        } else {
            for (int i = order; i < n; i++) {
                long sum = 0;
                for (int j = 0; j < order; j++) {
                    sum += c[j] * s[i - 1 - j];
                }
                s[i] += sum >> shift;
            }
        }
    }

    /** The residual (RFC 9639 section 9.2.7) into s[order, n): partitioned Rice or Rice2, with escapes. */
    private void residual(long[] s, int n, int order) throws IOException {
        int method = in.readBits(2);
        if (method > 1) {
            throw new FlacFault("reserved residual coding method " + method);
        }
        int parameterBits = method == 0 ? 4 : 5;
        int escape = (1 << parameterBits) - 1;
        int partitionOrder = in.readBits(4);
        int partitions = 1 << partitionOrder;
        if (n % partitions != 0 || (n >> partitionOrder) < order) {
            throw new FlacFault("residual partition order " + partitionOrder + " does not fit a block of " + n
                    + " samples with predictor order " + order);
        }
        int perPartition = n >> partitionOrder;
        int at = order;
        for (int p = 0; p < partitions; p++) {
            int end = (p + 1) * perPartition;
            int k = in.readBits(parameterBits);
            if (k == escape) {
                int rawBits = in.readBits(5);
                for (int i = at; i < end; i++) {
                    s[i] = in.readSigned(rawBits);
                }
            } else {
                in.readRice(s, at, end, k);
            }
            at = end;
        }
    }

    private void decorrelate(int channelCode, int n) {
        if (channelCode == INDEPENDENT || channelCode < LEFT_SIDE) {
            return;
        }
        long[] a = samples[0];
        long[] b = samples[1];
        switch (channelCode) {
            case LEFT_SIDE -> { // left, side: right = left - side
                for (int i = 0; i < n; i++) {
                    b[i] = a[i] - b[i];
                }
            }
            case SIDE_RIGHT -> { // side, right: left = side + right
                for (int i = 0; i < n; i++) {
                    a[i] += b[i];
                }
            }
            default -> { // mid, side: the side's low bit restores the mid's
                for (int i = 0; i < n; i++) {
                    long side = b[i];
                    long mid = (a[i] << 1) | (side & 1);
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                }
            }
        }
    }
}
