package org.freshears.demo;

/**
 * One note of the score, in frames so that playback is sample-exact. An accent marks a hit written to
 * be the loudest of the song (the "peaks near 0 dBFS" problem).
 */
record NoteEvent(int startFrame, int lengthFrames, Part part, int midiNote, double velocity, boolean accent) {
}
