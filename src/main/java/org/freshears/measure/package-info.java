/**
 * Measurements to the letter: loudness and loudness range (ITU-R BS.1770-4, EBU Tech 3341/3342), true
 * peak, levels, spectrum, band energy, and {@code Analysis}, all of them on one buffer.
 *
 * <p>May use {@code dsp} and {@code audio}.
 */
package org.freshears.measure;
