/**
 * Signal-processing kernels: biquads and filter design, FFT, FIR convolution, linear-phase design,
 * oversampling, crossovers, envelopes, decibel conversions.
 *
 * <p>May use nothing of ours.
 */
package org.freshears.dsp;
