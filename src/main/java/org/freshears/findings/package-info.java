/**
 * The first listen: detectors that read a decoded mix and its analysis and return objective findings
 * (kind, severity, where, the value against its threshold, evidence and a suggestion). They explain and
 * never act: only a notebook applies a step. May use audio, dsp, measure and checklist.
 */
package org.freshears.findings;
