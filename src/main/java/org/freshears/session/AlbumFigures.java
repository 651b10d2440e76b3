package org.freshears.session;

import java.util.List;
import org.freshears.checklist.AlbumMetric;

/**
 * An album's figures, measured on every song's master as it stands.
 *
 * @param integratedLufs the album's loudness: BS.1770-4 gating over all the songs' 400 ms blocks together
 *     ({@link org.freshears.measure.LoudnessMeter#integratedLufs(List)})
 * @param loudnessSpreadLu the loudest song's integrated loudness minus the quietest's
 * @param truePeakDbtp the highest true peak of any song
 * @param songs each song's own figures, in running order
 */
public record AlbumFigures(double integratedLufs, double loudnessSpreadLu, double truePeakDbtp, List<SongFigures> songs) {
    public AlbumFigures {
        songs = List.copyOf(songs);
    }

    /** One song's master: the figures a mastering engineer compares across an album. */
    public record SongFigures(int number, String title, double integratedLufs, double truePeakDbtp,
            double loudnessRangeLu, double psrDb, boolean checklistDone, long checklistDoneCount, int checklistSize) {
    }

    public double valueOf(AlbumMetric metric) {
        return switch (metric) {
            case INTEGRATED_LUFS -> integratedLufs;
            case LOUDNESS_SPREAD_LU -> loudnessSpreadLu;
            case TRUE_PEAK_DBTP -> truePeakDbtp;
        };
    }
}
