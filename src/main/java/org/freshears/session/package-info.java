/**
 * The live model a notebook drives: {@code Session} (the mix, what was heard, the chain of named steps
 * each measured before and after, checks, renders), snapshots, the checklist's verdicts, comparisons,
 * and the {@code Display} a session tells what happened. It knows no file format and draws nothing.
 *
 * <p>May use {@code chain}, {@code checklist}, {@code measure}, {@code audio} and {@code io}, and {@code media}
 * to read a mix or a reference in any format ({@code AudioFiles}).
 */
package org.freshears.session;
