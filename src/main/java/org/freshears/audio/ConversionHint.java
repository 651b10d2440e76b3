package org.freshears.audio;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What to do with audio in a format the reader does not take: the ffmpeg command that turns it into a
 * 24-bit WAV beside it, written for the path as the user gave it so it can be pasted as is.
 */
final class ConversionHint {
    /** Characters a POSIX shell reads literally; anything else gets the path single-quoted. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private ConversionHint() {
    }

    /** "convert it to WAV first: ffmpeg -i mix.flac -c:a pcm_s24le mix.wav". */
    static String convertFirst(Path file) {
        return "convert it to WAV first: ffmpeg -i " + quoted(file.toString()) + " -c:a pcm_s24le "
                + quoted(wavBeside(file).toString());
    }

    /** For lossy formats: the converted file still lacks what the encoder threw away. */
    static String convertFirstLossy(Path file) {
        return convertFirst(file) + " (better: export a WAV from the mix session; this file has lost detail)";
    }

    /** mix.flac -> mix.wav; a file already named .wav -> mix-pcm.wav, so the input is never overwritten. */
    static Path wavBeside(Path file) {
        String name = file.getFileName() == null ? "mix" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        String wavName = extension.equalsIgnoreCase("wav") || extension.equalsIgnoreCase("wave")
                ? stem + "-pcm.wav" : stem + ".wav";
        return file.resolveSibling(wavName);
    }

    private static String quoted(String path) {
        return SHELL_SAFE.matcher(path).matches() ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
