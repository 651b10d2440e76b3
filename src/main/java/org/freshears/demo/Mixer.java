package org.freshears.demo;

import java.util.List;
import org.freshears.dsp.Biquad;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.DelayLine;
import org.freshears.dsp.FilterDesign;

/**
 * Plays the score through the instruments and mixes them to stereo, the way the song's (imaginary)
 * home mixer did, flaws included ({@link MixFlaws}: a low-mid bell on bass and chords, a harsh bell on the
 * cymbals). Rendering goes in chunks that end at every note
 * start and section change, so every event lands on its exact frame and the result does not depend
 * on the chunk size.
 */
final class Mixer {
    /** Chunk length when no event comes sooner; any length gives the same bits (see the tests). */
    static final int DEFAULT_CHUNK_FRAMES = 1024;

    // Bus levels, set by ear for a plausible home mix before the planted flaws.
    private static final double KICK_GAIN = 0.7;
    private static final double SNARE_GAIN = 0.55;
    private static final double HAT_GAIN = 0.10;
    private static final double CRASH_GAIN = 0.2;
    private static final double RIDE_GAIN = 0.16;
    private static final double BASS_GAIN = 0.46;
    private static final double PAD_GAIN = 0.12;
    private static final double LEAD_GAIN = 0.38;
    private static final double ECHO_SEND = 0.3;
    private static final double ECHO_FEEDBACK = 0.35;

    // Pan positions in [-1, 1]: kick, snare, bass and lead centred; hats right, ride left, as an
    // audience hears a right-handed kit.
    private static final double HAT_PAN = 0.35;
    private static final double RIDE_PAN = -0.35;
    private static final double CRASH_PAN = -0.2;
    private static final double SNARE_PAN = 0.05;

    private final double sampleRate;
    private final int chunkFrames;
    private final Kick kick;
    private final Snare snare;
    private final HiHat hats;
    private final Cymbal crash;
    private final Cymbal ride;
    private final Bass bass;
    private final Pad pad;
    private final Lead lead;

    private final double[] kickBus;
    private final double[] snareBus;
    private final double[] hatBus;
    private final double[] crashBus;
    private final double[] rideBus;
    private final double[] bassBus;
    private final double[] padLeft;
    private final double[] padRight;
    private final double[] leadBus;

    private final Biquad bassMud;
    private final Biquad padMudLeft;
    private final Biquad padMudRight;
    private final Biquad padToneLeft;
    private final Biquad padToneRight;
    private final Biquad crashHarshBell;
    private final Biquad rideHarshBell;
    private final DelayLine echoLeft;
    private final DelayLine echoRight;
    private float echoLeftOut;
    private float echoRightOut;

    private final double gainSmoothing;
    private double sectionGain;
    private double sectionGainTarget;

    Mixer(double sampleRate, long seed, MixFlaws flaws, int chunkFrames) {
        this(sampleRate, seed, flaws, chunkFrames, DemoTune.NIGHT_DRIVE);
    }

    Mixer(double sampleRate, long seed, MixFlaws flaws, int chunkFrames, DemoTune tune) {
        this.sampleRate = sampleRate;
        this.chunkFrames = chunkFrames;
        this.kickBus = new double[chunkFrames];
        this.snareBus = new double[chunkFrames];
        this.hatBus = new double[chunkFrames];
        this.crashBus = new double[chunkFrames];
        this.rideBus = new double[chunkFrames];
        this.bassBus = new double[chunkFrames];
        this.padLeft = new double[chunkFrames];
        this.padRight = new double[chunkFrames];
        this.leadBus = new double[chunkFrames];
        // Each noise source gets its own stream so changing one instrument leaves the others' bits alone.
        this.kick = new Kick(sampleRate, seed ^ 0x1L);
        this.snare = new Snare(sampleRate, seed ^ 0x2L);
        this.hats = new HiHat(sampleRate, seed ^ 0x3L);
        this.crash = new Cymbal(sampleRate, seed ^ 0x4L, 1.0, 0.9, 0.6);
        this.ride = new Cymbal(sampleRate, seed ^ 0x5L, 1.9, 0.3, 0.25);
        this.bass = new Bass(sampleRate);
        this.pad = new Pad(sampleRate);
        this.lead = new Lead(sampleRate);
        BiquadCoefficients mud = FilterDesign.peaking(flaws.mudFreqHz(), flaws.mudGainDb(), flaws.mudQ(), sampleRate);
        this.bassMud = new Biquad(mud);
        this.padMudLeft = new Biquad(mud);
        this.padMudRight = new Biquad(mud);
        this.padToneLeft = new Biquad(FilterDesign.lowPass(2_000, 0.8, sampleRate));
        this.padToneRight = new Biquad(FilterDesign.lowPass(2_000, 0.8, sampleRate));
        BiquadCoefficients harsh = FilterDesign.peaking(flaws.harshFreqHz(), flaws.harshGainDb(), flaws.harshQ(),
                sampleRate);
        this.crashHarshBell = new Biquad(harsh);
        this.rideHarshBell = new Biquad(harsh);
        // A dotted-eighth echo (3/4 of a beat), the classic pop lead delay.
        int echoFrames = (int) Math.round(0.75 * tune.beatSeconds() * sampleRate);
        this.echoLeft = new DelayLine(echoFrames);
        this.echoRight = new DelayLine(echoFrames);
        // 50 ms smoothing: section level changes ramp like a fader move instead of stepping (no click).
        this.gainSmoothing = NoteEnvelope.decayPerSample(sampleRate, 0.05);
    }

    /** How loud each section is played, and how open the pad's filter is (the chorus opens up). */
    private record SectionSound(double gain, double padCutoffHz) {
    }

    private static SectionSound sound(SectionKind kind) {
        return switch (kind) {
            case INTRO -> new SectionSound(1.0, 1_500);
            case VERSE -> new SectionSound(1.0, 2_200);
            case CHORUS -> new SectionSound(1.25, 4_500);
            case OUTRO -> new SectionSound(0.9, 1_500);
        };
    }

    /** The stereo mix, before the final peak normalisation. */
    float[][] render(List<NoteEvent> events, List<SongSection> sections, int totalFrames) {
        float[][] out = new float[2][totalFrames];
        int[] sectionStarts = new int[sections.size()];
        for (int s = 0; s < sectionStarts.length; s++) {
            sectionStarts[s] = (int) Math.round(sections.get(s).startSeconds() * sampleRate);
        }
        SongSection last = sections.get(sections.size() - 1);
        int fadeStart = last.kind() == SectionKind.OUTRO ? sectionStarts[sectionStarts.length - 1] : totalFrames;
        sectionGain = sound(sections.get(0).kind()).gain();

        int nextEvent = 0;
        int nextSection = 0;
        int pos = 0;
        while (pos < totalFrames) {
            while (nextSection < sectionStarts.length && sectionStarts[nextSection] <= pos) {
                enter(sections.get(nextSection++));
            }
            while (nextEvent < events.size() && events.get(nextEvent).startFrame() <= pos) {
                trigger(events.get(nextEvent++));
            }
            int end = Math.min(totalFrames, pos + chunkFrames);
            if (nextEvent < events.size()) {
                end = Math.min(end, events.get(nextEvent).startFrame());
            }
            if (nextSection < sectionStarts.length) {
                end = Math.min(end, sectionStarts[nextSection]);
            }
            renderChunk(out, pos, end - pos, fadeStart, totalFrames);
            pos = end;
        }
        return out;
    }

    private void enter(SongSection section) {
        SectionSound sound = sound(section.kind());
        sectionGainTarget = sound.gain();
        padToneLeft.setCoefficients(FilterDesign.lowPass(sound.padCutoffHz(), 0.8, sampleRate));
        padToneRight.setCoefficients(FilterDesign.lowPass(sound.padCutoffHz(), 0.8, sampleRate));
    }

    private void trigger(NoteEvent note) {
        switch (note.part()) {
            case KICK -> kick.trigger(note);
            case SNARE -> snare.trigger(note);
            case CLOSED_HAT, OPEN_HAT -> hats.trigger(note);
            case CRASH -> crash.trigger(note);
            case RIDE -> ride.trigger(note);
            case BASS -> bass.trigger(note);
            case CHORD -> pad.trigger(note);
            case LEAD -> lead.trigger(note);
        }
    }

    private void renderChunk(float[][] out, int offset, int frames, int fadeStart, int totalFrames) {
        clear(frames, kickBus, snareBus, hatBus, crashBus, rideBus, bassBus, padLeft, padRight, leadBus);
        kick.render(kickBus, frames);
        snare.render(snareBus, frames);
        hats.render(hatBus, frames);
        crash.render(crashBus, frames);
        ride.render(rideBus, frames);
        bass.render(bassBus, frames);
        pad.render(padLeft, padRight, frames);
        lead.render(leadBus, frames);

        double hatL = HAT_GAIN * PanLaw.left(HAT_PAN);
        double hatR = HAT_GAIN * PanLaw.right(HAT_PAN);
        double rideL = RIDE_GAIN * PanLaw.left(RIDE_PAN);
        double rideR = RIDE_GAIN * PanLaw.right(RIDE_PAN);
        double crashL = CRASH_GAIN * PanLaw.left(CRASH_PAN);
        double crashR = CRASH_GAIN * PanLaw.right(CRASH_PAN);
        double snareL = SNARE_GAIN * PanLaw.left(SNARE_PAN);
        double snareR = SNARE_GAIN * PanLaw.right(SNARE_PAN);
        double centre = PanLaw.left(0);
        float[] left = out[0];
        float[] right = out[1];
        for (int i = 0; i < frames; i++) {
            double crashHarsh = crashHarshBell.process(crashBus[i]);
            double rideHarsh = rideHarshBell.process(rideBus[i]);
            double mono = centre * (KICK_GAIN * kickBus[i] + BASS_GAIN * bassMud.process(bassBus[i])
                    + LEAD_GAIN * leadBus[i]);
            double padL = PAD_GAIN * padMudLeft.process(padToneLeft.process(padLeft[i]));
            double padR = PAD_GAIN * padMudRight.process(padToneRight.process(padRight[i]));
            echoLeftOut = echoLeft.process((float) (ECHO_SEND * LEAD_GAIN * leadBus[i] + ECHO_FEEDBACK * echoRightOut));
            echoRightOut = echoRight.process(echoLeftOut);
            double l = mono + padL + snareL * snareBus[i] + hatL * hatBus[i] + crashL * crashHarsh + rideL * rideHarsh
                    + echoLeftOut;
            double r = mono + padR + snareR * snareBus[i] + hatR * hatBus[i] + crashR * crashHarsh + rideR * rideHarsh
                    + echoRightOut;

            sectionGain = sectionGainTarget + (sectionGain - sectionGainTarget) * gainSmoothing;
            double gain = sectionGain * fade(offset + i, fadeStart, totalFrames);
            left[offset + i] = (float) (gain * l);
            right[offset + i] = (float) (gain * r);
        }
    }

    /** A squared (slow-then-fast, roughly linear in dB at first) fade across the outro to silence. */
    private static double fade(int frame, int fadeStart, int totalFrames) {
        if (frame < fadeStart) {
            return 1;
        }
        double remaining = (totalFrames - frame) / (double) (totalFrames - fadeStart);
        return remaining * remaining;
    }

    private static void clear(int frames, double[]... buses) {
        for (double[] bus : buses) {
            java.util.Arrays.fill(bus, 0, frames, 0);
        }
    }
}
