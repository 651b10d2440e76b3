package org.freshears.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.freshears.audio.AudioBuffer;
import org.freshears.chain.EqStep;
import org.freshears.chain.HighPass;
import org.freshears.chain.HighShelf;
import org.freshears.chain.LowPass;
import org.freshears.chain.LowShelf;
import org.freshears.chain.Renderer;
import org.freshears.chain.Step;
import org.freshears.chain.StereoWidth;

/**
 * Where people play a master, approximated as a filter chain built from the chain's own EQ steps (so its
 * response is the documented formula of each step, and a preview renders bit-identically like any master),
 * optionally after a mono fold-down. These are approximations of a typical device, not a measurement of
 * any one: they show what a class of system takes away (the low end on a phone) or adds (a car's cabin
 * gain), so the master can be judged there. Each system's {@link #basis()} says where each number comes
 * from, and which are judgement.
 */
public enum PlaybackSystem {
    /**
     * A phone's own speaker, held in the hand: mono, nothing below a few hundred hertz.
     */
    PHONE("phone", "phone speaker", true,
            List.of(new HighPass(500, 24), new LowPass(10_000, 12)),
            "Mono: one speaker, or two a few centimetres apart (no stereo image worth keeping; judgement). "
                    + "High-pass 500 Hz, 24 dB/oct: a phone microspeaker's response starts at about 630 Hz, and a "
                    + "ported front chamber extends it to 300 Hz (Chang & Wang, 'Bass extension of microspeaker "
                    + "system on mobile device', Journal of Mechanics, 2018); 500 Hz lies between, and the steep "
                    + "slope is a sealed driver's 12 dB/oct below resonance plus the protective high-pass phones "
                    + "apply (judgement). Low-pass 10 kHz, 12 dB/oct: microspeakers fall off in the top octave "
                    + "(judgement)."),
    /**
     * A laptop's built-in speakers: stereo, narrow, no bass.
     */
    LAPTOP("laptop", "laptop speakers", false,
            List.of(new HighPass(300, 24), new LowPass(10_000, 12)),
            "High-pass 300 Hz, 24 dB/oct: measured laptop speakers are flat down to about 300 Hz and drop "
                    + "'like a rock' below (Dell Inspiron E1505 in REW, danmarx.org; a notebook measured at "
                    + "5-10 cm, ordinarysound.com), a Framework laptop's below 400 Hz (calibrated UMIK-1, "
                    + "community.frame.work); the slope is judgement. Low-pass 10 kHz, 12 dB/oct: the Framework "
                    + "measurement rolls off from about 7 kHz (-0.7 dB there with this filter)."),
    /**
     * Consumer earbuds as worn: tuned with a bass rise, losing the deepest bass through an imperfect seal.
     */
    EARBUDS("earbuds", "earbuds", false,
            List.of(new HighPass(40, 12), new LowShelf(110, 4)),
            "Low shelf +4 dB at 110 Hz: the bass rise of Olive & Welti's preferred headphone target (+4 dB "
                    + "below about 200 Hz, reached by 60 Hz: 'Listener preferences for in-room loudspeaker and "
                    + "headphone target responses', AES 135th Convention, 2013), which consumer earbuds are tuned "
                    + "toward. High-pass 40 Hz, 12 dB/oct: an earbud that does not seal the ear canal leaks the "
                    + "lowest bass like a high-pass filter (the corner is judgement)."),
    /**
     * A car: cabin gain lifts the bass, door woofers stop short of the deepest.
     */
    CAR("car", "car", false,
            List.of(new HighPass(40, 12), new LowShelf(80, 8)),
            "Low shelf +8 dB at 80 Hz: cabin gain; below the cabin's first mode (70-90 Hz) the bass rises "
                    + "about 12 dB/octave ('The effects of cabin gain in car audio', glasswolf.net), 10-12 dB at "
                    + "30 Hz in a sedan (rokketbox.com), and every in-car target in Toole's survey boosts the bass "
                    + "against road noise (Toole, 'The measurement and calibration of sound reproducing systems', "
                    + "JAES 63(7/8), 2015, sec. 4.2). High-pass 40 Hz, 12 dB/oct: door "
                    + "woofers in a leaky door stop short of the deepest bass (judgement)."),
    /**
     * A club: summed to mono with a subwoofer, heard across a room.
     */
    CLUB("club", "club, mono with sub", true,
            List.of(new HighPass(30, 24), new LowShelf(100, 6), new HighShelf(10_000, -6)),
            "Mono: club systems sum to mono so every spot on the floor hears the whole mix (common practice; "
                    + "the reason low end is expected mono, see the findings' monoBassBelowHz). High-pass 30 Hz, "
                    + "24 dB/oct: the subwoofers' protective high-pass (judgement). Low shelf +6 dB at 100 Hz: "
                    + "the sub-heavy tuning of dance systems (judgement). High shelf -6 dB at 10 kHz: air "
                    + "absorption over 25 m to the floor, 2.6 dB at 8 kHz, 4.0 dB at 10 kHz and 9.1 dB at "
                    + "16 kHz at 20 degrees C and 50 % RH (ISO 9613-1), approximated by the shelf.");

    private final String key;
    private final String title;
    private final boolean mono;
    private final List<EqStep> filters;
    private final String basis;

    PlaybackSystem(String key, String title, boolean mono, List<EqStep> filters, String basis) {
        this.key = key;
        this.title = title;
        this.mono = mono;
        this.filters = List.copyOf(filters);
        this.basis = basis;
    }

    /** The lower-case name used on the command line, in JSON and in preview keys: "phone". */
    public String key() {
        return key;
    }

    /** What it stands for, in words: "phone speaker". */
    public String title() {
        return title;
    }

    /** Whether the system folds stereo to mono (L = R = (L + R) / 2) before its filters. */
    public boolean mono() {
        return mono;
    }

    /** The filters, in order, as chain steps. */
    public List<EqStep> filters() {
        return filters;
    }

    /** Where each number comes from, and which are judgement. */
    public String basis() {
        return basis;
    }

    /** The listening player's key for this system's preview: "preview:phone". */
    public String previewKey() {
        return "preview:" + key;
    }

    /**
     * The system's magnitude response in dB at a frequency: the sum of its filters' (the mono fold changes
     * no level of a signal that is the same in both channels).
     */
    public double responseDb(double freqHz, double sampleRate) {
        double db = 0;
        for (EqStep filter : filtersAt(sampleRate)) {
            db += filter.responseDb(freqHz, sampleRate);
        }
        return db;
    }

    /**
     * The steps that play audio of this shape through the system: the mono fold (for a stereo master;
     * a mono one is mono already), then the filters. A filter whose corner lies at or above the Nyquist
     * frequency (a 10 kHz low-pass at 16 kHz) would act only above the audio's band, and is left out.
     */
    public List<Step> chain(int channels, int sampleRate) {
        if (mono && channels > 2) {
            throw new IllegalArgumentException("the " + key + " system folds stereo to mono; this audio has "
                    + channels + " channels");
        }
        List<Step> steps = new ArrayList<>();
        if (mono && channels == 2) {
            steps.add(new StereoWidth(0)); // mid = (L + R) / 2 into both channels, side 0
        }
        steps.addAll(filtersAt(sampleRate));
        return steps;
    }

    /** The audio as played through the system: a new buffer, the given one untouched. */
    public AudioBuffer preview(AudioBuffer audio) {
        return new Renderer().render(chain(audio.channels(), audio.sampleRate()), audio.copy());
    }

    private List<EqStep> filtersAt(double sampleRate) {
        List<EqStep> usable = new ArrayList<>(filters.size());
        for (EqStep filter : filters) {
            if (cornerHz(filter) < sampleRate / 2) {
                usable.add(filter);
            }
        }
        return usable;
    }

    private static double cornerHz(EqStep filter) {
        if (filter instanceof HighPass f) {
            return f.freqHz();
        }
        if (filter instanceof LowPass f) {
            return f.freqHz();
        }
        if (filter instanceof LowShelf f) {
            return f.freqHz();
        }
        if (filter instanceof HighShelf f) {
            return f.freqHz();
        }
        throw new IllegalStateException("no corner known for " + filter);
    }

    /** The system of a key ("phone"), case-insensitive; an unknown one is refused naming the known ones. */
    public static PlaybackSystem named(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        for (PlaybackSystem system : values()) {
            if (system.key.equals(wanted)) {
                return system;
            }
        }
        List<String> known = new ArrayList<>();
        for (PlaybackSystem system : values()) {
            known.add(system.key);
        }
        throw new IllegalArgumentException("unknown playback system '" + key + "' (known: " + String.join(", ", known)
                + ")");
    }

    @Override
    public String toString() {
        return key;
    }
}
