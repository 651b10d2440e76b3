package org.freshears.audio;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The bits of a FLAC stream, most significant first, read from the file through one fixed buffer: memory
 * stays the buffer whatever the file's length. Keeps the CRC-16 of a frame as it goes (the bytes of a
 * frame may be more than the buffer holds). Sources: RFC 9639 (the FLAC format), sections 9.1 (frame
 * header, CRC-8), 9.3 (frame footer, CRC-16) and 9.2.7 (Rice codes).
 */
final class FlacBitReader {
    /** Read size: large enough that a read costs little per byte; a frame need not fit in it. */
    private static final int BUFFER_BYTES = 1 << 18;
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Path file;
    private final FileChannel channel;
    private final byte[] buf = new byte[BUFFER_BYTES];
    /** Bytes [pos, limit) of buf are read from the file and not yet in the cache. */
    private int pos;
    private int limit;
    /** File offset of buf[0]. */
    private long bufStart;
    private long nextRead;
    /** Up to 64 bits, the next one at the top; bits below the valid ones are zero. */
    private long cache;
    private int bits;
    /** The CRC-16 of the bytes of buf from crcFrom up to the frame's start, -1 when no frame is open. */
    private int crcFrom = -1;
    private int crc16;

    FlacBitReader(Path file, FileChannel channel, long start) {
        this.file = file;
        this.channel = channel;
        this.bufStart = start;
        this.nextRead = start;
    }

    /** The file offset of the next unread bit's byte. */
    long bytePosition() {
        return bufStart + pos - bits / 8;
    }

    boolean aligned() {
        return (bits & 7) == 0;
    }

    /** Whether the file has no more bytes to read. */
    boolean atEnd() throws IOException {
        if (bits > 0 || pos < limit) {
            return false;
        }
        fillBuffer();
        return pos >= limit;
    }

    /** Unsigned, n in 0..32 (32 gives the bit pattern as an int). */
    int readBits(int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (bits < n) {
            refill();
            if (bits < n) {
                throw truncated();
            }
        }
        int v = (int) (cache >>> (64 - n));
        cache <<= n;
        bits -= n;
        return v;
    }

    /** Two's complement, n in 0..33 (33: a side channel of 32-bit audio). */
    long readSigned(int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (n > 32) {
            long high = readSigned(n - 32);
            return (high << 32) | (readBits(32) & 0xFFFF_FFFFL);
        }
        int v = readBits(n);
        return (long) (v << (32 - n)) >> (32 - n);
    }

    /** Zero bits up to the next one bit, which is consumed. */
    long readUnary() throws IOException {
        long zeros = 0;
        while (true) {
            if (bits == 0) {
                refill();
                if (bits == 0) {
                    throw truncated();
                }
            }
            if (cache != 0) {
                int lz = Long.numberOfLeadingZeros(cache);
                cache = (cache << lz) << 1;
                bits -= lz + 1;
                return zeros + lz;
            }
            zeros += bits;
            bits = 0;
        }
    }

    /** The UTF-8-like coded frame or sample number (RFC 9639 section 9.1.5), up to 36 bits. */
    long readCodedNumber() throws IOException, FlacFault {
        int first = readBits(8);
        int extra;
        long value;
        if ((first & 0x80) == 0) {
            return first;
        } else if ((first & 0xE0) == 0xC0) {
            extra = 1;
            value = first & 0x1F;
        } else if ((first & 0xF0) == 0xE0) {
            extra = 2;
            value = first & 0x0F;
        } else if ((first & 0xF8) == 0xF0) {
            extra = 3;
            value = first & 0x07;
        } else if ((first & 0xFC) == 0xF8) {
            extra = 4;
            value = first & 0x03;
        } else if ((first & 0xFE) == 0xFC) {
            extra = 5;
            value = first & 0x01;
        } else if (first == 0xFE) {
            extra = 6;
            value = 0;
        } else {
            throw new FlacFault("bad coded frame number (first byte 0x" + Integer.toHexString(first) + ")");
        }
        for (int i = 0; i < extra; i++) {
            int b = readBits(8);
            if ((b & 0xC0) != 0x80) {
                throw new FlacFault("bad coded frame number (continuation byte 0x" + Integer.toHexString(b) + ")");
            }
            value = (value << 6) | (b & 0x3F);
        }
        return value;
    }

    /**
     * Rice-coded residuals with parameter k (0..30) into out[from, to), zig-zag folded to signed
     * (RFC 9639 section 9.2.7.3). The hot loop of decoding: the cache is held in locals.
     */
    void readRice(long[] out, int from, int to, int k) throws IOException, FlacFault {
        long c = cache;
        int b = bits;
        for (int i = from; i < to; i++) {
            if (b < 40) {
                cache = c;
                bits = b;
                refill();
                c = cache;
                b = bits;
            }
            long q = 0;
            while (c == 0) { // a quotient longer than the cache: rare (a huge residual or parameter 0)
                q += b;
                cache = 0;
                bits = 0;
                refill();
                c = cache;
                b = bits;
                if (b == 0) {
                    throw truncated();
                }
                if (q > 1L << 32) {
                    throw new FlacFault("residual out of range (a Rice quotient of over 2^32)");
                }
            }
            int lz = Long.numberOfLeadingZeros(c);
            q += lz;
            c = (c << lz) << 1;
            b -= lz + 1;
            if (b < k) {
                cache = c;
                bits = b;
                refill();
                c = cache;
                b = bits;
                if (b < k) {
                    throw truncated();
                }
            }
            long v = q << k;
            if (k > 0) {
                v |= c >>> (64 - k);
                c <<= k;
                b -= k;
            }
            out[i] = (v >>> 1) ^ -(v & 1);
        }
        cache = c;
        bits = b;
    }

    /** Skips to the next byte boundary (the padding bits must be zero, RFC 9639 section 9.3). */
    int alignToByte() throws IOException {
        return readBits(bits & 7);
    }

    /** Starts a frame's CRC-16 at the current (byte-aligned) position. */
    void startFrame() throws IOException {
        if (limit - pos < 64) {
            fillBuffer();
        }
        crcFrom = pos - bits / 8;
        crc16 = 0;
    }

    /** The CRC-8 of the bytes from the frame's start to here (a frame header, always in the buffer). */
    int headerCrc8() {
        return FlacCrc.crc8(buf, crcFrom, pos - bits / 8);
    }

    /** The CRC-16 of the bytes from the frame's start to here (byte-aligned). */
    int frameCrc16() {
        int end = pos - bits / 8;
        crc16 = FlacCrc.crc16(crc16, buf, crcFrom, end);
        crcFrom = end;
        return crc16;
    }

    /** Reads raw bytes (metadata), byte-aligned. */
    void readBytes(byte[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = (byte) readBits(8);
        }
    }

    /** Tops the cache up to at least 57 bits where the file has them. */
    private void refill() throws IOException {
        while (bits <= 56) {
            if (limit - pos >= 8) {
                // One 8-byte load: the whole bytes that fit below the valid bits; the rest stays zero.
                int add = (64 - bits) >>> 3;
                int full = bits + 8 * add;
                cache |= ((long) LONG_BE.get(buf, pos) >>> bits) & (-1L << (64 - full));
                pos += add;
                bits = full;
            } else if (pos < limit) {
                cache |= (buf[pos++] & 0xFFL) << (56 - bits);
                bits += 8;
            } else {
                fillBuffer();
                if (pos >= limit) {
                    return;
                }
            }
        }
    }

    /**
     * Moves the unread bytes to the front and reads more. The cache may hold up to 8 bytes before pos that
     * are not yet consumed: they are kept, so the frame's CRC can still cover them once they are.
     */
    private void fillBuffer() throws IOException {
        int keep = Math.max(0, pos - 8);
        if (crcFrom >= 0 && crcFrom < keep) {
            crc16 = FlacCrc.crc16(crc16, buf, crcFrom, keep);
            crcFrom = keep;
        }
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            pos -= keep;
            limit -= keep;
            bufStart += keep;
            if (crcFrom >= 0) {
                crcFrom -= keep;
            }
        }
        ByteBuffer target = ByteBuffer.wrap(buf, limit, buf.length - limit);
        while (target.hasRemaining()) {
            int got = channel.read(target, nextRead);
            if (got < 0) {
                break;
            }
            nextRead += got;
            if (got == 0) {
                break;
            }
        }
        limit = target.position();
    }

    private FlacFault truncated() {
        return new FlacFault("truncated: the file ends inside a frame");
    }

    Path file() {
        return file;
    }

    /** A fault in the stream, named without the file; the decoder adds the file and where. */
    static final class FlacFault extends IOException {
        private static final long serialVersionUID = 1L;

        FlacFault(String fault) {
            super(fault);
        }
    }
}
