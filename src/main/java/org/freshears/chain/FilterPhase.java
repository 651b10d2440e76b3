package org.freshears.chain;

/**
 * How an EQ step realises its response. IIR runs the biquad cascade itself: no latency, with the phase
 * shift an analog equaliser would have. LINEAR runs a long symmetric FIR with the same magnitude and a
 * pure delay instead of phase shift (no phase smear, at the cost of pre-ringing and latency, which the
 * renderer compensates).
 */
public enum FilterPhase {
    IIR, LINEAR
}
