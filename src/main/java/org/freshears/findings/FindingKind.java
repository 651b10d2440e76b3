package org.freshears.findings;

import java.util.Locale;

/**
 * The closed list of what a first listen looks for. Each kind's {@link #jsonName} is part of the JSON
 * format of {@code freshears listen}.
 */
public enum FindingKind {
    // level and headroom
    CLIPPING,
    TRUE_PEAK_OVER,
    NO_HEADROOM,
    OVER_COMPRESSED,
    SECTION_LOUDNESS_SPREAD,
    // tone
    LOW_END_EXCESS,
    THIN_LOW_END,
    LOW_MID_BUILDUP,
    HARSHNESS,
    SIBILANCE,
    DULL_TOP,
    RESONANCE,
    // stereo and mono
    MONO_BASS,
    PHASE_CANCELLATION,
    CHANNEL_IMBALANCE,
    NARROW_STEREO,
    POLARITY,
    // technical quality control
    DC_OFFSET,
    CLICK,
    HUM,
    SILENCE_GAP,
    ABRUPT_END,
    LEADING_SILENCE;

    /** {@code low-mid-buildup} for {@link #LOW_MID_BUILDUP}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind with this JSON name. */
    public static FindingKind fromJsonName(String name) {
        for (FindingKind kind : values()) {
            if (kind.jsonName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no finding kind named '" + name + "'");
    }
}
