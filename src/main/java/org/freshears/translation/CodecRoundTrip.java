package org.freshears.translation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavWriter;
import org.freshears.measure.Analysis;
import org.freshears.measure.FractionalOctaveBands;
import org.freshears.measure.Spectrum;
import org.freshears.measure.SpectrumAnalyzer;
import org.freshears.media.Ffmpeg;
import org.freshears.media.FfmpegException;
import org.freshears.media.ScratchFolder;

/**
 * Codec round trips through the ffmpeg executable: the master is written once as 32-bit float WAV (no
 * rounding before the encoder, as a store's ingest gets a 24-bit or float master), encoded by every codec
 * at once, each decoded to float WAV at the master's rate (Opus decodes at 48 kHz, MP3 takes at most 48 kHz:
 * ffmpeg resamples) and read back with our reader, lined up with the master ({@link Alignment}), and measured
 * with our meters. Nothing is written outside a private temporary folder, which is removed afterwards.
 */
public final class CodecRoundTrip {
    /** What the streaming services ask of a master's true peak after encoding (Spotify: −1 dBTP). */
    public static final double DEFAULT_CEILING_DBTP = -1.0;
    /** LAME's highest sample rate (MPEG-1 Layer III: 32, 44.1, 48 kHz). */
    static final int MP3_MAX_RATE = 48_000;
    private static final Pattern LAME_TAG = Pattern.compile("LAME(\\d+\\.\\d+)");

    private final Ffmpeg ffmpeg;
    private final Duration timeout;
    private final Path scratchParent;

    public CodecRoundTrip(Ffmpeg ffmpeg) {
        this(ffmpeg, Ffmpeg.DEFAULT_TIMEOUT, null);
    }

    /** With a time limit per ffmpeg run, and the temporary folder made in {@code scratchParent} (null: the system's). */
    CodecRoundTrip(Ffmpeg ffmpeg, Duration timeout, Path scratchParent) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
        this.scratchParent = scratchParent;
    }

    public Ffmpeg ffmpeg() {
        return ffmpeg;
    }

    /**
     * Every codec's round trip of the master, in the order given; the codecs run at once. Progress goes from 0
     * to 1 as they finish. A failing encoder or decoder fails the whole, naming the codec and what ffmpeg said.
     */
    public List<CodecResult> run(AudioBuffer master, Analysis masterAnalysis, List<CodecSetting> settings,
            double ceilingDbtp, DoubleConsumer progress) throws IOException {
        if (settings.isEmpty()) {
            return List.of();
        }
        if (master.channels() > 2) {
            throw new IllegalArgumentException("codec round trips take mono or stereo masters, not "
                    + master.channels() + " channels");
        }
        try (ScratchFolder scratch = scratchParent == null ? ScratchFolder.create("codecs")
                : ScratchFolder.create("codecs", scratchParent)) {
            Path source = scratch.resolve("master.wav");
            WavWriter.write(master, source, WavOutputFormat.float32());
            FractionalOctaveBands bands = FractionalOctaveBands.covering(BandPowers.BANDS_PER_OCTAVE,
                    master.sampleRate());
            double[] masterBands = bandLevels(new SpectrumAnalyzer().analyze(master), master.channels(), bands);
            ExecutorService pool = Executors.newFixedThreadPool(settings.size(), runnable -> {
                Thread t = new Thread(runnable, "freshears-codec");
                t.setDaemon(true);
                return t;
            });
            AtomicInteger done = new AtomicInteger();
            try {
                List<Future<CodecResult>> futures = new ArrayList<>();
                for (CodecSetting setting : settings) {
                    futures.add(pool.submit(() -> {
                        CodecResult r = roundTrip(setting, master, masterAnalysis, source, scratch, bands, masterBands,
                                ceilingDbtp);
                        progress.accept(done.incrementAndGet() / (double) settings.size());
                        return r;
                    }));
                }
                List<CodecResult> results = new ArrayList<>();
                for (Future<CodecResult> f : futures) {
                    results.add(f.get());
                }
                return results;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FfmpegException("interrupted during the codec round trips", e);
            } finally {
                pool.shutdownNow(); // a failure stops the other encoders (their processes are ended)
            }
        }
    }

    private CodecResult roundTrip(CodecSetting setting, AudioBuffer master, Analysis masterAnalysis, Path source,
            ScratchFolder scratch, FractionalOctaveBands bands, double[] masterBands, double ceilingDbtp)
            throws IOException {
        Codec codec = setting.codec();
        Path encoded = scratch.resolve(codec.key() + "-" + setting.bitrateKbps() + "." + codec.extension());
        Path decoded = scratch.resolve(codec.key() + "-" + setting.bitrateKbps() + ".decoded.wav");
        List<String> encode = new ArrayList<>(List.of("-i", source.toString(), "-vn"));
        encode.addAll(setting.encoderArguments());
        if (codec == Codec.MP3 && master.sampleRate() > MP3_MAX_RATE) {
            encode.addAll(List.of("-ar", String.valueOf(MP3_MAX_RATE)));
        }
        encode.addAll(List.of("-y", encoded.toString()));
        try {
            ffmpeg.run(encode, timeout);
        } catch (FfmpegException e) {
            throw new FfmpegException(setting.label() + ": encoding failed: " + e.getMessage(), e);
        }
        try {
            ffmpeg.run(List.of("-i", encoded.toString(), "-ar", String.valueOf(master.sampleRate()), "-c:a", "pcm_f32le",
                    "-f", "wav", "-y", decoded.toString()), timeout);
        } catch (FfmpegException e) {
            throw new FfmpegException(setting.label() + ": decoding failed: " + e.getMessage(), e);
        }
        AudioBuffer back;
        try {
            back = WavReader.read(decoded).audio();
        } catch (AudioFormatException e) {
            throw new FfmpegException(setting.label() + ": ffmpeg's decoded file cannot be read: " + e.getMessage(), e);
        }
        if (back.channels() != master.channels()) {
            throw new FfmpegException(setting.label() + ": decoded " + back.channels() + " channels from a "
                    + master.channels() + "-channel master");
        }
        int delay = Alignment.delayFrames(master, back);
        AudioBuffer aligned = Alignment.aligned(back, delay, master.frames());
        back = null; // the unaligned copy can go before the meters run
        Analysis analysis = Analysis.withoutSpectrum(aligned, f -> { });
        double[] decodedBands = bandLevels(new SpectrumAnalyzer().analyze(aligned), aligned.channels(), bands);
        return new CodecResult(setting, describeEncoder(setting, encoded), delay, analysis.integratedLufs(),
                analysis.truePeakDbtp(), analysis.samplePeakDbfs(), clippedSamples16(aligned),
                analysis.integratedLufs() - masterAnalysis.integratedLufs(), ceilingDbtp,
                new SpectrumDifference(bands.centresHz(), masterBands, decodedBands));
    }

    private static double[] bandLevels(Spectrum spectrum, int channels, FractionalOctaveBands bands) {
        double[] power = BandPowers.of(spectrum, bands, BandPowers.channels(spectrum, channels));
        double[] db = new double[power.length];
        for (int i = 0; i < db.length; i++) {
            db[i] = BandPowers.db(power[i]);
        }
        return db;
    }

    /**
     * Samples a 16-bit output would clip: those that round beyond the 16-bit range (x·32768 at or above
     * 32767.5, or at or below −32768.5).
     */
    static long clippedSamples16(AudioBuffer audio) {
        long clipped = 0;
        for (int c = 0; c < audio.channels(); c++) {
            for (float x : audio.channel(c)) {
                double scaled = x * 32768.0;
                if (scaled >= 32767.5 || scaled <= -32768.5) {
                    clipped++;
                }
            }
        }
        return clipped;
    }

    /**
     * The encoder as ffmpeg ran it, with the versions that can be known: ffmpeg's and its libavcodec's, and
     * LAME's where it left its name in a frame's spare bytes (ffmpeg writes its own Xing tag, and a dense
     * 320 kb/s stream may have no spare bytes; libopus and libvorbis leave no version in the stream).
     */
    private String describeEncoder(CodecSetting setting, Path encoded) throws IOException {
        StringBuilder text = new StringBuilder(setting.codec().encoder());
        if (setting.codec() == Codec.MP3) {
            // the name can be cut short where a frame's spare bytes end ("LAME3.10"): the longest is the whole
            Matcher m = LAME_TAG.matcher(new String(Files.readAllBytes(encoded), StandardCharsets.ISO_8859_1));
            String version = null;
            while (m.find()) {
                version = version == null || m.group(1).length() > version.length() ? m.group(1) : version;
            }
            if (version != null) {
                text.append(" (LAME ").append(version).append(')');
            }
        }
        String libavcodec = ffmpeg.libraryVersion("libavcodec");
        text.append(", ffmpeg ").append(ffmpeg.version());
        if (libavcodec != null) {
            text.append(" (libavcodec ").append(libavcodec).append(')');
        }
        return text.toString();
    }
}
