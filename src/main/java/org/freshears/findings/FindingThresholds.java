package org.freshears.findings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Every threshold and target the detectors use, with its default; each is documented with its reason and
 * source in the README's findings table (generated from the same list). Immutable: {@code with...} returns
 * a copy with one value changed, so a notebook can tune one without repeating the rest.
 */
public record FindingThresholds(
        int clipRunSamples,
        int clipRunsForProblem,
        double truePeakOverDbtp,
        double headroomProblemPeakDbfs,
        double headroomWarningPeakDbfs,
        double limiterCeilingWindowDb,
        double limiterBlockShare,
        double plrMinDb,
        double psrMinDb,
        double lraMinLu,
        double sectionSpreadLu,
        double sectionSpreadWarningLu,
        double sectionSeconds,
        int tonalBandsPerOctave,
        double tonalWindowSeconds,
        double minSpanSeconds,
        double wholeSongShare,
        double toneVsTargetDb,
        double endsVsTargetDb,
        double tonalWindowRangeDb,
        double toneVsSongDb,
        double toneProblemMarginDb,
        double lowEndHighHz,
        double lowMidLowHz,
        double lowMidHighHz,
        double harshLowHz,
        double harshHighHz,
        double sibilanceLowHz,
        double sibilanceHighHz,
        double sibilanceBurstDb,
        double sibilancePeakShareDb,
        double sibilanceWindowsShare,
        double airLowHz,
        TonalTarget tonalTarget,
        double resonanceProminenceDb,
        double resonanceLowHz,
        double resonanceHighHz,
        double monoBassBelowHz,
        double monoBassSideDb,
        double phaseLossDb,
        double stereoProblemMarginDb,
        double channelImbalanceDb,
        double narrowStereoSideDb,
        double polarityCorrelation,
        double dcOffsetDbfs,
        double clickRatio,
        double clickMinDbfs,
        double humProminenceDb,
        double humHarmonicProminenceDb,
        double silenceGapSeconds,
        double silenceLevelDbfs,
        double abruptEndDb,
        double endWindowSeconds,
        double leadingSilenceSeconds) {

    /** The defaults of the README's table. */
    public static final FindingThresholds DEFAULTS = new FindingThresholds(
            3, 1, 0.0, -1.0, -3.0, 0.5, 0.05, 9.0, 8.0, 3.0, 4.0, 10.0, 3.0, 3, 2.0, 4.0, 0.8, 3.5, 9.0, 10.0,
            4.0, 2.0, 120.0, 160.0, 500.0, 2000.0, 10000.0, 5000.0, 10000.0, 12.0, -12.0, 0.25, 10000.0,
            TonalTarget.POPULAR_MUSIC, 12.0, 100.0, 12000.0, 150.0, -12.0, -4.5, 6.0, 1.5, -20.0, -0.3, -50.0,
            12.0, -50.0, 10.0, 6.0, 0.2, -96.0, -30.0, 0.05, 1.0);

    /** A run of 3 or more consecutive samples on one rail is a flat top, not a loud sample: the usual clip-indicator rule (the same rule as `analyze`'s clipped runs). */
    public FindingThresholds withClipRunSamples(int v) {
        return with("clipRunSamples", v);
    }

    /** A clipped print cannot be un-clipped in mastering; one run is already damage to flag as a problem. */
    public FindingThresholds withClipRunsForProblem(int v) {
        return with("clipRunsForProblem", v);
    }

    /** Inter-sample peaks above 0 dBTP clip in a DAC, a sample-rate converter or a lossy encoder. */
    public FindingThresholds withTruePeakOverDbtp(double v) {
        return with("truePeakOverDbtp", v);
    }

    /** Peaks above -1 dBFS leave a mastering chain no room to work before its limiter. */
    public FindingThresholds withHeadroomProblemPeakDbfs(double v) {
        return with("headroomProblemPeakDbfs", v);
    }

    /** Peaks above -3 dBFS: workable, but tight. */
    public FindingThresholds withHeadroomWarningPeakDbfs(double v) {
        return with("headroomWarningPeakDbfs", v);
    }

    /** Blocks whose peak sits within 0.5 dB of the file's peak ride a ceiling: a limiter's signature. */
    public FindingThresholds withLimiterCeilingWindowDb(double v) {
        return with("limiterCeilingWindowDb", v);
    }

    /** When over 5 % of the loud 100 ms blocks ride the ceiling, a limiter is already on the bus; music left alone touches its peak only a few times. */
    public FindingThresholds withLimiterBlockShare(double v) {
        return with("limiterBlockShare", v);
    }

    /** PLR below 9 dB is as squashed as the loudest commercial masters of 2006-08; a mix sent to mastering should have more. */
    public FindingThresholds withPlrMinDb(double v) {
        return with("plrMinDb", v);
    }

    /** PSR below 8 dB at the loudest moment: the transients are already limited away. */
    public FindingThresholds withPsrMinDb(double v) {
        return with("psrMinDb", v);
    }

    /** A loudness range under 3 LU: the song barely moves between quiet and loud parts. */
    public FindingThresholds withLraMinLu(double v) {
        return with("lraMinLu", v);
    }

    /** Sections more than 4 LU apart in short-term loudness: a chain set on the average will pump or limit the loud one. */
    public FindingThresholds withSectionSpreadLu(double v) {
        return with("sectionSpreadLu", v);
    }

    /** 10 LU and more: a chain set on the loud part leaves the quiet one far below; consider clip-gain. */
    public FindingThresholds withSectionSpreadWarningLu(double v) {
        return with("sectionSpreadWarningLu", v);
    }

    /** Sections are read from short-term loudness, which integrates 3 s. */
    public FindingThresholds withSectionSeconds(double v) {
        return with("sectionSeconds", v);
    }

    /** Third-octave bands: the resolution of published long-term spectra of music and of mastering EQ decisions. */
    public FindingThresholds withTonalBandsPerOctave(int v) {
        return with("tonalBandsPerOctave", v);
    }

    /** Two-second windows: long enough to average a bar's notes, short enough to tell a chorus from a verse. */
    public FindingThresholds withTonalWindowSeconds(double v) {
        return with("tonalWindowSeconds", v);
    }

    /** A tonal imbalance shorter than two windows is a note or a fill, not a balance to master. */
    public FindingThresholds withMinSpanSeconds(double v) {
        return with("minSpanSeconds", v);
    }

    /** A span covering 80 % of the music is reported as the whole song. */
    public FindingThresholds withWholeSongShare(double v) {
        return with("wholeSongShare", v);
    }

    /**
     * An octave more than 3.5 dB above the (tilted) target, against the loudness of the rest of the spectrum,
     * in 2-s windows: a bump. Judgement, checked on the clean demo mix (its windows reach at most 3.3 dB but for
     * one pad-only intro window) and the demo's planted chorus cymbals (3.5-8.8 dB).
     */
    public FindingThresholds withToneVsTargetDb(double v) {
        return with("toneVsTargetDb", v);
    }

    /** The ends of the spectrum get a wider margin: below 120 Hz and above 10 kHz released music differs most between genres and eras. */
    public FindingThresholds withEndsVsTargetDb(double v) {
        return with("endsVsTargetDb", v);
    }

    /** Balance is judged on windows within 10 dB of the song's loud parts (95th percentile of window loudness): a sparse intro has another balance by arrangement. */
    public FindingThresholds withTonalWindowRangeDb(double v) {
        return with("tonalWindowRangeDb", v);
    }

    /** A window whose octave rises 4 dB over the song's own median stands out of the song (a chorus that turns harsh). */
    public FindingThresholds withToneVsSongDb(double v) {
        return with("toneVsSongDb", v);
    }

    /** 2 dB past the warning threshold (5.5 dB off the target in an octave) is a problem. Judgement. */
    public FindingThresholds withToneProblemMarginDb(double v) {
        return with("toneProblemMarginDb", v);
    }

    /** Kick and bass fundamentals: the region a listener calls 'bass'. */
    public FindingThresholds withLowEndHighHz(double v) {
        return with("lowEndHighHz", v);
    }

    /** Low-mid 'mud' region: where instruments' body overlaps. */
    public FindingThresholds withLowMidLowHz(double v) {
        return with("lowMidLowHz", v);
    }

    /** Upper edge of the mud region. */
    public FindingThresholds withLowMidHighHz(double v) {
        return with("lowMidHighHz", v);
    }

    /** Presence region where the ear is most sensitive and hard mixes hurt. */
    public FindingThresholds withHarshLowHz(double v) {
        return with("harshLowHz", v);
    }

    /** Upper edge of the harsh region (cymbals, sibilants). */
    public FindingThresholds withHarshHighHz(double v) {
        return with("harshHighHz", v);
    }

    /** Sibilants ('s', 'sh') carry their energy at 5-10 kHz. */
    public FindingThresholds withSibilanceLowHz(double v) {
        return with("sibilanceLowHz", v);
    }

    /** as above */
    public FindingThresholds withSibilanceHighHz(double v) {
        return with("sibilanceHighHz", v);
    }

    /** A 170 ms moment whose 5-10 kHz share jumps 12 dB over its window's mean: a burst, not a steady top. */
    public FindingThresholds withSibilanceBurstDb(double v) {
        return with("sibilanceBurstDb", v);
    }

    /** ...and in that moment the band holds at least -12 dB of the whole spectrum: an 's' dominates the moment; a hi-hat under a full mix does not. */
    public FindingThresholds withSibilancePeakShareDb(double v) {
        return with("sibilancePeakShareDb", v);
    }

    /** Bursts in at least 25 % of the music's windows: a recurring 's', not one crash. */
    public FindingThresholds withSibilanceWindowsShare(double v) {
        return with("sibilanceWindowsShare", v);
    }

    /** The 'air' octave above 10 kHz. */
    public FindingThresholds withAirLowHz(double v) {
        return with("airLowHz", v);
    }

    /** The long-term spectrum a balanced release has: each third-octave band's share of the whole (breakpoints in the next table). */
    public FindingThresholds withTonalTarget(TonalTarget v) {
        return with("tonalTarget", v);
    }

    /** A narrow (1/12-octave) peak 12 dB over the one-octave smoothed long-term spectrum rings: music's own note peaks stand less high once averaged over a song. */
    public FindingThresholds withResonanceProminenceDb(double v) {
        return with("resonanceProminenceDb", v);
    }

    /** Below 100 Hz the notes of the bass are narrow peaks by nature. */
    public FindingThresholds withResonanceLowHz(double v) {
        return with("resonanceLowHz", v);
    }

    /** Above 12 kHz narrow peaks are usually aliasing or tones, not room or drum resonances. */
    public FindingThresholds withResonanceHighHz(double v) {
        return with("resonanceHighHz", v);
    }

    /** Low end is expected mono below about 150 Hz (vinyl cutting, club systems, one sub). */
    public FindingThresholds withMonoBassBelowHz(double v) {
        return with("monoBassBelowHz", v);
    }

    /** Side energy within 12 dB of mid below 150 Hz: the bass is audibly not mono. */
    public FindingThresholds withMonoBassSideDb(double v) {
        return with("monoBassSideDb", v);
    }

    /** Folded to mono, an octave band losing more than 4.5 dB has anti-correlated content (uncorrelated stereo loses 3 dB). */
    public FindingThresholds withPhaseLossDb(double v) {
        return with("phaseLossDb", v);
    }

    /** 6 dB past the warning threshold makes a stereo fault a problem. */
    public FindingThresholds withStereoProblemMarginDb(double v) {
        return with("stereoProblemMarginDb", v);
    }

    /** Channels more than 1.5 dB apart in RMS: the image leans. */
    public FindingThresholds withChannelImbalanceDb(double v) {
        return with("channelImbalanceDb", v);
    }

    /** Side 20 dB below mid: the mix is all but mono. */
    public FindingThresholds withNarrowStereoSideDb(double v) {
        return with("narrowStereoSideDb", v);
    }

    /** A clearly negative L/R correlation over a whole song: one channel's polarity is inverted. */
    public FindingThresholds withPolarityCorrelation(double v) {
        return with("polarityCorrelation", v);
    }

    /** A mean above -50 dBFS is a real offset (a 16-bit dither floor is about -90 dBFS): it costs headroom and clicks at edits. */
    public FindingThresholds withDcOffsetDbfs(double v) {
        return with("dcOffsetDbfs", v);
    }

    /** A sample deviating from its neighbours' line by 12 times the local deviation RMS: a single-sample discontinuity. */
    public FindingThresholds withClickRatio(double v) {
        return with("clickRatio", v);
    }

    /** Only discontinuities above -50 dBFS are audible over music. */
    public FindingThresholds withClickMinDbfs(double v) {
        return with("clickMinDbfs", v);
    }

    /** A 50 or 60 Hz line 10 dB over its third-octave neighbourhood, with a harmonic also raised: mains hum. */
    public FindingThresholds withHumProminenceDb(double v) {
        return with("humProminenceDb", v);
    }

    /** ...and its 2nd or 3rd harmonic 6 dB over its own neighbourhood: rectified or saturated mains hum has harmonics; a bass note alone rarely lands on both. */
    public FindingThresholds withHumHarmonicProminenceDb(double v) {
        return with("humHarmonicProminenceDb", v);
    }

    /** Digital silence of 0.2 s inside the song: a dropout or a bad edit. */
    public FindingThresholds withSilenceGapSeconds(double v) {
        return with("silenceGapSeconds", v);
    }

    /** 'Digital silence': below one 16-bit LSB. */
    public FindingThresholds withSilenceLevelDbfs(double v) {
        return with("silenceLevelDbfs", v);
    }

    /** The last 50 ms within 30 dB of the song's loudness: it is cut off, not faded or decayed. */
    public FindingThresholds withAbruptEndDb(double v) {
        return with("abruptEndDb", v);
    }

    /** The last 50 ms. */
    public FindingThresholds withEndWindowSeconds(double v) {
        return with("endWindowSeconds", v);
    }

    /** More than a second before the music starts (at -60 dBFS, as `analyze` measures). */
    public FindingThresholds withLeadingSilenceSeconds(double v) {
        return with("leadingSilenceSeconds", v);
    }

    /**
     * A copy with one component changed. The withers name their component (the test of this class calls
     * every wither and checks that it changes exactly its own), so a list of 50-odd arguments is written
     * once, in the record header, instead of once per wither.
     */
    private FindingThresholds with(String component, Object value) {
        RecordComponent[] components = FindingThresholds.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean changed = components[i].getName().equals(component);
                found |= changed;
                args[i] = changed ? value : components[i].getAccessor().invoke(this);
            }
            if (!found) {
                throw new IllegalStateException("FindingThresholds has no component '" + component + "'");
            }
            return FindingThresholds.class.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy FindingThresholds", e);
        }
    }
}
