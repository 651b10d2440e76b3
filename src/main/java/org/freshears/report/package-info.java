/**
 * The run's self-contained HTML report, and the session's charts drawn from what the session measured.
 *
 * <p>May use {@code session}, {@code plot}, {@code checklist}, {@code chain}, {@code measure},
 * {@code audio} and {@code io}.
 */
package org.freshears.report;
