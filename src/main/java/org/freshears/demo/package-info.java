/**
 * The deterministic demo-mix generator: a short song with planted mix flaws (the bundled sample, the
 * benchmark's input).
 *
 * <p>May use {@code audio} and {@code dsp}.
 */
package org.freshears.demo;
