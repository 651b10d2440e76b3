package org.freshears.findings;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.checklist.Band;
import org.freshears.checklist.TimeSpan;
import org.freshears.dsp.Biquad;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.FilterDesign;

/**
 * One problem planted into a clean mix: what kind it should be found as, where (span and band; null for the
 * whole song or spectrum), the kinds it implies (a polarity flip also cancels in mono), and how it is made.
 */
record Plant(FindingKind kind, TimeSpan span, Band band, Set<FindingKind> implied, UnaryOperator<AudioBuffer> apply) {

    static final double FROM = 8;
    static final double TO = 20;

    /** One plant per kind, each made by hand the way the fault happens in a real mix. */
    static List<Plant> all() {
        TimeSpan mid = new TimeSpan(FROM, TO);
        return List.of(
                new Plant(FindingKind.CLIPPING, new TimeSpan(10, 10.5), null, Set.of(FindingKind.NO_HEADROOM,
                        FindingKind.TRUE_PEAK_OVER), m -> clip(m, 10, 10.5)),
                new Plant(FindingKind.TRUE_PEAK_OVER, null, null, Set.of(FindingKind.NO_HEADROOM),
                        m -> scaleToPeak(m, -0.01)),
                new Plant(FindingKind.NO_HEADROOM, null, null, Set.of(), m -> scaleToPeak(m, -0.5)),
                new Plant(FindingKind.OVER_COMPRESSED, null, null, Set.of(FindingKind.NO_HEADROOM,
                        FindingKind.TRUE_PEAK_OVER), Plant::squash),
                new Plant(FindingKind.SECTION_LOUDNESS_SPREAD, mid, null, Set.of(),
                        m -> gain(gain(m, 0, FROM, -8), TO, m.durationSeconds(), -8)),
                new Plant(FindingKind.LOW_END_EXCESS, null, new Band(20, 120), Set.of(),
                        m -> scaleToPeak(filter(m, 0, m.durationSeconds(),
                                FilterDesign.lowShelf(100, 18, 0.7, m.sampleRate())), 20 * Math.log10(peak(m)))),
                new Plant(FindingKind.THIN_LOW_END, null, new Band(20, 120), Set.of(), Plant::highPass),
                new Plant(FindingKind.LOW_MID_BUILDUP, mid, new Band(180, 500), Set.of(),
                        m -> filter(m, FROM, TO, FilterDesign.peaking(300, 9, 1.4, m.sampleRate()))),
                new Plant(FindingKind.HARSHNESS, mid, new Band(2500, 7000), Set.of(),
                        m -> filter(m, FROM, TO, FilterDesign.peaking(4000, 9, 1.0, m.sampleRate()))),
                new Plant(FindingKind.SIBILANCE, null, new Band(5000, 10000), Set.of(FindingKind.HARSHNESS),
                        Plant::esses),
                new Plant(FindingKind.DULL_TOP, null, new Band(10000, 20000), Set.of(), Plant::lowPass),
                new Plant(FindingKind.RESONANCE, null, new Band(2800, 3200), Set.of(),
                        m -> filter(m, 0, m.durationSeconds(), FilterDesign.peaking(3000, 20, 12, m.sampleRate()))),
                new Plant(FindingKind.MONO_BASS, null, new Band(20, 150), Set.of(), Plant::wideBass),
                new Plant(FindingKind.PHASE_CANCELLATION, null, new Band(700, 1400), Set.of(),
                        m -> flipBandOfRight(m, 1000)),
                new Plant(FindingKind.CHANNEL_IMBALANCE, null, null, Set.of(), m -> channelGain(m, 0, -3)),
                new Plant(FindingKind.NARROW_STEREO, null, null, Set.of(), Plant::mono),
                new Plant(FindingKind.POLARITY, null, null, Set.of(FindingKind.MONO_BASS,
                        FindingKind.PHASE_CANCELLATION, FindingKind.LOW_END_EXCESS, FindingKind.THIN_LOW_END),
                        m -> channelGain(m, 1, Double.NaN)),
                new Plant(FindingKind.DC_OFFSET, null, null, Set.of(), m -> offset(m, 0.01)),
                new Plant(FindingKind.CLICK, new TimeSpan(12.3, 12.4), null, Set.of(), m -> click(m, 12.345)),
                new Plant(FindingKind.HUM, null, new Band(45, 165), Set.of(), Plant::hum),
                new Plant(FindingKind.SILENCE_GAP, new TimeSpan(10, 10.5), null, Set.of(FindingKind.CLICK), m -> gain(m, 10, 10.5,
                        Double.NEGATIVE_INFINITY)),
                new Plant(FindingKind.ABRUPT_END, new TimeSpan(19.9, 20), null, Set.of(), m -> cut(m, 20)),
                new Plant(FindingKind.LEADING_SILENCE, new TimeSpan(0, 2), null, Set.of(), m -> prepend(m, 2)));
    }

    static float[][] copy(AudioBuffer m) {
        float[][] x = new float[m.channels()][];
        for (int c = 0; c < x.length; c++) {
            x[c] = m.channel(c).clone();
        }
        return x;
    }

    static AudioBuffer of(float[][] x, AudioBuffer like) {
        return new AudioBuffer(x, like.sampleRate(), ChannelLayout.standard(x.length));
    }

    static double peak(AudioBuffer m) {
        double p = 0;
        for (int c = 0; c < m.channels(); c++) {
            for (float v : m.channel(c)) {
                p = Math.max(p, Math.abs(v));
            }
        }
        return p;
    }

    static AudioBuffer scaleToPeak(AudioBuffer m, double peakDbfs) {
        return gain(m, 0, m.durationSeconds(), peakDbfs - 20 * Math.log10(peak(m)));
    }

    /** Gain (dB; −∞ for digital silence) over [from, to). */
    static AudioBuffer gain(AudioBuffer m, double from, double to, double gainDb) {
        float[][] x = copy(m);
        double g = Double.isInfinite(gainDb) ? 0 : Math.pow(10, gainDb / 20);
        int a = (int) (from * m.sampleRate());
        int b = Math.min(m.frames(), (int) (to * m.sampleRate()));
        for (float[] ch : x) {
            for (int i = a; i < b; i++) {
                ch[i] = (float) (ch[i] * g);
            }
        }
        return of(x, m);
    }

    /** +20 dB into a hard ±1 clip over [from, to), as an overdriven master fader would. */
    static AudioBuffer clip(AudioBuffer m, double from, double to) {
        AudioBuffer louder = gain(m, from, to, 20);
        float[][] x = copy(louder);
        for (float[] ch : x) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = Math.max(-1f, Math.min(1f, ch[i]));
            }
        }
        return of(x, m);
    }

    /** A brick-wall-ish squash: 12 dB of drive into a soft clipper, then back to a -0.3 dBFS peak. */
    static AudioBuffer squash(AudioBuffer m) {
        float[][] x = copy(scaleToPeak(m, 12));
        for (float[] ch : x) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = (float) Math.tanh(ch[i]);
            }
        }
        return scaleToPeak(of(x, m), -0.3);
    }

    static AudioBuffer filter(AudioBuffer m, double from, double to, BiquadCoefficients c) {
        float[][] x = copy(m);
        int a = (int) (from * m.sampleRate());
        int b = Math.min(m.frames(), (int) (to * m.sampleRate()));
        for (float[] ch : x) {
            new Biquad(c).process(ch, a, b - a);
        }
        return of(x, m);
    }

    static AudioBuffer highPass(AudioBuffer m) {
        AudioBuffer out = m;
        for (BiquadCoefficients c : FilterDesign.butterworthHighPass(250, 4, m.sampleRate())) {
            out = filter(out, 0, m.durationSeconds(), c);
        }
        return out;
    }

    static AudioBuffer lowPass(AudioBuffer m) {
        AudioBuffer out = m;
        for (BiquadCoefficients c : FilterDesign.butterworthLowPass(5000, 8, m.sampleRate())) {
            out = filter(out, 0, m.durationSeconds(), c);
        }
        return out;
    }

    /** A hissed 's' every half second: 80 ms of band-passed noise at 6.5 kHz, loud. */
    static AudioBuffer esses(AudioBuffer m) {
        float[][] x = copy(m);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        Biquad bp = new Biquad(FilterDesign.bandPass(6500, 2, m.sampleRate()));
        int period = m.sampleRate() / 2;
        int length = (int) (0.08 * m.sampleRate());
        for (int start = period; start + length < m.frames(); start += period) {
            for (int i = 0; i < length; i++) {
                double envelope = Math.sin(Math.PI * i / length);
                float s = (float) (0.5 * envelope * bp.process(random.nextDouble(-1, 1)));
                x[0][start + i] += s;
                x[1][start + i] += s;
            }
        }
        return of(x, m);
    }

    /** Low end that differs between the speakers: a 70 Hz tone in the side only (as a stereo-widened sub). */
    static AudioBuffer wideBass(AudioBuffer m) {
        float[][] x = copy(m);
        for (int i = 0; i < m.frames(); i++) {
            float side = (float) (0.03 * Math.sin(2 * Math.PI * 70 * i / m.sampleRate()));
            x[0][i] += side;
            x[1][i] -= side;
        }
        return of(x, m);
    }

    /** The right channel's polarity flipped in one octave (an all-pass-free band flip: x − 2·bandpass(x)). */
    static AudioBuffer flipBandOfRight(AudioBuffer m, double centreHz) {
        float[][] x = copy(m);
        Biquad bp = new Biquad(FilterDesign.bandPass(centreHz, 0.7, m.sampleRate()));
        for (int i = 0; i < m.frames(); i++) {
            x[1][i] = (float) (x[1][i] - 2 * bp.process(x[1][i]));
        }
        return of(x, m);
    }

    /** A channel's gain in dB, or NaN for a polarity flip. */
    static AudioBuffer channelGain(AudioBuffer m, int channel, double gainDb) {
        float[][] x = copy(m);
        double g = Double.isNaN(gainDb) ? -1 : Math.pow(10, gainDb / 20);
        for (int i = 0; i < m.frames(); i++) {
            x[channel][i] = (float) (x[channel][i] * g);
        }
        return of(x, m);
    }

    static AudioBuffer mono(AudioBuffer m) {
        float[][] x = copy(m);
        for (int i = 0; i < m.frames(); i++) {
            float v = 0.5f * (x[0][i] + x[1][i]);
            x[0][i] = v;
            x[1][i] = v;
        }
        return of(x, m);
    }

    static AudioBuffer offset(AudioBuffer m, double dc) {
        float[][] x = copy(m);
        for (float[] ch : x) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = (float) (ch[i] + dc);
            }
        }
        return of(x, m);
    }

    static AudioBuffer click(AudioBuffer m, double atSeconds) {
        float[][] x = copy(m);
        int i = (int) (atSeconds * m.sampleRate());
        x[0][i] += 0.3f;
        x[1][i] += 0.3f;
        return of(x, m);
    }

    /** Mains hum: 50 Hz with its 2nd and 3rd harmonics, at -40, -46 and -50 dBFS. */
    static AudioBuffer hum(AudioBuffer m) {
        float[][] x = copy(m);
        double[] amp = {Math.pow(10, -40 / 20.0), Math.pow(10, -46 / 20.0), Math.pow(10, -50 / 20.0)};
        for (int i = 0; i < m.frames(); i++) {
            double t = i / (double) m.sampleRate();
            double h = 0;
            for (int k = 0; k < 3; k++) {
                h += amp[k] * Math.sin(2 * Math.PI * 50 * (k + 1) * t);
            }
            x[0][i] += (float) h;
            x[1][i] += (float) h;
        }
        return of(x, m);
    }

    static AudioBuffer cut(AudioBuffer m, double atSeconds) {
        int frames = (int) (atSeconds * m.sampleRate());
        float[][] x = new float[m.channels()][];
        for (int c = 0; c < x.length; c++) {
            x[c] = java.util.Arrays.copyOf(m.channel(c), frames);
        }
        return of(x, m);
    }

    static AudioBuffer prepend(AudioBuffer m, double seconds) {
        int pad = (int) (seconds * m.sampleRate());
        float[][] x = new float[m.channels()][m.frames() + pad];
        for (int c = 0; c < x.length; c++) {
            System.arraycopy(m.channel(c), 0, x[c], pad, m.frames());
        }
        return of(x, m);
    }
}
