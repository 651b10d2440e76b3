/**
 * Charts, headless, with JFreeChart: spectra, loudness over time, band energy, gain reduction,
 * comparisons; written as PNG and SVG.
 *
 * <p>May use {@code measure}, {@code checklist} and {@code io}.
 */
package org.freshears.plot;
