/**
 * Audio beyond our own readers: {@code AudioFiles}, the one door through which a user's audio is read (WAV,
 * FLAC and AIFF by {@code audio}'s readers; MP3, AAC/M4A, Ogg Vorbis and Opus and the other formats of
 * {@code EncodedFormat} decoded by ffmpeg, chosen by content), and the {@code ffmpeg} executable, the one
 * external program Fresh Ears may call (found on {@code PATH} or through {@code FRESHEARS_FFMPEG}, started
 * with an argument list and a time limit, its version recorded, its stderr kept for the error). The codec
 * round trips of {@code translation} use it too.
 *
 * <p>May use {@code audio} and {@code io}.
 */
package org.freshears.media;
