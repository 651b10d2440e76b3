/**
 * Signal-processing kernels: biquads and filter design, FFT, FIR convolution, linear-phase design,
 * oversampling, sample-rate conversion, crossovers, envelopes, decibel conversions.
 *
 * <p>May use nothing of ours.
 */
package org.freshears.dsp;
