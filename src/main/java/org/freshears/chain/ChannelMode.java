package org.freshears.chain;

/**
 * Which part of the signal a filter works on. STEREO filters every channel alike (any channel count).
 * MID and SIDE work on a stereo pair encoded as {@code M = (L + R) / 2}, {@code S = (L - R) / 2}, filter
 * only that component and decode {@code L = M + S}, {@code R = M - S}; the other component passes
 * unchanged. They need exactly two channels.
 */
public enum ChannelMode {
    STEREO, MID, SIDE
}
