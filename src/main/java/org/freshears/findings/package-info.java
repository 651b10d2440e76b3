/**
 * The first listen: detectors, each a pure function of a decoded mix and its analysis, return findings
 * (kind, severity, where, value against threshold, evidence, suggestion); thresholds and the tonal target
 * are named in one table. Explains, never acts.
 *
 * <p>May use {@code audio}, {@code dsp}, {@code measure} and {@code checklist}.
 */
package org.freshears.findings;
