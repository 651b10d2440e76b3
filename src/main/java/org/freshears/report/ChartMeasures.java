package org.freshears.report;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.freshears.audio.AudioBuffer;
import org.freshears.checklist.Band;
import org.freshears.measure.BandEnergy;
import org.freshears.measure.BandEnergyTrack;
import org.freshears.measure.Spectrogram;
import org.freshears.measure.SpectrogramAnalyzer;

/**
 * What the charts measure of one version of a session's audio (the mix, or the master as it stands): its
 * spectrograms and its problem bands' energy over time, worked out once while that version stands and
 * shared by the charts that show them. The whole song's spectrogram and a problem's zoom over the same
 * frames come from one transform per column, every problem's band track from one transform per frame;
 * each reading has the bits it has measured alone. A new version (another buffer, or the same buffer after
 * a step rendered over it, which makes a new snapshot) starts afresh.
 */
final class ChartMeasures {
    /** The audio and the snapshot it stands for, compared by identity; held weakly, as the session drops them. */
    private WeakReference<AudioBuffer> audio = new WeakReference<>(null);
    private WeakReference<Object> snapshot = new WeakReference<>(null);
    private final Map<String, Spectrogram> spectrograms = new HashMap<>();
    private final Map<Band, BandEnergyTrack> tracks = new HashMap<>();

    /**
     * The spectrogram of frames [from, to) of {@code audio} by {@code analyzer}; {@code alsoWanted} are
     * other spectrograms the charts will ask for (analyzers and their frames), made in the same pass when
     * they read the same columns.
     */
    synchronized Spectrogram spectrogram(AudioBuffer audio, Object snapshot, SpectrogramAnalyzer analyzer, int from,
            int to, List<Wanted> alsoWanted) {
        standFor(audio, snapshot);
        Spectrogram made = spectrograms.get(key(analyzer, from, to));
        if (made != null) {
            return made;
        }
        List<SpectrogramAnalyzer> together = new ArrayList<>(List.of(analyzer));
        for (Wanted w : alsoWanted) {
            if (w.from() == from && w.to() == to && w.analyzer().sameColumnsAs(analyzer)
                    && !spectrograms.containsKey(key(w.analyzer(), from, to))
                    && together.stream().noneMatch(a -> a.toString().equals(w.analyzer().toString()))) {
                together.add(w.analyzer());
            }
        }
        List<Spectrogram> all = SpectrogramAnalyzer.analyzeTogether(audio, from, to, together);
        for (int i = 0; i < together.size(); i++) {
            spectrograms.put(key(together.get(i), from, to), all.get(i));
        }
        return all.get(0);
    }

    /** The band's energy over time in {@code audio}; every band of {@code allBands} not yet tracked comes along. */
    synchronized BandEnergyTrack track(AudioBuffer audio, Object snapshot, Band band, List<Band> allBands) {
        standFor(audio, snapshot);
        BandEnergyTrack made = tracks.get(band);
        if (made != null) {
            return made;
        }
        Set<Band> wanted = new LinkedHashSet<>(List.of(band));
        allBands.stream().filter(b -> !tracks.containsKey(b)).forEach(wanted::add);
        List<Band> bands = List.copyOf(wanted);
        BandEnergyTrack[] measured = BandEnergy.track(audio, bands.stream().mapToDouble(Band::lowHz).toArray(),
                bands.stream().mapToDouble(Band::highHz).toArray());
        for (int i = 0; i < bands.size(); i++) {
            tracks.put(bands.get(i), measured[i]);
        }
        return measured[0];
    }

    /** A spectrogram a chart will ask for. */
    record Wanted(SpectrogramAnalyzer analyzer, int from, int to) {
    }

    private void standFor(AudioBuffer audio, Object snapshot) {
        if (audio != this.audio.get() || snapshot != this.snapshot.get()) {
            this.audio = new WeakReference<>(audio);
            this.snapshot = new WeakReference<>(snapshot);
            spectrograms.clear();
            tracks.clear();
        }
    }

    private static String key(SpectrogramAnalyzer analyzer, int from, int to) {
        return analyzer + " " + from + "-" + to;
    }
}
