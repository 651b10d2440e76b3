/**
 * What a listener writes down and what decides "done": notes, sections, time spans and bands, problem
 * areas with their expectations, metrics (a snapshot's, or the master's through a codec, on a platform, in
 * mono), conditions and verdicts. Values only, no audio.
 *
 * <p>May use {@code measure}, and {@code chain} for the name of a codec ({@code LossyCodec}) only.
 */
package org.freshears.checklist;
