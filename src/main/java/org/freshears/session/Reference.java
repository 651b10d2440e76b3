package org.freshears.session;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.freshears.audio.Decoding;
import org.freshears.checklist.TimeSpan;
import org.freshears.measure.Analysis;

/**
 * A reference track ({@code s.reference("refs/song.flac")}): a record the user loves, measured like the mix
 * (or just a span of it: the chorus), to compare the mix and the master with at matched loudness. Keeps the
 * measurements, not the audio (the player's listening file is written when it is read).
 *
 * @see Session#reference(String)
 */
public final class Reference {
    /** The prefix of a reference's key, as the player and comparisons name it ("reference:song"). */
    public static final String KEY_PREFIX = "reference:";

    private final String name;
    private final String path;
    private final String sha256;
    private final TimeSpan span;
    private final double fileSeconds;
    private final Decoding decoding;
    private final Analysis analysis;

    /**
     * @param name        the file's name without its extension, made unique in the session
     * @param path        the path as the notebook gave it
     * @param sha256      of the file's bytes as read (lowercase hex)
     * @param span        the part measured, in the file's time, or null for the whole file
     * @param fileSeconds the whole file's length
     * @param decoding    the file format and the decoder that read it
     * @param analysis    the reference (or its span) measured as the mix is, with {@link Analysis#of}
     */
    public Reference(String name, String path, String sha256, TimeSpan span, double fileSeconds, Decoding decoding,
            Analysis analysis) {
        this.name = Objects.requireNonNull(name, "name");
        this.path = Objects.requireNonNull(path, "path");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.span = span;
        this.fileSeconds = fileSeconds;
        this.decoding = Objects.requireNonNull(decoding, "decoding");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
    }

    /** The file's name without its extension, made unique in the session ("song", "song 2"). */
    public String name() {
        return name;
    }

    /** "reference:" + name: the key of the player's button and of a comparison's side. */
    public String key() {
        return KEY_PREFIX + name;
    }

    /** The path as the notebook gave it (found like the mix: relative to the notebook's folder). */
    public String path() {
        return path;
    }

    /** SHA-256 of the file's bytes as read (lowercase hex). */
    public String sha256() {
        return sha256;
    }

    /** The part of the file measured (the chorus), or empty for the whole file. */
    public Optional<TimeSpan> span() {
        return Optional.ofNullable(span);
    }

    /** The whole file's length in seconds (the span lies inside it). */
    public double fileSeconds() {
        return fileSeconds;
    }

    public Decoding decoding() {
        return decoding;
    }

    /** The reference, or its span, measured as the mix is (loudness, true peak, levels, long-term spectrum). */
    public Analysis analysis() {
        return analysis;
    }

    /** As a snapshot, so comparisons and the player treat it like any version (no problem levels). */
    public Snapshot snapshot() {
        return new Snapshot(key(), analysis, java.util.Map.of());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "reference '%s' (%s%s, %s): %.1f LUFS, %.1f dBTP, LRA %.1f LU, PSR %.1f dB",
                name, path, span == null ? "" : " " + span, decoding.fileFormat(), analysis.integratedLufs(),
                analysis.truePeakDbtp(), analysis.loudnessRangeLu(), analysis.psrDb());
    }
}
