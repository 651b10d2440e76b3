package org.freshears.audio;

import java.util.Arrays;

/**
 * The bits of one FLAC frame (or of the stream's header), most significant first, into 64-bit words sized for
 * the most the frame can take, so no write checks for room or grows anything.
 *
 * <p>The words start zeroed and a write ORs its value in where it ends, so zero bits cost nothing: a Rice
 * code's unary quotient (q zeros, then a one) is just the position moving on by q, whatever q is, and the one
 * and the remainder go in as one value. Every write is the same two stores (the value's end into its word,
 * what spills over into the word before), with no branch on the data: C2 compiles it once, with no rare path
 * to trap on.
 */
final class FlacBitWriter {
    /**
     * Bit 64 is the stream's first: word 0 stays zero and only takes the (empty) spill of a value that ends in
     * word 1, so the spill's index is never negative.
     */
    private static final int START = 64;

    private final long[] words;
    private int position = START;

    /** @param maxBytes the most bytes the writer will be given (a bound worked out from the content) */
    FlacBitWriter(int maxBytes) {
        words = new long[maxBytes / 8 + 2];
    }

    /** The low {@code count} bits of {@code value} (1 to 63 bits). */
    void bits(long value, int count) {
        position += count;
        put(words, position, value & ((1L << count) - 1));
    }

    /** A two's complement integer in {@code count} bits. */
    void signedBits(int value, int count) {
        bits(value, count);
    }

    /** Whole bytes (the writer at a byte boundary or not). */
    void bytes(byte[] data) {
        for (byte b : data) {
            bits(b & 0xFF, 8);
        }
    }

    /**
     * The Rice codes with parameter {@code k} of the unsigned (zigzag) values {@code values[from..to)}: each the
     * quotient {@code v >>> k} in unary (zeros ended by a one), then the k low bits.
     */
    void rice(int[] values, int from, int to, int k) {
        long[] w = words;
        int end = position;
        long one = 1L << k;
        int low = (1 << k) - 1;
        for (int i = from; i < to; i++) {
            int v = values[i];
            end += (v >>> k) + 1 + k;
            put(w, end, one | (v & low));
        }
        position = end;
    }

    /** Zero bits up to the next byte boundary (they are zero already: the position moves). */
    void alignToByte() {
        position = (position + 7) & ~7;
    }

    /** Back to empty, for the next frame: the words written to are zeroed again. */
    void clear() {
        Arrays.fill(words, 0, Math.min(words.length, ((position - 1) >>> 6) + 1), 0L);
        position = START;
    }

    /** Bytes written so far, at a byte boundary. */
    int byteLength() {
        return (position - START) >>> 3;
    }

    /** The bytes written (the writer at a byte boundary), with {@code extra} zero bytes after them. */
    byte[] toBytes(int extra) {
        int length = byteLength();
        byte[] bytes = new byte[length + extra];
        int full = length >>> 3;
        for (int i = 0; i < full; i++) {
            long word = words[i + 1];
            int at = i << 3;
            bytes[at] = (byte) (word >>> 56);
            bytes[at + 1] = (byte) (word >>> 48);
            bytes[at + 2] = (byte) (word >>> 40);
            bytes[at + 3] = (byte) (word >>> 32);
            bytes[at + 4] = (byte) (word >>> 24);
            bytes[at + 5] = (byte) (word >>> 16);
            bytes[at + 6] = (byte) (word >>> 8);
            bytes[at + 7] = (byte) word;
        }
        for (int at = full << 3; at < length; at++) {
            bytes[at] = (byte) (words[(at >>> 3) + 1] >>> (56 - ((at & 7) << 3)));
        }
        return bytes;
    }

    /**
     * ORs {@code value} (at most 64 bits, nothing above them) in so that its last bit is bit {@code end - 1}:
     * the low bits into that bit's word, the rest into the word before (nothing, when it fits).
     */
    private static void put(long[] words, int end, long value) {
        int last = end - 1;
        int word = last >>> 6;
        words[word] |= value << (~last & 63);
        words[word - 1] |= (value >>> 1) >>> (last & 63); // two shifts: a shift by 64 would shift by 0
    }
}
