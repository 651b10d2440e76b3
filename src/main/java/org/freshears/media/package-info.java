/**
 * Audio beyond our own WAV code: the {@code ffmpeg} executable, the one external program Fresh Ears may
 * call (found on {@code PATH} or through {@code FRESHEARS_FFMPEG}, started with an argument list and a time
 * limit, its version recorded, its stderr kept for the error). The codec round trips of {@code translation}
 * use it; decoders of compressed formats can.
 *
 * <p>May use {@code audio} and {@code io}.
 */
package org.freshears.media;
