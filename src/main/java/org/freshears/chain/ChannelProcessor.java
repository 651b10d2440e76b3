package org.freshears.chain;

/**
 * A processor that treats every channel alike and independently, so it can be pointed at one component
 * of an M/S encode by {@link MidSideProcessor}. It says, once prepared, whether its settings make it an
 * exact pass-through: then the adaptor skips the encode and decode too, and the step is bit-neutral.
 */
interface ChannelProcessor extends Processor {

    /** After prepare(): true when process() leaves the audio exactly as it is. */
    boolean passesThrough();
}
