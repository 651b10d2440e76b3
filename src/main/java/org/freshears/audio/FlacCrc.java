package org.freshears.audio;

/**
 * The two CRCs a FLAC frame carries (RFC 9639): CRC-8 of the frame header (section 9.1.8: polynomial
 * x^8 + x^2 + x + 1, initial 0) and CRC-16 of the whole frame (section 9.3: polynomial x^16 + x^15 + x^2 + 1,
 * initial 0), by table; the reader checks them and the encoder writes them.
 */
final class FlacCrc {
    private static final int[] CRC8 = table(0x07, 8);
    private static final int[] CRC16 = table(0x8005, 16);
    /**
     * CRC16_AHEAD[k][x]: the CRC-16 of byte x followed by k zero bytes, so eight bytes are folded in at once
     * ("slicing by 8"; the CRC is linear, so the contributions of the bytes add up by XOR).
     */
    private static final int[][] CRC16_AHEAD = aheadTables();

    private FlacCrc() {
    }

    /** The CRC-8 of bytes [from, to). */
    static int crc8(byte[] b, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = CRC8[crc ^ (b[i] & 0xFF)];
        }
        return crc;
    }

    /** The CRC-16 {@code crc} of the bytes before {@code from}, carried on over bytes [from, to). */
    static int crc16(int crc, byte[] b, int from, int to) {
        int[] t0 = CRC16_AHEAD[0], t1 = CRC16_AHEAD[1], t2 = CRC16_AHEAD[2], t3 = CRC16_AHEAD[3];
        int[] t4 = CRC16_AHEAD[4], t5 = CRC16_AHEAD[5], t6 = CRC16_AHEAD[6], t7 = CRC16_AHEAD[7];
        int i = from;
        for (; i + 8 <= to; i += 8) {
            crc = t7[(crc >>> 8) ^ (b[i] & 0xFF)] ^ t6[(crc & 0xFF) ^ (b[i + 1] & 0xFF)] ^ t5[b[i + 2] & 0xFF]
                    ^ t4[b[i + 3] & 0xFF] ^ t3[b[i + 4] & 0xFF] ^ t2[b[i + 5] & 0xFF] ^ t1[b[i + 6] & 0xFF]
                    ^ t0[b[i + 7] & 0xFF];
        }
        for (; i < to; i++) {
            crc = ((crc << 8) & 0xFFFF) ^ CRC16[(crc >>> 8) ^ (b[i] & 0xFF)];
        }
        return crc;
    }

    private static int[][] aheadTables() {
        int[][] t = new int[8][];
        t[0] = CRC16;
        for (int k = 1; k < 8; k++) {
            t[k] = new int[256];
            for (int x = 0; x < 256; x++) {
                int previous = t[k - 1][x];
                t[k][x] = ((previous << 8) & 0xFFFF) ^ CRC16[previous >>> 8];
            }
        }
        return t;
    }

    private static int[] table(int polynomial, int width) {
        int[] table = new int[256];
        int top = 1 << (width - 1);
        int mask = (1 << width) - 1;
        for (int i = 0; i < 256; i++) {
            int crc = i << (width - 8);
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & top) != 0 ? ((crc << 1) ^ polynomial) & mask : (crc << 1) & mask;
            }
            table[i] = crc;
        }
        return table;
    }
}
