package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    static final List<String> FIELDS = List.of("file", "sampleRate", "channels", "frames", "durationSeconds",
            "integratedLufs", "loudnessRangeLu", "maxMomentaryLufs", "maxShortTermLufs", "truePeakDbtp",
            "samplePeakDbfs", "rmsDbfs", "crestFactorDb", "plrDb", "psrDb", "dcOffset", "correlation", "clippedRuns",
            "leadingSilenceSeconds", "trailingSilenceSeconds", "fileFormat", "decodedBy");

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    private Path write(String name, AudioBuffer audio) throws Exception {
        Path f = dir.resolve(name);
        WavWriter.write(audio, f, WavOutputFormat.float32());
        return f;
    }

    @Test
    void jsonHasExactlyTheDocumentedFieldsInOrder() throws Exception {
        // EBU Tech 3341 case 1: a 1 kHz sine at -23 dBFS on both channels reads -23 LUFS.
        Path f = write("tone.wav", Signals.sine(2, 48_000, 20, 1_000, -23));
        Result r = run("analyze", "--json", f.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(FIELDS, names);
        assertEquals(-23.0, json.get("integratedLufs").asDouble(), 0.1);
        assertEquals(-23.0, json.get("maxMomentaryLufs").asDouble(), 0.1);
        assertEquals(-23.0, json.get("truePeakDbtp").asDouble(), 0.05);
        assertEquals(0.0, json.get("plrDb").asDouble(), 0.1);
        assertEquals(48_000, json.get("sampleRate").asInt());
        assertEquals(960_000, json.get("frames").asLong());
        assertEquals(2, json.get("dcOffset").size());
        assertEquals(1.0, json.get("correlation").asDouble(), 1e-9);
    }

    @Test
    void silenceHasNullLoudnessAndSeveralFilesMakeAnArray() throws Exception {
        Path silent = write("silent.wav", Signals.silence(2, 48_000, 5));
        Path tone = write("tone.wav", Signals.sine(2, 48_000, 5, 1_000, -20));
        Result r = run("analyze", "--json", silent.toString(), tone.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.isArray());
        assertEquals(2, json.size());
        JsonNode s = json.get(0);
        for (String field : List.of("integratedLufs", "loudnessRangeLu", "maxMomentaryLufs", "truePeakDbtp",
                "samplePeakDbfs", "rmsDbfs", "plrDb", "correlation")) {
            assertTrue(s.get(field).isNull(), field + " of silence is null, got " + s.get(field));
        }
        assertFalse(json.get(1).get("integratedLufs").isNull());
    }

    @Test
    void theTableNamesEveryMeasurement() throws Exception {
        Path f = write("tone.wav", Signals.sine(2, 44_100, 4, 997, -3.01));
        Result r = run("analyze", f.toString());
        assertEquals(0, r.status(), r.err());
        for (String label : List.of("Integrated loudness", "Loudness range", "True peak", "PLR", "PSR",
                "DC offset", "Correlation", "Clipped runs", "Trailing silence")) {
            assertTrue(r.out().contains(label), label + " in\n" + r.out());
        }
        assertTrue(r.out().contains("32-bit float, 44100 Hz, stereo"), r.out());
    }

    @Test
    void badInputIsOneLineNamingTheFileWithStatus2AndNothingOnStdout() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "listen again tomorrow");
        Path good = write("good.wav", Signals.sine(2, 48_000, 1, 1_000, -20));
        for (String[] args : new String[][] {
            {"analyze", dir.resolve("missing.wav").toString()},
            {"analyze", text.toString()},
            {"analyze", dir.toString()},
            {"analyze", "--json", good.toString(), text.toString()}}) {
            Result r = run(args);
            assertEquals(2, r.status(), String.join(" ", args));
            assertEquals("", r.out(), "nothing printed for a failed run");
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("freshears: " + args[args.length - 1]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void debugShowsTheStackTrace() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "listen again tomorrow");
        Result r = run("analyze", "--debug", text.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("AudioFormatException"), r.err());
    }

    @Test
    void usageErrorsAreStatus2() {
        assertEquals(2, run("analyze").status());
        assertEquals(2, run("analyze", "--no-such-option", "x.wav").status());
        assertEquals(2, run("no-such-command").status());
        assertEquals(0, run("--version").status());
    }

    @Test
    void aShortDataChunkWarnsWithBothFrameCountsAndMeasuresWhatIsThere() throws Exception {
        Path f = write("full.wav", Signals.sine(2, 48_000, 2, 1_000, -20));
        byte[] bytes = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.wav");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Result r = run("analyze", "--json", cut.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("warning") && r.err().contains("96000"), r.err());
        assertTrue(new ObjectMapper().readTree(r.out()).get("frames").asLong() < 96_000);
    }

    /**
     * Issue #10: a float file above full scale read a sample peak and no true peak. Beyond full scale is legal
     * in float and measured as it is, both peaks, with a warning; beyond +192.7 dBFS the file is refused.
     */
    @Test
    void floatAboveFullScaleIsMeasuredWithBothPeaksAndAWarning() throws Exception {
        Path f = write("hot.wav", Signals.sine(2, 48_000, 5, 1_000, 12));
        Result r = run("analyze", "--json", f.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(12.0, json.get("samplePeakDbfs").asDouble(), 0.01);
        assertEquals(12.0, json.get("truePeakDbtp").asDouble(), 0.05);
        assertEquals("freshears: warning: " + f + ": float samples reach +12.0 dBFS, above full scale: measured as "
                + "they are (legal in a float file), but a PCM render clips them unless the chain brings them down\n",
                r.err());

        AudioBuffer huge = Signals.sine(2, 48_000, 1, 1_000, 0);
        java.util.Arrays.fill(huge.channel(0), 3.4e38f);
        Path g = write("huge.wav", huge);
        Result refused = run("analyze", g.toString());
        assertEquals(2, refused.status());
        assertEquals("freshears: " + g + ": out-of-range (3.4E38, +770.6 dBFS, beyond the +192.7 dBFS measured) sample "
                + "at frame 0 (0:00.000), channel 1\n", refused.err());
        assertEquals("", refused.out());
    }

    @Test
    void runningOutOfMemorySaysHowToRaiseTheHeap() {
        String line = ErrorReporter.describe(new OutOfMemoryError("Java heap space"));
        assertTrue(line.matches("out of memory: this work needs more than the \\d+ MiB Java heap; run it again with a "
                + "larger one, e.g. FRESHEARS_JAVA_OPTS=-Xmx\\d+g"), line);
    }
}
