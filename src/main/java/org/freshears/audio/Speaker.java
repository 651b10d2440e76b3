package org.freshears.audio;

/**
 * Loudspeaker positions in the order and with the bits of the WAVE_FORMAT_EXTENSIBLE channel mask
 * (Microsoft, "Multiple channel audio data and WAVE files": SPEAKER_FRONT_LEFT = 0x1 ...).
 */
public enum Speaker {
    FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER, LOW_FREQUENCY, BACK_LEFT, BACK_RIGHT,
    FRONT_LEFT_OF_CENTER, FRONT_RIGHT_OF_CENTER, BACK_CENTER, SIDE_LEFT, SIDE_RIGHT,
    TOP_CENTER, TOP_FRONT_LEFT, TOP_FRONT_CENTER, TOP_FRONT_RIGHT, TOP_BACK_LEFT, TOP_BACK_CENTER,
    TOP_BACK_RIGHT,
    /** A channel the file's mask leaves unassigned. */
    UNASSIGNED;

    /** The channel-mask bit of this position (0 for {@link #UNASSIGNED}). */
    public int maskBit() {
        return this == UNASSIGNED ? 0 : 1 << ordinal();
    }
}
