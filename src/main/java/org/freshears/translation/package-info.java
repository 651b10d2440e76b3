/**
 * Translation: how a master survives where people hear it. Streaming platforms' loudness normalization
 * (rules read from a data file, {@code platforms.tsv}, each row with its source and the date checked),
 * codec round trips through ffmpeg (AAC, MP3, Opus, Vorbis: peaks, loudness and what the codec took away),
 * the mono fold-down, and playback systems. It measures with {@code measure}'s meters; it never changes the
 * master.
 *
 * <p>May use {@code audio}, {@code io}, {@code dsp}, {@code measure}, {@code chain} and {@code media}.
 */
package org.freshears.translation;
