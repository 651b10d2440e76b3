package org.freshears.measure;

import org.freshears.audio.ChannelLayout;
import org.freshears.audio.Speaker;

/**
 * The channel weightings G_i of ITU-R BS.1770-4 Annex 1, Table 3: left, right and centre 1.0
 * (0 dB); left and right surround 1.41 (+1.5 dB); the LFE channel is not included in the measurement.
 */
public final class ChannelWeights {
    /** BS.1770-4 Table 3: G for L, R, C. */
    public static final double FRONT = 1.0;
    /** BS.1770-4 Table 3: G for Ls, Rs (+1.5 dB, printed as 1.41). */
    public static final double SURROUND = 1.41;
    /** BS.1770-4: the LFE channel is excluded. */
    public static final double EXCLUDED = 0.0;

    private ChannelWeights() {
    }

    /**
     * The weight of a loudspeaker position. Table 3 names only L, R, C, Ls, Rs. The back pair
     * (5.1 surrounds at about +-110 degrees) and the side pair (+-90 degrees) are both surrounds: a
     * 5.1 file carries them under either mask bit. Every other position, like an unassigned channel, is
     * weighted 1.0, as a front channel; this matches the position rule BS.1770-4 gives for larger
     * layouts (1.41 only for channels near ear height between 60 and 120 degrees azimuth), as far as
     * we read it: the project's reference sheet quotes Table 3 only, so treat the extension as ours.
     */
    public static double weight(Speaker speaker) {
        return switch (speaker) {
            case LOW_FREQUENCY -> EXCLUDED;
            case BACK_LEFT, BACK_RIGHT, SIDE_LEFT, SIDE_RIGHT -> SURROUND;
            default -> FRONT;
        };
    }

    /** The weight of every channel of a layout, in channel order. */
    public static double[] of(ChannelLayout layout) {
        double[] weights = new double[layout.channels()];
        for (int c = 0; c < weights.length; c++) {
            weights[c] = weight(layout.speaker(c));
        }
        return weights;
    }
}
