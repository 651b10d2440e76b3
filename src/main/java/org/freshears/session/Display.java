package org.freshears.session;

/**
 * Where a session tells what happened, as it happens: a notebook cell's outputs (charts drawn by a layer
 * above, which knows how to draw), a terminal, or nowhere. The session only announces; it draws nothing.
 */
public interface Display {
    Display NONE = new Display() {
    };

    /** A session opened its mix and measured it. */
    default void opened(Session session) {
    }

    /** A problem area was written down (and measured in the mix). */
    default void problemAdded(Session session, Problem problem) {
    }

    /** The master as it stands was written to a file. */
    default void rendered(Session session, RenderRecord render) {
    }

    /** A step ran and its output was measured. */
    default void stepRan(Session session, StepRun step) {
    }

    /** A comparison was made ({@code s.compare(a, b)}). */
    default void compared(Session session, Comparison comparison) {
    }

    /** A version was asked to be heard ({@code s.play(...)}). */
    default void played(Session session, Playback playback) {
    }

    /**
     * A reference track was read and measured ({@code s.reference(...)}); its audio (the span, if one was
     * given) is at hand only now, for whoever keeps a listening copy of it.
     */
    default void referenced(Session session, Reference reference, org.freshears.audio.AudioBuffer audio) {
    }

    /** A line for the user: a warning about the mix, clipped samples in a render. */
    default void text(String text) {
    }

    /**
     * The notebook is done with its sessions (a kernel's notebook closing): what the display still does for them
     * in the background (a step's listening file being written) is done when this returns.
     */
    default void finished() {
    }
}
