package org.freshears.audio;

import static org.freshears.audio.WavBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.testing.ExternalPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AIFF and AIFF-C files made by sox decode to exactly the samples of the WAV they were made from; hand-made
 * broken or unsupported ones are refused with one line naming the fault.
 */
class AiffReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}-bit {1} ch as {2} {3}")
    @CsvSource(delimiter = ';', value = {
        "16; 2; mix.aiff; ",
        "24; 2; mix.aiff; ",
        "8; 1; mix.aiff; ",
        "32; 2; mix.aiff; ",
        "24; 6; mix.aiff; ",
        "16; 2; mix.aifc; -e signed-integer",
        "16; 2; mix.aifc; ffmpeg -c:a pcm_s16le -f aiff",
        "24; 2; mix.aifc; -e floating-point -b 32",
        "24; 2; mix.aifc; -e floating-point -b 64",
        "16; 1; mix.aifc; -e floating-point -b 32",
    })
    void decodesToTheSamplesOfTheWavItWasMadeFrom(int bits, int channels, String name, String options)
            throws Exception {
        // sox writes AIFF and AIFF-C but not 'sowt' (its -L garbles the header): ffmpeg writes that one.
        boolean ffmpeg = options != null && options.startsWith("ffmpeg");
        if (ffmpeg) {
            ExternalPrograms.assumeInstalled("ffmpeg", "-version");
        } else {
            ExternalPrograms.assumeInstalled("sox", "--version");
        }
        Path wav = EncodedAudio.wav(dir, "source.wav", bits, channels, 44_100, 30_000, bits * 10L + channels);
        Path aiff = dir.resolve(name);
        List<String> command = new ArrayList<>(ffmpeg ? List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-i",
                wav.toString()) : List.of("sox", wav.toString()));
        if (options != null) {
            command.addAll(List.of(options.replaceFirst("^ffmpeg ", "").split(" ")));
        }
        command.add(aiff.toString());
        ExternalPrograms.run(dir, command.toArray(String[]::new));

        WavContents expected = WavReader.read(wav);
        WavContents actual = AudioReader.read(aiff);
        String format = actual.decoding().fileFormat();
        assertEquals(name.endsWith(".aifc") ? "AIFF-C" : "AIFF", format);
        if (ffmpeg) {
            assertEquals("sowt", new String(Files.readAllBytes(aiff), 50, 4, java.nio.charset.StandardCharsets.US_ASCII),
                    "the little-endian AIFF-C this case is for");
        }
        assertEquals(44_100, actual.format().sampleRate());
        assertEquals(expected.audio().frames(), actual.audio().frames());
        for (int c = 0; c < channels; c++) {
            assertArrayEquals(expected.audio().channel(c), actual.audio().channel(c), "channel " + (c + 1));
        }
    }

    /** FORM AIFF/AIFC with the given chunks (big-endian sizes). */
    private static byte[] form(String type, byte[]... chunks) {
        WavBytes b = bytes().ascii("FORM");
        int size = 4;
        for (byte[] c : chunks) {
            size += c.length;
        }
        ByteBuffer sizeBe = ByteBuffer.allocate(4).putInt(size);
        b.raw(sizeBe.array()).ascii(type);
        for (byte[] c : chunks) {
            b.raw(c);
        }
        return b.toBytes();
    }

    private static byte[] chunk(String id, byte[] body) {
        byte[] padded = new byte[body.length + (body.length & 1)];
        System.arraycopy(body, 0, padded, 0, body.length);
        return bytes().ascii(id).raw(ByteBuffer.allocate(4).putInt(body.length).array()).raw(padded).toBytes();
    }

    /** COMM: channels, frames, bits, the rate as 80-bit extended; AIFF-C adds the compression type and name. */
    private static byte[] comm(int channels, int frames, int bits, byte[] rate, String compression, String name) {
        ByteBuffer b = ByteBuffer.allocate(18 + (compression == null ? 0 : 5 + name.length() + 1));
        b.putShort((short) channels).putInt(frames).putShort((short) bits).put(rate);
        if (compression != null) {
            b.put(compression.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) name.length())
                    .put(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return chunk("COMM", java.util.Arrays.copyOf(b.array(), b.position()));
    }

    /** 44100 as an 80-bit extended: exponent 16383 + 15, mantissa 44100 << 48. */
    private static byte[] rate44100() {
        return ByteBuffer.allocate(10).putShort((short) (16383 + 15)).putLong(44100L << 48).array();
    }

    private static byte[] ssnd(int dataBytes) {
        return chunk("SSND", new byte[8 + dataBytes]);
    }

    private String fault(byte[] content) throws IOException {
        Path file = dir.resolve("bad.aiff");
        Files.write(file, content);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioReader.read(file));
        assertEquals(file + ": " + e.fault(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        return e.fault();
    }

    @Test
    void theSampleRateIsAnEightyBitExtended() {
        assertEquals(44_100.0, AiffReader.extended(ByteBuffer.wrap(rate44100()), 0));
        byte[] r48k = {0x40, 0x0E, (byte) 0xBB, (byte) 0x80, 0, 0, 0, 0, 0, 0}; // as sox and Logic write 48 kHz
        assertEquals(48_000.0, AiffReader.extended(ByteBuffer.wrap(r48k), 0));
    }

    @Test
    void aHandMadeAiffReads() throws IOException {
        Path file = dir.resolve("tiny.aiff");
        ByteBuffer samples = ByteBuffer.allocate(8).putShort((short) 16384).putShort((short) -32768)
                .putShort((short) 1).putShort((short) 32767);
        Files.write(file, form("AIFF", comm(2, 2, 16, rate44100(), null, null),
                chunk("SSND", bytes().raw(new byte[8]).raw(samples.array()).toBytes())));
        WavContents read = AudioReader.read(file);
        assertArrayEquals(new float[] {0.5f, 1 / 32768f}, read.audio().channel(0));
        assertArrayEquals(new float[] {-1f, 32767 / 32768f}, read.audio().channel(1));
        assertEquals(AiffReader.AIFF, read.decoding());
    }

    @Test
    void unsupportedCompressionIsNamed() throws IOException {
        String fault = fault(form("AIFC", comm(1, 4, 16, rate44100(), "ulaw", "\u00b5Law 2:1".replace('\u00b5', 'u')),
                ssnd(4)));
        assertEquals("unsupported AIFF-C compression 'ulaw' (uLaw 2:1); convert it to WAV first: ffmpeg -i "
                + dir.resolve("bad.aiff") + " -c:a pcm_s24le " + dir.resolve("bad.wav"), fault);
        assertEquals("unsupported AIFF-C compression 'ima4'; convert it to WAV first: ffmpeg -i "
                + dir.resolve("bad.aiff") + " -c:a pcm_s24le " + dir.resolve("bad.wav"),
                fault(form("AIFC", comm(1, 4, 16, rate44100(), "ima4", ""), ssnd(4))));
    }

    @Test
    void aBadCommIsNamed() throws IOException {
        assertEquals("bad COMM chunk: 10 bytes, need at least 18",
                fault(form("AIFF", chunk("COMM", new byte[10]), ssnd(4))));
        assertEquals("bad COMM chunk: 0 channels (1 to 8 are supported)",
                fault(form("AIFF", comm(0, 4, 16, rate44100(), null, null), ssnd(4))));
        assertEquals("bad COMM chunk: sample rate 0.00000 Hz is out of range (8000 to 384000 Hz)",
                fault(form("AIFF", comm(2, 4, 16, new byte[10], null, null), ssnd(16))));
        byte[] fractional = ByteBuffer.allocate(10).putShort((short) (16383 + 15)).putLong((44100L << 48) | (1L << 46))
                .array();
        assertEquals("bad COMM chunk: sample rate 44100.25 Hz is not a whole number of hertz",
                fault(form("AIFF", comm(2, 4, 16, fractional, null, null), ssnd(16))));
        assertEquals("bad COMM chunk: 40 bits per sample (1 to 32 are supported)",
                fault(form("AIFF", comm(2, 4, 40, rate44100(), null, null), ssnd(16))));
        assertEquals("missing COMM chunk (no format description)", fault(form("AIFF", ssnd(16))));
        assertEquals("missing SSND chunk (no audio in the file)",
                fault(form("AIFF", comm(2, 4, 16, rate44100(), null, null))));
        assertEquals("no audio: the file holds 0 frames",
                fault(form("AIFF", comm(2, 0, 16, rate44100(), null, null), ssnd(0))));
    }

    @Test
    void aShortSoundChunkIsReadWithAWarning() throws IOException {
        Path file = dir.resolve("short.aiff");
        Files.write(file, form("AIFF", comm(1, 10, 16, rate44100(), null, null), ssnd(8)));
        WavContents read = AudioReader.read(file);
        assertEquals(4, read.audio().frames());
        assertEquals(List.of("COMM declares 10 frames, the SSND chunk holds 4; reading those"), read.warnings());
    }
}
