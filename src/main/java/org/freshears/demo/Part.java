package org.freshears.demo;

/** The instruments of the arrangement, one score line each. */
enum Part {
    KICK, SNARE, CLOSED_HAT, OPEN_HAT, CRASH, RIDE, BASS, CHORD, LEAD
}
