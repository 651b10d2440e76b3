package org.freshears.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.measure.Analysis;
import org.freshears.media.Ffmpeg;
import org.freshears.media.FfmpegException;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codecs run for real, through the ffmpeg the machine has (.ci/run installs it). */
class CodecRoundTripTest {
    static final int RATE = 44_100;
    static AudioBuffer master;
    static Analysis masterAnalysis;
    static List<CodecResult> results;
    @TempDir
    static Path shared;

    /** A loud, clipped stereo master: pink noise, a bass line and a tone driven 6 dB into a clip at -0.1 dBFS. */
    @BeforeAll
    static void roundTripTheDefaultCodecs() throws IOException {
        int frames = RATE * 6;
        AudioBuffer noise = Signals.pinkNoise(2, RATE, frames, 0.2, 5);
        float[][] x = new float[2][frames];
        double peak = 0;
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < frames; n++) {
                double t = n / (double) RATE;
                x[c][n] = (float) (noise.channel(c)[n] + 0.3 * Math.sin(2 * Math.PI * 55 * t)
                        + 0.1 * Math.sin(2 * Math.PI * 440 * t + c));
                peak = Math.max(peak, Math.abs(x[c][n]));
            }
        }
        double clip = Math.pow(10, -0.1 / 20);
        double scale = 2 * clip / peak;
        for (float[] ch : x) {
            for (int n = 0; n < frames; n++) {
                ch[n] = (float) Math.max(-clip, Math.min(clip, ch[n] * scale)); // a clipped master: codecs overshoot it
            }
        }
        master = new AudioBuffer(x, RATE, ChannelLayout.standard(2));
        masterAnalysis = Analysis.withoutSpectrum(master, f -> { });
        results = new CodecRoundTrip(Ffmpeg.locate(), Duration.ofMinutes(2), shared).run(master, masterAnalysis,
                CodecSetting.DEFAULTS, -1.0, f -> { });
    }

    @Test
    void everyDefaultCodecRanInOrderAndItsEncoderIsRecorded() {
        assertEquals(List.of("aac:256", "mp3:320", "opus:160", "vorbis:160"),
                results.stream().map(r -> r.setting().label()).toList());
        assertTrue(results.get(0).encoder().matches("aac, ffmpeg \\S+ \\(libavcodec \\d+\\.\\d+\\.\\d+\\)"),
                results.get(0).encoder());
        assertTrue(results.get(1).encoder().matches("libmp3lame( \\(LAME \\d+\\.\\d+\\))?, ffmpeg .*"), results.get(1).encoder());
        assertTrue(results.get(2).encoder().startsWith("libopus, ffmpeg "), results.get(2).encoder());
        assertTrue(results.get(3).encoder().startsWith("libvorbis, ffmpeg "), results.get(3).encoder());
    }

    @Test
    void theDecodedVersionsAreLinedUpAndKeepTheMastersLoudnessAndMids() {
        for (CodecResult r : results) {
            // ffmpeg's native AAC encoder takes about 0.7 dB off this clipped, noise-like master across the band
            // (ffmpeg's own ebur128 agrees, below); the others stay within 0.2 LU
            assertTrue(Math.abs(r.loudnessChangeLu()) < 1.0, r.setting() + " loudness moved " + r.loudnessChangeLu());
            SpectrumDifference d = r.spectrum();
            for (int b = 0; b < d.bands(); b++) {
                if (d.centresHz()[b] >= 50 && d.centresHz()[b] <= 5_000) {
                    assertEquals(0.0, d.differenceDb(b), 1.2, r.setting() + " at " + d.centresHz()[b] + " Hz");
                }
            }
            assertTrue(Math.abs(r.delayFrames()) < Alignment.MAX_LAG_FRAMES, r.setting() + " delay " + r.delayFrames());
        }
    }

    @Test
    void aClippedMasterOvershootsInEveryCodecAndAHotOneClipsAt16Bit() {
        for (CodecResult r : results) {
            assertTrue(r.truePeakDbtp() > masterAnalysis.truePeakDbtp(), r.setting() + ": " + r.truePeakDbtp()
                    + " vs the master's " + masterAnalysis.truePeakDbtp());
            assertTrue(r.overCeiling(), r.setting() + " over -1 dBTP");
        }
        for (CodecResult r : results) {
            assertTrue(r.samplePeakDbfs() > 0 && r.clippedSamples16() > 0, r.setting() + " goes past full scale: "
                    + r.samplePeakDbfs() + " dBFS, " + r.clippedSamples16() + " samples");
        }
    }

    /** An independent meter on an independent encode: ffmpeg's own ebur128 on its own AAC of the same master. */
    @Test
    void theAacFiguresAgreeWithFfmpegsOwnLoudnessMeter(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("master.wav");
        WavWriter.write(master, wav, WavOutputFormat.float32());
        Path m4a = dir.resolve("master.m4a");
        ffmpeg(List.of("-nostdin", "-y", "-i", wav.toString(), "-c:a", "aac", "-b:a", "256k", m4a.toString()));
        String log = ffmpeg(List.of("-nostdin", "-hide_banner", "-i", m4a.toString(), "-af", "ebur128=peak=true",
                "-f", "null", "-"));
        double integrated = last(log, "I:\\s+(-?[\\d.]+) LUFS");
        double truePeak = last(log, "Peak:\\s+(-?[\\d.]+) dBFS");
        CodecResult aac = results.get(0);
        assertEquals(integrated, aac.integratedLufs(), 0.1);
        assertEquals(truePeak, aac.truePeakDbtp(), 0.3);
    }

    @Test
    void aFailingEncoderNamesTheCodecAndLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("ffmpeg");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = -version ]; then echo 'ffmpeg version 0-fake'; exit 0; fi\n"
                + "echo 'Unknown encoder' >&2; exit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        Ffmpeg ffmpeg = Ffmpeg.locate(Map.of(Ffmpeg.ENVIRONMENT_VARIABLE, fake.toString()));
        FfmpegException e = assertThrows(FfmpegException.class, () -> new CodecRoundTrip(ffmpeg, Duration.ofSeconds(30),
                scratch).run(master, masterAnalysis, List.of(Codec.AAC.at(256)), -1, f -> { }));
        assertEquals("aac:256: encoding failed: ffmpeg failed (exit 1: Unknown encoder)", e.getMessage());
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList(), "the temporary folder is gone");
        }
    }

    @Test
    void codecNamesAndRatesAreCheckedWithTheValidOnesListed() {
        assertEquals(List.of(Codec.AAC.at(128), Codec.OPUS.at(96)), CodecSetting.parseList("AAC:128, opus:96"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> CodecSetting.parse("flac:900"));
        assertEquals("unknown codec \"flac\"; valid: aac, mp3, opus, vorbis (as name:kbps, e.g. aac:256)", bad.getMessage());
        assertEquals("mp3 bit rate must be 32 to 320 kb/s, got 640",
                assertThrows(IllegalArgumentException.class, () -> CodecSetting.parse("mp3:640")).getMessage());
        assertEquals(List.of("-c:a", "libvorbis", "-q:a", "5"), Codec.VORBIS.at(160).encoderArguments());
        assertEquals(List.of("-c:a", "libvorbis", "-b:a", "192k"), Codec.VORBIS.at(192).encoderArguments());
    }

    private static String ffmpeg(List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static double last(String log, String regex) {
        Matcher m = Pattern.compile(regex).matcher(log);
        Double value = null;
        while (m.find()) {
            value = Double.parseDouble(m.group(1));
        }
        assertTrue(value != null, regex + " in " + log);
        return value;
    }

    @Test
    void aKnownDelayIsFoundAndRemoved() {
        int delay = 1_105; // MP3's 576 + 529 had ffmpeg not removed them
        float[][] late = new float[2][master.frames() + 3_000];
        for (int c = 0; c < 2; c++) {
            System.arraycopy(master.channel(c), 0, late[c], delay, master.frames());
        }
        AudioBuffer decoded = new AudioBuffer(late, RATE, master.layout());
        assertEquals(delay, Alignment.delayFrames(master, decoded));
        AudioBuffer aligned = Alignment.aligned(decoded, delay, master.frames());
        assertEquals(master.frames(), aligned.frames());
        assertTrue(java.util.Arrays.equals(master.channel(1), aligned.channel(1)));
        AudioBuffer early = Alignment.aligned(master, 300, master.frames()); // starts 300 frames in: early
        assertEquals(-300, Alignment.delayFrames(master, early));
    }
}
