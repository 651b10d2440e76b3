/**
 * Audio as data and as files: {@code AudioBuffer} (planar float, sample rate, channel layout), the WAV
 * reader (RIFF/WAVE, RF64, every PCM and float format), the native FLAC and AIFF/AIFF-C readers
 * ({@code AudioReader} picks one by the file's first bytes), the WAV writer (with seeded TPDF dither and noise
 * shaping), and the seeded random generators behind the dither.
 *
 * <p>May use {@code io} only.
 */
package org.freshears.audio;
