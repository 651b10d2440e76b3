package org.freshears.session;

import java.util.Locale;

/**
 * Album-mode normalization: one gain for every song, so the album's loudness reaches a target while the
 * songs keep their levels against each other (ReplayGain's album gain, Tidal's album normalization).
 *
 * @param targetLufs the album loudness asked for
 * @param ceilingDbtp the true peak no song may pass with the gain
 * @param loudnessBeforeLufs the album's loudness before the gain (every song's master gated together)
 * @param gainDb the gain applied to every song: {@code targetLufs - loudnessBeforeLufs}
 */
public record AlbumGain(double targetLufs, double ceilingDbtp, double loudnessBeforeLufs, double gainDb) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "album gain %+.2f dB: %.2f LUFS -> %.2f LUFS, every song alike"
                + " (true-peak ceiling %.1f dBTP)", gainDb, loudnessBeforeLufs, targetLufs, ceilingDbtp);
    }
}
