package org.freshears.measure;

import java.util.List;

/**
 * Levels in dB per named series (the channels' speaker names, then {@link Spectrum#MID} and
 * {@link Spectrum#SIDE} for stereo) over frequency: what a {@link Spectrum} and its smoothed
 * {@link SpectrumCurve} have in common, so a series is found by name the same way in both.
 */
public interface SeriesLevels {

    /** One name per series, in series-index order. */
    List<String> seriesNames();

    /** The level of series {@code series} at a frequency; each implementation says how it reads between points. */
    double levelDbAt(int series, double freqHz);

    /** The index of a series by name ("FRONT_LEFT", "MID", …). */
    default int seriesIndex(String name) {
        List<String> names = seriesNames();
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no series named " + name + "; have " + names);
        }
        return i;
    }

    default double levelDbAt(String series, double freqHz) {
        return levelDbAt(seriesIndex(series), freqHz);
    }
}
