/**
 * What a listener writes down and what decides "done": notes, sections, time spans and bands, problem
 * areas with their expectations, metrics, conditions and verdicts. Values only, no audio.
 *
 * <p>May use {@code measure} only.
 */
package org.freshears.checklist;
