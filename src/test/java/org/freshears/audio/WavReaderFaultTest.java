package org.freshears.audio;

import static org.freshears.audio.WavBytes.bytes;
import static org.freshears.audio.WavBytes.chunk;
import static org.freshears.audio.WavBytes.chunkClaiming;
import static org.freshears.audio.WavBytes.fmt;
import static org.freshears.audio.WavBytes.fmtExtensible;
import static org.freshears.audio.WavBytes.riff;
import static org.freshears.audio.WavBytes.subtypeGuid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.freshears.testing.ExternalPrograms;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed and unsupported files, built byte by byte, each give one clear line naming the fault. */
class WavReaderFaultTest {
    private static final byte[] SOME_DATA = chunk("data", new byte[8]);

    @TempDir
    Path dir;

    /** Reads the bytes as a file and returns the fault, checking the message is "file: fault" on one line. */
    private String fault(byte[] content) throws IOException {
        return faultOf(WavBytes.write(dir, "bad.wav", content));
    }

    private static String faultOf(Path file) {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.read(file));
        assertEquals(file + ": " + e.fault(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(file, e.file());
        // probe must agree with read on every header fault (an empty data chunk probes fine: 0 frames)
        if (!e.fault().startsWith("no audio")) {
            assertEquals(e.fault(), assertThrows(AudioFormatException.class, () -> WavReader.probe(file)).fault());
        }
        return e.fault();
    }

    @Test
    void missingFile() {
        assertEquals("file not found", faultOf(dir.resolve("nope.wav")));
    }

    @Test
    void directory() {
        assertEquals("is a directory, not a WAV file", faultOf(dir));
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals("empty file (0 bytes)", fault(new byte[0]));
    }

    /** What a fault about another audio format ends with: the command that converts bad.wav. */
    private String convertCommand() {
        return "convert it to WAV first: ffmpeg -i " + dir.resolve("bad.wav") + " -c:a pcm_s24le "
                + dir.resolve("bad-pcm.wav");
    }

    @Test
    void mp3WithId3Tag() throws IOException {
        String convertLossy = convertCommand()
                + " (better: export a WAV from the mix session; this file has lost detail)";
        assertEquals("not a WAV, FLAC or AIFF file (starts with \"ID3\\x04\": an MP3 file); " + convertLossy,
                fault(bytes().ascii("ID3").u8(4).u8(0).raw(new byte[100]).toBytes()));
    }

    @Test
    void mp3FrameSync() throws IOException {
        String convertLossy = convertCommand()
                + " (better: export a WAV from the mix session; this file has lost detail)";
        assertEquals("not a WAV, FLAC or AIFF file (starts with \"\\xFF\\xFB\\x90d\": an MP3 file); " + convertLossy,
                fault(bytes().u8(0xFF).u8(0xFB).u8(0x90).u8('d').raw(new byte[100]).toBytes()));
    }

    @Test
    void textFile() throws IOException {
        assertEquals("not a WAV, FLAC or AIFF file (starts with \"Hell\": text)",
                fault("Hello, this is a text file\n".getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * FLAC and AIFF are read natively (AudioReader picks the reader by content): no conversion is hinted
     * for them any more, only for what is still not read (MP3, AAC, Ogg, other IFF types).
     */
    @Test
    void flacAndAiffAreNotHintedForConversion() throws IOException {
        assertEquals("not a WAV file (starts with \"fLaC\": a FLAC file, which AudioReader reads)",
                fault(bytes().ascii("fLaC").u8(0).toBytes()));
        assertEquals("not a WAV file (starts with \"FORM\": an AIFF file, which AudioReader reads)",
                fault(bytes().ascii("FORM").le32(4).ascii("AIFF").toBytes()));
        assertEquals("not a WAV, FLAC or AIFF file (starts with \"FORM\": an IFF file of type '8SVX', not AIFF); "
                + convertCommand(), fault(bytes().ascii("FORM").le32(4).ascii("8SVX").toBytes()));
        assertEquals("not a WAV, FLAC or AIFF file (starts with \"OggS\": an Ogg file); " + convertCommand(),
                fault(bytes().ascii("OggS").u8(0).raw(new byte[40]).toBytes()));
    }

    @Test
    void theConversionCommandNamesTheFileAsGivenAndNeverItself() {
        assertEquals("convert it to WAV first: ffmpeg -i mix.flac -c:a pcm_s24le mix.wav",
                ConversionHint.convertFirst(Path.of("mix.flac")));
        assertEquals("convert it to WAV first: ffmpeg -i 'songs/my mix'\\''s.aiff' -c:a pcm_s24le"
                + " 'songs/my mix'\\''s.wav'", ConversionHint.convertFirst(Path.of("songs/my mix's.aiff")));
        assertEquals(Path.of("take.WAV").resolveSibling("take-pcm.wav"), ConversionHint.wavBeside(Path.of("take.WAV")));
        assertEquals(Path.of("mix.wav"), ConversionHint.wavBeside(Path.of("mix")));
    }

    /**
     * The hint is a command that works: ffmpeg turns a real Ogg Vorbis file (not read natively) into a WAV
     * the reader takes. A FLAC that ffmpeg writes is read as it is.
     */
    @Test
    void theHintedCommandConvertsARealOggAndAFlacNeedsNoHint() throws Exception {
        ExternalPrograms.assumeInstalled("ffmpeg", "-version");
        Path ogg = dir.resolve("mix.ogg");
        ExternalPrograms.run(dir, "ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "sine=frequency=1000:duration=0.1:sample_rate=48000", "-c:a", "libvorbis", ogg.toString());
        String fault = assertThrows(AudioFormatException.class, () -> AudioReader.read(ogg)).fault();
        assertTrue(fault.startsWith("not a WAV, FLAC or AIFF file (starts with \"OggS\": an Ogg file); "), fault);
        String command = fault.substring(fault.indexOf("ffmpeg -i "));
        List<String> argv = new ArrayList<>(List.of(command.split(" ")));
        argv.addAll(1, List.of("-nostdin", "-loglevel", "error"));
        ExternalPrograms.run(dir, argv.toArray(String[]::new));
        int frames = WavReader.read(dir.resolve("mix.wav")).audio().frames();
        assertTrue(Math.abs(frames - 4_800) < 256, frames + " frames: about 0.1 s (Vorbis trims its priming)");

        Path flac = dir.resolve("mix.flac");
        ExternalPrograms.run(dir, "ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "sine=frequency=1000:duration=0.1:sample_rate=48000", flac.toString());
        WavContents read = AudioReader.read(flac);
        assertEquals(4_800, read.audio().frames());
        assertEquals("FLAC", read.decoding().fileFormat());
        assertArrayEquals(WavReader.read(wavOf(flac)).audio().channel(0), read.audio().channel(0),
                "the samples ffmpeg's own decoder gives");
    }

    private Path wavOf(Path file) throws Exception {
        Path wav = dir.resolve(file.getFileName() + ".wav");
        ExternalPrograms.run(dir, "ffmpeg", "-nostdin", "-loglevel", "error", "-i", file.toString(), "-c:a", "pcm_s16le", wav.toString());
        return wav;
    }

    @Test
    void riffButNotWave() throws IOException {
        assertEquals("RIFF file of type 'AVI ', not WAVE", fault(WavBytes.container("RIFF", "AVI ", chunk("LIST",
                new byte[4]))));
    }

    @Test
    void truncatedHeader() throws IOException {
        assertEquals("truncated header: the file is only 10 bytes", fault(bytes().ascii("RIFF").le32(100).ascii("WA")
                .toBytes()));
        byte[] cutInFmt = Arrays.copyOf(riff(fmt(1, 2, 44100, 16), SOME_DATA), 30);
        assertEquals("truncated header: fmt chunk claims 16 bytes but only 10 remain in the file", fault(cutInFmt));
        byte[] cutInChunkHeader = Arrays.copyOf(riff(fmt(1, 2, 44100, 16), SOME_DATA), 36 + 5);
        assertEquals("truncated header: the file ends inside a chunk header (byte 36 of 41)", fault(cutInChunkHeader));
    }

    @Test
    void missingFmt() throws IOException {
        assertEquals("missing fmt chunk (there is a data chunk but no format description)",
                fault(riff(chunk("LIST", new byte[10]), SOME_DATA)));
        assertEquals("missing fmt chunk", fault(riff(chunk("JUNK", new byte[10]))));
    }

    @Test
    void missingData() throws IOException {
        assertEquals("missing data chunk (no audio in the file)", fault(riff(fmt(1, 2, 44100, 16),
                chunk("LIST", new byte[3]))));
    }

    @Test
    void fmtTooSmall() throws IOException {
        assertEquals("fmt chunk too small (14 bytes, need at least 16)",
                fault(riff(chunk("fmt ", bytes().le16(1).le16(2).le32(44100).le32(176400).le16(4).toBytes()),
                        SOME_DATA)));
        byte[] shortExtensible = chunk("fmt ", bytes().le16(0xFFFE).le16(2).le32(44100).le32(176400).le16(4).le16(16)
                .le16(0).toBytes());
        assertEquals("extensible fmt chunk too small (18 bytes, need 40)", fault(riff(shortExtensible, SOME_DATA)));
    }

    @Test
    void channelCount() throws IOException {
        assertEquals("zero channels", fault(riff(fmt(1, 0, 44100, 176400, 4, 16), SOME_DATA)));
        assertEquals("12 channels (1 to 8 are supported)", fault(riff(fmt(1, 12, 48000, 16), SOME_DATA)));
    }

    @Test
    void sampleRate() throws IOException {
        assertEquals("sample rate is 0 Hz", fault(riff(fmt(1, 2, 0, 16), SOME_DATA)));
        assertEquals("sample rate 500000 Hz is out of range (8000 to 384000 Hz)", fault(riff(fmt(1, 2, 500_000, 16),
                SOME_DATA)));
        assertEquals("sample rate 4000 Hz is out of range (8000 to 384000 Hz)", fault(riff(fmt(1, 2, 4000, 16),
                SOME_DATA)));
        assertEquals("sample rate 4294967295 Hz is out of range (8000 to 384000 Hz)",
                fault(riff(fmt(1, 2, 0xFFFF_FFFFL, 0, 4, 16), SOME_DATA)));
    }

    @Test
    void blockAlignMismatch() throws IOException {
        assertEquals("block align is 6 bytes, expected 4 (2 channels of 16-bit samples)",
                fault(riff(fmt(1, 2, 44100, 264600, 6, 16), SOME_DATA)));
        // 12-bit stereo lives in 16-bit containers (4-byte frames); 3 bytes per frame is a packed form we refuse.
        assertEquals("block align is 3 bytes, expected 4 (2 channels of 16-bit samples)",
                fault(riff(fmt(1, 2, 44100, 132300, 3, 12), SOME_DATA)));
    }

    @Test
    void unsupportedBitDepth() throws IOException {
        assertEquals("unsupported bit depth: 48-bit PCM (8, 16, 24 and 32-bit are supported)",
                fault(riff(fmt(1, 2, 48000, 48), SOME_DATA)));
        assertEquals("unsupported bit depth: 16-bit float (32 and 64-bit are supported)",
                fault(riff(fmt(3, 2, 48000, 16), SOME_DATA)));
        assertEquals("unsupported bit depth: 20-bit container (must be whole bytes)",
                fault(riff(fmtExtensible(2, 48000, 20, 20, 3, subtypeGuid(1)), SOME_DATA)));
        assertEquals("valid bits per sample (24) exceed the 16-bit container",
                fault(riff(fmtExtensible(2, 48000, 16, 24, 3, subtypeGuid(1)), SOME_DATA)));
        assertEquals("bits per sample is 0", fault(riff(fmt(1, 2, 48000, 192000, 4, 0), SOME_DATA)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2|unsupported codec: MS ADPCM (format tag 0x0002); convert it to WAV first",
        "17|unsupported codec: IMA ADPCM (format tag 0x0011); convert it to WAV first",
        "6|unsupported codec: G.711 A-law (format tag 0x0006); convert it to WAV first",
        "7|unsupported codec: G.711 mu-law (format tag 0x0007); convert it to WAV first",
        "85|unsupported codec: MPEG Layer III (MP3) (format tag 0x0055); convert it to WAV first",
        "352|unsupported codec: Windows Media Audio v1 (format tag 0x0160); convert it to WAV first",
        "353|unsupported codec: Windows Media Audio (format tag 0x0161); convert it to WAV first",
        "4660|unsupported codec: unknown format tag 0x1234",
    })
    void unsupportedCodecsAreNamed(int tag, String expected) throws IOException {
        // ADPCM is 4-bit; the codec is checked before the bit depth so the message names the real problem.
        // A codec we can name gets the command that converts it; an unknown tag does not (ffmpeg may not know it).
        String fault = fault(riff(fmt(tag, 2, 44100, 4), SOME_DATA));
        String expectedFault = expected.endsWith("first") ? expected + ": ffmpeg -i " + dir.resolve("bad.wav")
                + " -c:a pcm_s24le " + dir.resolve("bad-pcm.wav") : expected;
        assertEquals(expectedFault, fault);
    }

    @Test
    void unsupportedExtensibleSubformats() throws IOException {
        assertEquals("unsupported codec: MS ADPCM (extensible subformat 0x0002); " + convertCommand(),
                fault(riff(fmtExtensible(2, 48000, 16, 16, 3, subtypeGuid(2)), SOME_DATA)));
        // KSDATAFORMAT_SUBTYPE_AMBISONIC_B_FORMAT_PCM {00000001-0721-11D3-8644-C8C1CA000000}
        byte[] ambisonic = bytes().le32(1).le16(0x0721).le16(0x11D3).u8(0x86).u8(0x44).u8(0xC8).u8(0xC1).u8(0xCA)
                .u8(0).u8(0).u8(0).toBytes();
        assertEquals("unsupported codec: unknown extensible subformat {00000001-0721-11d3-8644-c8c1ca000000}",
                fault(riff(fmtExtensible(4, 48000, 16, 16, 0, ambisonic), SOME_DATA)));
    }

    @Test
    void absurdChunkSizeIsRefusedWithoutAllocating() throws IOException {
        byte[] file = riff(fmt(1, 2, 44100, 16), chunkClaiming("LIST", 0xFFFF_FFF0L, new byte[20]), SOME_DATA);
        assertEquals("chunk 'LIST' claims 4294967280 bytes, but only 36 remain in the file (corrupt or truncated)",
                fault(file));
    }

    @Test
    void corruptChunkHeader() throws IOException {
        byte[] file = riff(fmt(1, 2, 44100, 16), bytes().u8(0).u8(1).u8(2).u8(3).le32(8).raw(new byte[8]).toBytes(),
                SOME_DATA);
        assertEquals("corrupt chunk header at byte 36 (\\x00\\x01\\x02\\x03 is not a chunk id)", fault(file));
    }

    @Test
    void rf64WithoutDs64() throws IOException {
        byte[] file = WavBytes.container("RF64", "WAVE", fmt(1, 2, 44100, 16), chunkClaiming("data", 0xFFFF_FFFFL,
                new byte[8]));
        assertEquals("RF64 file without a ds64 chunk (it must be the first chunk)", fault(file));
        byte[] tiny = WavBytes.container("RF64", "WAVE", chunk("ds64", new byte[16]), fmt(1, 2, 44100, 16), SOME_DATA);
        assertEquals("ds64 chunk too small (16 bytes, need 28)", fault(tiny));
    }

    /**
     * An RF64 file whose ds64 table sizes a placeholder chunk: -8 and -9 once stepped the chunk walk back
     * onto the same header forever, and -2^40 before the file's start ("Negative position", no file named).
     */
    @ParameterizedTest
    @CsvSource({"-8", "-9", "-1099511627776", "-9223372036854775808"})
    void negativeDs64TableSizeStopsTheWalkNamingTheFile(long tableSize) {
        byte[] file = rf64WithTableEntry("JUNK", tableSize);
        String fault = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> fault(file));
        assertEquals("ds64 table gives chunk 'JUNK' a negative size (" + tableSize + " bytes; corrupt)", fault);
    }

    @Test
    void ds64TableSizeBeyondTheFileIsRefused() throws IOException {
        assertEquals("chunk 'JUNK' claims 9223372036854775807 bytes, but only 44 remain in the file (corrupt or "
                + "truncated)", fault(rf64WithTableEntry("JUNK", Long.MAX_VALUE)));
    }

    @Test
    void ds64TableSizeThatFitsIsUsed() throws IOException {
        // The same file with a true size for the JUNK chunk reads: the table entry is honoured.
        WavContents contents = WavReader.read(WavBytes.write(dir, "ok.wav", rf64WithTableEntry("JUNK", 4)));
        assertEquals(2, contents.audio().frames());
    }

    @Test
    void ds64TableLengthIsNotTrusted() throws IOException {
        // A table length of 4 billion in a ds64 chunk that holds one entry: one entry is read, quickly.
        byte[] ds64 = chunk("ds64", bytes().le64(0).le64(8).le64(2).le32(0xFFFF_FFFFL).ascii("JUNK").le64(4)
                .toBytes());
        byte[] file = WavBytes.container("RF64", "WAVE", ds64, chunkClaiming("JUNK", 0xFFFF_FFFFL, new byte[4]),
                fmt(1, 2, 48000, 16), chunkClaiming("data", 0xFFFF_FFFFL, new byte[8]));
        Path path = WavBytes.write(dir, "table.wav", file);
        assertEquals(2, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> WavReader.read(path)).audio().frames());
    }

    /** RF64: a ds64 whose table sizes a placeholder JUNK chunk (4 bytes long), then fmt and 2 stereo frames. */
    private static byte[] rf64WithTableEntry(String id, long tableSize) {
        byte[] ds64 = chunk("ds64", bytes().le64(0).le64(8).le64(2).le32(1).ascii(id).le64(tableSize).toBytes());
        return WavBytes.container("RF64", "WAVE", ds64, chunkClaiming(id, 0xFFFF_FFFFL, new byte[4]),
                fmt(1, 2, 48000, 16), chunkClaiming("data", 0xFFFF_FFFFL, new byte[8]));
    }

    @Test
    void noAudio() throws IOException {
        assertEquals("no audio: the data chunk holds 0 frames", fault(riff(fmt(1, 2, 44100, 16), chunk("data",
                new byte[3]))));
    }

    @Test
    void unreadableFile() throws IOException {
        Path file = WavBytes.write(dir, "locked.wav", riff(fmt(1, 2, 44100, 16), SOME_DATA));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(file), "running as root: permissions do not stop reading");
            assertEquals("permission denied: cannot read the file", faultOf(file));
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void permissionFailuresMapToAClearFault() {
        // The mapping itself, checked where the test above cannot run (as root).
        Path file = dir.resolve("x.wav");
        AudioFormatException e = WavReader.readFailure(file, new AccessDeniedException(file.toString()));
        assertEquals("permission denied: cannot read the file", e.fault());
        assertTrue(e.getCause() instanceof AccessDeniedException);
        assertEquals("cannot read: Input/output error",
                WavReader.readFailure(file, new IOException("Input/output error")).fault());
    }
}
