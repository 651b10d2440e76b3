package org.freshears.translation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freshears.audio.AudioBuffer;
import org.freshears.measure.BandEnergy;
import org.freshears.measure.LoudnessMeter;
import org.freshears.measure.MatchedBandLevel;

/**
 * Plays a master through every {@link PlaybackSystem} and reads what is left: its loudness, the balance
 * of low, mid and high, and each problem area's band, all at matched loudness (a band's level minus the
 * song's integrated loudness, the figure problem areas are judged on), and each against the master heard
 * directly. The previews themselves are the audio the listening player plays under
 * {@link PlaybackSystem#previewKey()}.
 */
public final class PlaybackSystems {
    /**
     * Where the balance splits: the bass below 250 Hz, the mids to 4 kHz, the highs above, all within the
     * audible 20 Hz to 20 kHz (infrasonic rumble or ultrasonic noise would weigh in a band no one hears).
     */
    public static final double LOWEST_HZ = 20;
    public static final double LOW_MID_HZ = 250;
    public static final double MID_HIGH_HZ = 4_000;
    public static final double HIGHEST_HZ = 20_000;
    /** The balance bands' names, low to high. */
    public static final List<String> BALANCE_BANDS = List.of("low", "mid", "high");

    private PlaybackSystems() {
    }

    /** Every system, in the order of {@link PlaybackSystem#values()}. */
    public static List<SystemReading> read(AudioBuffer master, List<ProblemBand> problems) {
        return read(List.of(PlaybackSystem.values()), master, problems);
    }

    /** The given systems; the master is measured directly once, each system's preview one at a time. */
    public static List<SystemReading> read(List<PlaybackSystem> systems, AudioBuffer master,
            List<ProblemBand> problems) {
        Heard direct = Heard.of(master, problems);
        List<SystemReading> readings = new ArrayList<>(systems.size());
        for (PlaybackSystem system : systems) {
            Heard through = Heard.of(system.preview(master), problems);
            readings.add(new SystemReading(system, through.loudnessLufs, through.loudnessLufs - direct.loudnessLufs,
                    changes(through.balance, direct.balance), changes(through.problems, direct.problems)));
        }
        return readings;
    }

    /** Every system's preview of the master, under its preview key ("preview:phone"), in system order. */
    public static Map<String, AudioBuffer> previews(AudioBuffer master) {
        Map<String, AudioBuffer> previews = new LinkedHashMap<>();
        for (PlaybackSystem system : PlaybackSystem.values()) {
            previews.put(system.previewKey(), system.preview(master));
        }
        return previews;
    }

    private static List<BandReading> changes(List<BandReading> through, List<BandReading> direct) {
        List<BandReading> out = new ArrayList<>(through.size());
        for (int i = 0; i < through.size(); i++) {
            BandReading t = through.get(i);
            out.add(new BandReading(t.name(), t.lowHz(), t.highHz(), t.matchedDb(),
                    t.matchedDb() - direct.get(i).matchedDb()));
        }
        return out;
    }

    /** One version's loudness and level-matched bands (their changes not yet known: NaN). */
    private record Heard(double loudnessLufs, List<BandReading> balance, List<BandReading> problems) {
        static Heard of(AudioBuffer audio, List<ProblemBand> problems) {
            double loudness = LoudnessMeter.integratedLufs(audio);
            double nyquist = audio.sampleRate() / 2.0;
            double duration = audio.durationSeconds();
            List<BandReading> balance = List.of(
                    band(audio, loudness, "low", 0, duration, LOWEST_HZ, LOW_MID_HZ),
                    band(audio, loudness, "mid", 0, duration, LOW_MID_HZ, MID_HIGH_HZ),
                    band(audio, loudness, "high", 0, duration, MID_HIGH_HZ, Math.min(HIGHEST_HZ, nyquist)));
            List<BandReading> areas = new ArrayList<>(problems.size());
            for (ProblemBand p : problems) {
                if (p.fromSeconds() >= duration || p.lowHz() >= nyquist) {
                    throw new IllegalArgumentException("problem band '" + p.name() + "' lies outside the audio ("
                            + duration + " s, up to " + nyquist + " Hz)");
                }
                // Cut to the audio, as the session cuts a span that runs past the end.
                areas.add(band(audio, loudness, p.name(), p.fromSeconds(), Math.min(p.toSeconds(), duration),
                        p.lowHz(), Math.min(p.highHz(), nyquist)));
            }
            return new Heard(loudness, balance, areas);
        }

        private static BandReading band(AudioBuffer audio, double loudnessLufs, String name,
                double fromSeconds, double toSeconds, double lowHz, double highHz) {
            MatchedBandLevel level = new MatchedBandLevel(
                    BandEnergy.inSpan(audio, fromSeconds, toSeconds, lowHz, highHz), loudnessLufs);
            return new BandReading(name, lowHz, highHz, level.matchedDb(), Double.NaN);
        }
    }
}
