package org.freshears.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Which loudspeaker each channel feeds. Taken from the WAVE_FORMAT_EXTENSIBLE mask when a file has
 * one, otherwise the conventional order for the channel count (the WAV / SMPTE order L, R, C, LFE,
 * Ls, Rs that BS.1770 and most tools assume).
 */
public record ChannelLayout(List<Speaker> speakers) {

    public ChannelLayout {
        speakers = List.copyOf(speakers);
        if (speakers.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one channel");
        }
    }

    public int channels() {
        return speakers.size();
    }

    public Speaker speaker(int channel) {
        return speakers.get(channel);
    }

    /** The conventional layout for a channel count when the file says nothing more. */
    public static ChannelLayout standard(int channels) {
        Speaker[] order = switch (channels) {
            case 1 -> new Speaker[] {Speaker.FRONT_CENTER};
            case 2 -> new Speaker[] {Speaker.FRONT_LEFT, Speaker.FRONT_RIGHT};
            case 3 -> new Speaker[] {Speaker.FRONT_LEFT, Speaker.FRONT_RIGHT, Speaker.FRONT_CENTER};
            case 4 -> new Speaker[] {Speaker.FRONT_LEFT, Speaker.FRONT_RIGHT, Speaker.BACK_LEFT, Speaker.BACK_RIGHT};
            case 5 -> new Speaker[] {Speaker.FRONT_LEFT, Speaker.FRONT_RIGHT, Speaker.FRONT_CENTER,
                    Speaker.BACK_LEFT, Speaker.BACK_RIGHT};
            case 6 -> new Speaker[] {Speaker.FRONT_LEFT, Speaker.FRONT_RIGHT, Speaker.FRONT_CENTER,
                    Speaker.LOW_FREQUENCY, Speaker.BACK_LEFT, Speaker.BACK_RIGHT};
            case 7 -> new Speaker[] {Speaker.FRONT_LEFT, Speaker.FRONT_RIGHT, Speaker.FRONT_CENTER,
                    Speaker.LOW_FREQUENCY, Speaker.BACK_CENTER, Speaker.SIDE_LEFT, Speaker.SIDE_RIGHT};
            case 8 -> new Speaker[] {Speaker.FRONT_LEFT, Speaker.FRONT_RIGHT, Speaker.FRONT_CENTER,
                    Speaker.LOW_FREQUENCY, Speaker.BACK_LEFT, Speaker.BACK_RIGHT, Speaker.SIDE_LEFT,
                    Speaker.SIDE_RIGHT};
            default -> throw new IllegalArgumentException("1 to 8 channels are supported, got " + channels);
        };
        return new ChannelLayout(List.of(order));
    }

    /**
     * The layout a WAVE_FORMAT_EXTENSIBLE mask gives: set bits in ascending order feed the channels in
     * turn; channels beyond the set bits are {@link Speaker#UNASSIGNED}; bits beyond the channel count
     * are ignored (as the Microsoft specification says). A zero mask means "no positions": the standard
     * layout is used.
     */
    public static ChannelLayout fromMask(int channels, int mask) {
        if (mask == 0) {
            return standard(channels);
        }
        List<Speaker> list = new ArrayList<>(channels);
        Speaker[] all = Speaker.values();
        for (int bit = 0; bit < all.length - 1 && list.size() < channels; bit++) {
            if ((mask & (1 << bit)) != 0) {
                list.add(all[bit]);
            }
        }
        while (list.size() < channels) {
            list.add(Speaker.UNASSIGNED);
        }
        return new ChannelLayout(list);
    }

    /** The WAVE_FORMAT_EXTENSIBLE mask of this layout. */
    public int mask() {
        int mask = 0;
        for (Speaker s : speakers) {
            mask |= s.maskBit();
        }
        return mask;
    }
}
