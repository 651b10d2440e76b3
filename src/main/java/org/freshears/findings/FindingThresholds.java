package org.freshears.findings;

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
            3, 1, 0.0, -1.0, -3.0, 0.5, 0.05, 9.0, 8.0, 3.0, 4.0, 10.0, 3.0, 3, 2.0, 4.0, 0.8, 5.0, 9.0, 10.0,
            4.0, 2.0, 120.0, 160.0, 500.0, 2000.0, 10000.0, 5000.0, 10000.0, 12.0, -12.0, 0.25, 10000.0,
            TonalTarget.POPULAR_MUSIC, 12.0, 100.0, 12000.0, 150.0, -12.0, -4.5, 6.0, 1.5, -20.0, -0.3, -50.0,
            12.0, -50.0, 10.0, 6.0, 0.2, -96.0, -30.0, 0.05, 1.0);

    /** A run of 3 or more consecutive samples on one rail is a flat top, not a loud sample: the usual clip-indicator rule (the same rule as `analyze`'s clipped runs). */
    public FindingThresholds withClipRunSamples(int v) {
        return new FindingThresholds(v, clipRunsForProblem, truePeakOverDbtp, headroomProblemPeakDbfs,
                headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare, plrMinDb, psrMinDb,
                lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds, tonalBandsPerOctave,
                tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** A clipped print cannot be un-clipped in mastering; one run is already damage to flag as a problem. */
    public FindingThresholds withClipRunsForProblem(int v) {
        return new FindingThresholds(clipRunSamples, v, truePeakOverDbtp, headroomProblemPeakDbfs,
                headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare, plrMinDb, psrMinDb,
                lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds, tonalBandsPerOctave,
                tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Inter-sample peaks above 0 dBTP clip in a DAC, a sample-rate converter or a lossy encoder. */
    public FindingThresholds withTruePeakOverDbtp(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, v, headroomProblemPeakDbfs,
                headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare, plrMinDb, psrMinDb,
                lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds, tonalBandsPerOctave,
                tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Peaks above -1 dBFS leave a mastering chain no room to work before its limiter. */
    public FindingThresholds withHeadroomProblemPeakDbfs(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp, v,
                headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare, plrMinDb, psrMinDb,
                lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds, tonalBandsPerOctave,
                tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Peaks above -3 dBFS: workable, but tight. */
    public FindingThresholds withHeadroomWarningPeakDbfs(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, v, limiterCeilingWindowDb, limiterBlockShare, plrMinDb, psrMinDb,
                lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds, tonalBandsPerOctave,
                tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Blocks whose peak sits within 0.5 dB of the file's peak ride a ceiling: a limiter's signature. */
    public FindingThresholds withLimiterCeilingWindowDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, v, limiterBlockShare, plrMinDb, psrMinDb,
                lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds, tonalBandsPerOctave,
                tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** When over 5 % of the loud 100 ms blocks ride the ceiling, a limiter is already on the bus; music left alone touches its peak only a few times. */
    public FindingThresholds withLimiterBlockShare(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, v, plrMinDb,
                psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb,
                humHarmonicProminenceDb, silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds,
                leadingSilenceSeconds);
    }

    /** PLR below 9 dB is as squashed as the loudest commercial masters of 2006-08; a mix sent to mastering should have more. */
    public FindingThresholds withPlrMinDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                v, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb,
                humHarmonicProminenceDb, silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds,
                leadingSilenceSeconds);
    }

    /** PSR below 8 dB at the loudest moment: the transients are already limited away. */
    public FindingThresholds withPsrMinDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, v, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb,
                humHarmonicProminenceDb, silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds,
                leadingSilenceSeconds);
    }

    /** A loudness range under 3 LU: the song barely moves between quiet and loud parts. */
    public FindingThresholds withLraMinLu(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, v, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb,
                humHarmonicProminenceDb, silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds,
                leadingSilenceSeconds);
    }

    /** Sections more than 4 LU apart in short-term loudness: a chain set on the average will pump or limit the loud one. */
    public FindingThresholds withSectionSpreadLu(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, v, sectionSpreadWarningLu, sectionSeconds, tonalBandsPerOctave,
                tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** 10 LU and more: a chain set on the loud part leaves the quiet one far below; consider clip-gain. */
    public FindingThresholds withSectionSpreadWarningLu(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, v, sectionSeconds, tonalBandsPerOctave,
                tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Sections are read from short-term loudness, which integrates 3 s. */
    public FindingThresholds withSectionSeconds(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, v, tonalBandsPerOctave,
                tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Third-octave bands: the resolution of published long-term spectra of music and of mastering EQ decisions. */
    public FindingThresholds withTonalBandsPerOctave(int v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds, v,
                tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Two-second windows: long enough to average a bar's notes, short enough to tell a chorus from a verse. */
    public FindingThresholds withTonalWindowSeconds(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, v, minSpanSeconds, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** A tonal imbalance shorter than two windows is a note or a fill, not a balance to master. */
    public FindingThresholds withMinSpanSeconds(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, v, wholeSongShare, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** A span covering 80 % of the music is reported as the whole song. */
    public FindingThresholds withWholeSongShare(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, v, toneVsTargetDb, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** A region more than 5 dB off the target stands outside the spread of commercial releases around their mean spectrum. */
    public FindingThresholds withToneVsTargetDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, v, endsVsTargetDb,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** The ends of the spectrum get a wider margin: below 120 Hz and above 10 kHz released music differs most between genres and eras. */
    public FindingThresholds withEndsVsTargetDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb, v,
                tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Balance is judged on windows within 10 dB of the song's loud parts (95th percentile of window power): a sparse intro has another balance by arrangement. */
    public FindingThresholds withTonalWindowRangeDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, v, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, lowMidLowHz, lowMidHighHz,
                harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** A window whose octave rises 4 dB over the song's own median stands out of the song (a chorus that turns harsh). */
    public FindingThresholds withToneVsSongDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, v, toneProblemMarginDb, lowEndHighHz, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** 2 dB past the warning threshold (7 dB off the target in an octave) is a problem: clearly outside the spread of released music. */
    public FindingThresholds withToneProblemMarginDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, v, lowEndHighHz, lowMidLowHz, lowMidHighHz,
                harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Kick and bass fundamentals: the region a listener calls 'bass'. */
    public FindingThresholds withLowEndHighHz(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, v, lowMidLowHz,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Low-mid 'mud' region: where instruments' body overlaps. */
    public FindingThresholds withLowMidLowHz(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz, v,
                lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Upper edge of the mud region. */
    public FindingThresholds withLowMidHighHz(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, v, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Presence region where the ear is most sensitive and hard mixes hurt. */
    public FindingThresholds withHarshLowHz(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, v, harshHighHz, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Upper edge of the harsh region (cymbals, sibilants). */
    public FindingThresholds withHarshHighHz(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, v, sibilanceLowHz, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Sibilants ('s', 'sh') carry their energy at 5-10 kHz. */
    public FindingThresholds withSibilanceLowHz(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, v, sibilanceHighHz, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** as above */
    public FindingThresholds withSibilanceHighHz(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, v, sibilanceBurstDb,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** A 170 ms moment whose 5-10 kHz share jumps 12 dB over its window's mean: a burst, not a steady top. */
    public FindingThresholds withSibilanceBurstDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz, v,
                sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** ...and in that moment the band holds at least -12 dB of the whole spectrum: an 's' dominates the moment; a hi-hat under a full mix does not. */
    public FindingThresholds withSibilancePeakShareDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, v, sibilanceWindowsShare, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Bursts in at least 25 % of the music's windows: a recurring 's', not one crash. */
    public FindingThresholds withSibilanceWindowsShare(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, v, airLowHz, tonalTarget, resonanceProminenceDb,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** The 'air' octave above 10 kHz. */
    public FindingThresholds withAirLowHz(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, v, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb,
                humHarmonicProminenceDb, silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds,
                leadingSilenceSeconds);
    }

    /** The long-term spectrum a balanced release has: each third-octave band's share of the whole (breakpoints in the next table). */
    public FindingThresholds withTonalTarget(TonalTarget v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, v,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb,
                humHarmonicProminenceDb, silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds,
                leadingSilenceSeconds);
    }

    /** A narrow (1/12-octave) peak 12 dB over the one-octave smoothed long-term spectrum rings: music's own note peaks stand less high once averaged over a song. */
    public FindingThresholds withResonanceProminenceDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget, v,
                resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Below 100 Hz the notes of the bass are narrow peaks by nature. */
    public FindingThresholds withResonanceLowHz(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, v, resonanceHighHz, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Above 12 kHz narrow peaks are usually aliasing or tones, not room or drum resonances. */
    public FindingThresholds withResonanceHighHz(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, v, monoBassBelowHz, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Low end is expected mono below about 150 Hz (vinyl cutting, club systems, one sub). */
    public FindingThresholds withMonoBassBelowHz(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, v, monoBassSideDb, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Side energy within 12 dB of mid below 150 Hz: the bass is audibly not mono. */
    public FindingThresholds withMonoBassSideDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, v, phaseLossDb,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Folded to mono, an octave band losing more than 4.5 dB has anti-correlated content (uncorrelated stereo loses 3 dB). */
    public FindingThresholds withPhaseLossDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb, v,
                stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation,
                dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** 6 dB past the warning threshold makes a stereo fault a problem. */
    public FindingThresholds withStereoProblemMarginDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, v, channelImbalanceDb, narrowStereoSideDb, polarityCorrelation, dcOffsetDbfs,
                clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb, silenceGapSeconds,
                silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Channels more than 1.5 dB apart in RMS: the image leans. */
    public FindingThresholds withChannelImbalanceDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, v, narrowStereoSideDb, polarityCorrelation, dcOffsetDbfs,
                clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb, silenceGapSeconds,
                silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Side 20 dB below mid: the mix is all but mono. */
    public FindingThresholds withNarrowStereoSideDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, v, polarityCorrelation, dcOffsetDbfs,
                clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb, silenceGapSeconds,
                silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** A clearly negative L/R correlation over a whole song: one channel's polarity is inverted. */
    public FindingThresholds withPolarityCorrelation(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb, v, dcOffsetDbfs,
                clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb, silenceGapSeconds,
                silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** A mean above -50 dBFS is a real offset (a 16-bit dither floor is about -90 dBFS): it costs headroom and clicks at edits. */
    public FindingThresholds withDcOffsetDbfs(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, v, clickRatio, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** A sample deviating from its neighbours' line by 12 times the local deviation RMS: a single-sample discontinuity. */
    public FindingThresholds withClickRatio(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, v, clickMinDbfs, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Only discontinuities above -50 dBFS are audible over music. */
    public FindingThresholds withClickMinDbfs(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, v, humProminenceDb, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** A 50 or 60 Hz line 10 dB over its third-octave neighbourhood, with a harmonic also raised: mains hum. */
    public FindingThresholds withHumProminenceDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, v, humHarmonicProminenceDb,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** ...and its 2nd or 3rd harmonic 6 dB over its own neighbourhood: rectified or saturated mains hum has harmonics; a bass note alone rarely lands on both. */
    public FindingThresholds withHumHarmonicProminenceDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb, v,
                silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds, leadingSilenceSeconds);
    }

    /** Digital silence of 0.2 s inside the song: a dropout or a bad edit. */
    public FindingThresholds withSilenceGapSeconds(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb,
                humHarmonicProminenceDb, v, silenceLevelDbfs, abruptEndDb, endWindowSeconds,
                leadingSilenceSeconds);
    }

    /** 'Digital silence': below one 16-bit LSB. */
    public FindingThresholds withSilenceLevelDbfs(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb,
                humHarmonicProminenceDb, silenceGapSeconds, v, abruptEndDb, endWindowSeconds,
                leadingSilenceSeconds);
    }

    /** The last 50 ms within 30 dB of the song's loudness: it is cut off, not faded or decayed. */
    public FindingThresholds withAbruptEndDb(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb,
                humHarmonicProminenceDb, silenceGapSeconds, silenceLevelDbfs, v, endWindowSeconds,
                leadingSilenceSeconds);
    }

    /** The last 50 ms. */
    public FindingThresholds withEndWindowSeconds(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb,
                humHarmonicProminenceDb, silenceGapSeconds, silenceLevelDbfs, abruptEndDb, v,
                leadingSilenceSeconds);
    }

    /** More than a second before the music starts (at -60 dBFS, as `analyze` measures). */
    public FindingThresholds withLeadingSilenceSeconds(double v) {
        return new FindingThresholds(clipRunSamples, clipRunsForProblem, truePeakOverDbtp,
                headroomProblemPeakDbfs, headroomWarningPeakDbfs, limiterCeilingWindowDb, limiterBlockShare,
                plrMinDb, psrMinDb, lraMinLu, sectionSpreadLu, sectionSpreadWarningLu, sectionSeconds,
                tonalBandsPerOctave, tonalWindowSeconds, minSpanSeconds, wholeSongShare, toneVsTargetDb,
                endsVsTargetDb, tonalWindowRangeDb, toneVsSongDb, toneProblemMarginDb, lowEndHighHz,
                lowMidLowHz, lowMidHighHz, harshLowHz, harshHighHz, sibilanceLowHz, sibilanceHighHz,
                sibilanceBurstDb, sibilancePeakShareDb, sibilanceWindowsShare, airLowHz, tonalTarget,
                resonanceProminenceDb, resonanceLowHz, resonanceHighHz, monoBassBelowHz, monoBassSideDb,
                phaseLossDb, stereoProblemMarginDb, channelImbalanceDb, narrowStereoSideDb,
                polarityCorrelation, dcOffsetDbfs, clickRatio, clickMinDbfs, humProminenceDb,
                humHarmonicProminenceDb, silenceGapSeconds, silenceLevelDbfs, abruptEndDb, endWindowSeconds,
                v);
    }
}
