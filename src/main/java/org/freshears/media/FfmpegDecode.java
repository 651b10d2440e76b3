package org.freshears.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.Decoding;
import org.freshears.audio.WavProbeReport;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavStream;

/**
 * One compressed file decoded by ffmpeg into a 32-bit float WAV in a scratch folder, at the file's own
 * sample rate and channel count (no resampling, no mixing: what the decoder puts out, converted exactly),
 * then read as any WAV. ffmpeg drops the encoder delay and padding that an MP3's LAME/Xing header, an Ogg
 * stream's granule positions and Opus's pre-skip declare; an MP4's edit list it applies only at the start,
 * so its end is cut here ({@link Mp4Length}). ffmpeg goes on past damaged data, so every error it logs is a
 * fault here, and a file that decodes shorter than it declares, or an Ogg file without its last page, is
 * refused as truncated.
 */
final class FfmpegDecode {
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d\\d):(\\d\\d(?:\\.\\d+)?)");
    private static final Pattern AUDIO_STREAM = Pattern.compile("Stream #0:\\d+\\S*: Audio: ([\\w-]+)");
    /** Shorter than declared by more than this is a cut file; an MP3's declared length holds delay and padding. */
    private static final double TRUNCATION_TOLERANCE_SECONDS = 0.1;

    private FfmpegDecode() {
    }

    /** Decodes the file now; the stream reads the decode and removes it when closed. */
    static WavStream open(Path file, EncodedFormat format, Ffmpeg ffmpeg) throws IOException {
        ScratchFolder scratch = ScratchFolder.create("decode");
        try {
            Path wav = scratch.resolve("decoded.wav");
            String log;
            try {
                log = ffmpeg.runLogged(List.of("-i", "file:" + file.toAbsolutePath(), "-map", "0:a:0",
                        "-c:a", "pcm_f32le", "-f", "wav", "-rf64", "auto", "-bitexact", "file:" + wav),
                        Ffmpeg.DEFAULT_TIMEOUT);
            } catch (FfmpegException e) {
                throw new AudioFormatException(file, "cannot decode " + format.describe() + " with " + ffmpeg.describe()
                        + " (corrupt, truncated or not " + format.article() + " file): " + e.getMessage());
            }
            String codec = group(AUDIO_STREAM, log);
            String name = format.name(codec);
            WavProbeReport decoded = WavReader.probe(wav);
            int rate = decoded.format().sampleRate();
            long frames = decoded.frames();
            long keep = frames;
            if (format.container() == EncodedFormat.Container.M4A || format.container() == EncodedFormat.Container.MP4) {
                OptionalDouble edited = Mp4Length.editedSeconds(file);
                if (edited.isPresent()) {
                    keep = Math.min(frames, Math.round(edited.getAsDouble() * rate));
                }
            }
            List<String> errors = log.lines().filter(l -> l.contains("[error]") || l.contains("[fatal]"))
                    .map(Ffmpeg::untagged).distinct().toList();
            String reported = errors.isEmpty() ? "" : "ffmpeg reports \"" + errors.get(0) + "\""
                    + (errors.size() == 2 ? " and 1 other error" : errors.size() > 2 ? " and " + (errors.size() - 1)
                    + " other errors" : "");
            String shortBy = shortness(file, format, name, log, keep / (double) rate);
            if (shortBy != null) {
                // A cut file often ends in a broken frame, and damage can stop a decode early: say both.
                throw new AudioFormatException(file, errors.isEmpty() ? "truncated: " + shortBy
                        : "truncated or corrupt: " + shortBy + " (" + reported + ")");
            }
            if (!errors.isEmpty()) {
                throw new AudioFormatException(file, "corrupt " + name + " data: " + reported);
            }
            List<String> notes = notes(format, rate);
            Decoding decoding = new Decoding(name, "ffmpeg", ffmpeg.describeVersions());
            return WavReader.openDecoded(wav, file, decoding, keep, notes, scratch::close);
        } catch (IOException | RuntimeException e) {
            scratch.close();
            throw e;
        }
    }

    /** Null when the file is whole; else how it falls short (the Ogg end, or less audio than declared). */
    private static String shortness(Path file, EncodedFormat format, String name, String log, double decodedSeconds)
            throws IOException {
        if (format.container() == EncodedFormat.Container.OGG) {
            String fault = OggEnd.fault(file);
            if (fault != null) {
                return fault;
            }
        }
        Matcher m = DURATION.matcher(log);
        // A length ffmpeg guessed from the bitrate (an MP3 without a Xing header) proves nothing.
        if (m.find() && !log.contains("Estimating duration from bitrate")) {
            double declared = Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60
                    + Double.parseDouble(m.group(3));
            if (decodedSeconds < declared - TRUNCATION_TOLERANCE_SECONDS) {
                return String.format(Locale.ROOT, "the %s data ends after %.2f s of the %.2f s the file declares", name,
                        decodedSeconds, declared);
            }
        }
        return null;
    }

    /** What a user should know about the decode: Opus's fixed rate, ADTS's missing delay. */
    private static List<String> notes(EncodedFormat format, int rate) {
        List<String> notes = new ArrayList<>();
        if ("opus".equals(format.codec())) {
            int input = format.opusInputRateHz();
            notes.add("Opus decodes at 48 kHz whatever rate it was made from: measured at " + rate + " Hz"
                    + (input > 0 && input != rate ? " (its header says it was made from " + input + " Hz)" : ""));
        }
        if (format.container() == EncodedFormat.Container.ADTS) {
            notes.add("raw AAC (ADTS) does not record the encoder's delay: the audio starts with its priming "
                    + "samples (1024 frames from most encoders); an M4A file says where the music starts");
        }
        return notes;
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
