/**
 * The mastering chain: step records (immutable, validated settings, what a session file saves), their
 * processors (the running state, {@code prepare / process / reset}), and {@code Renderer}, the one chain
 * runner that resolves adaptive steps, applies every step latency-compensated and shows each processor to
 * a {@code ChainObserver} (gain-reduction traces, progress); {@code RateConversion}, a finished master to a
 * delivery sample rate. On the render path: plain IEEE arithmetic and
 * {@code StrictMath} only, so renders are bit-identical on every JDK.
 *
 * <p>May use {@code dsp}, {@code audio} and {@code measure}.
 */
package org.freshears.chain;
