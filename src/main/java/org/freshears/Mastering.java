package org.freshears;

import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.Dither;
import org.freshears.audio.NoiseShaping;
import org.freshears.audio.WavOutputFormat;
import org.freshears.chain.BandPass;
import org.freshears.chain.Bell;
import org.freshears.chain.ClipGain;
import org.freshears.chain.Compressor;
import org.freshears.chain.DynamicEq;
import org.freshears.chain.Fades;
import org.freshears.chain.Gain;
import org.freshears.chain.GainSpan;
import org.freshears.chain.HighPass;
import org.freshears.chain.HighShelf;
import org.freshears.chain.Limiter;
import org.freshears.chain.LowPass;
import org.freshears.chain.LowShelf;
import org.freshears.chain.MultibandCompressor;
import org.freshears.chain.Notch;
import org.freshears.chain.Saturation;
import org.freshears.chain.StereoWidth;
import org.freshears.chain.TrimSilence;
import org.freshears.checklist.Band;
import org.freshears.checklist.Condition;
import org.freshears.checklist.Expectation;
import org.freshears.checklist.Metric;
import org.freshears.checklist.Section;
import org.freshears.checklist.TimeSpan;
import org.freshears.findings.FindingThresholds;
import org.freshears.notebook.NotebookContext;
import org.freshears.session.Session;

/**
 * The one static import a notebook needs: {@code import static org.freshears.Mastering.*;}. Short
 * factories for sessions, times and bands, chain steps, metrics, conditions and output formats. Every
 * value they make is immutable and prints every parameter.
 */
public final class Mastering {
    private Mastering() {
    }

    // ---- session, time and frequency ------------------------------------------------------------

    /**
     * Opens the printed mix and measures it (snapshot "mix"), in the context of the notebook run this cell
     * belongs to (its output folder and display; its {@code --mix}, which the cell's output names).
     */
    public static Session session(String mixPath) throws AudioFormatException {
        return NotebookContext.current().openSession(Path.of(mixPath));
    }

    /** A time span: {@code span("0:20", "0:30.5")}. */
    public static TimeSpan span(String from, String to) {
        return TimeSpan.of(from, to);
    }

    /** A time span in seconds. */
    public static TimeSpan span(double fromSeconds, double toSeconds) {
        return new TimeSpan(fromSeconds, toSeconds);
    }

    /** A frequency band in Hz: {@code band(180, 400)}. */
    public static Band band(double lowHz, double highHz) {
        return new Band(lowHz, highHz);
    }

    // ---- EQ -------------------------------------------------------------------------------------

    /** A bell (peaking EQ), Q 1 unless {@code .q(...)}. */
    public static Bell bell(double freqHz, double gainDb) {
        return new Bell(freqHz, gainDb);
    }

    public static LowShelf lowShelf(double freqHz, double gainDb) {
        return new LowShelf(freqHz, gainDb);
    }

    public static HighShelf highShelf(double freqHz, double gainDb) {
        return new HighShelf(freqHz, gainDb);
    }

    /** A Butterworth high-pass, 12 dB/oct unless {@code .slope(24)}. */
    public static HighPass highPass(double freqHz) {
        return new HighPass(freqHz);
    }

    public static LowPass lowPass(double freqHz) {
        return new LowPass(freqHz);
    }

    public static Notch notch(double freqHz, double q) {
        return new Notch(freqHz, q);
    }

    public static BandPass bandPass(double freqHz, double q) {
        return new BandPass(freqHz, q);
    }

    /** A bell that cuts (negative range) or lifts only while its band is above the threshold. */
    public static DynamicEq dynamicEq(double freqHz, double rangeDb) {
        return DynamicEq.of(freqHz, rangeDb);
    }

    // ---- level, dynamics, colour, width ---------------------------------------------------------

    public static Gain gain(double gainDb) {
        return new Gain(gainDb);
    }

    /** Gain on a section only, with smooth ramps; more spans with {@code .span(from, to, gainDb)}. */
    public static ClipGain clipGain(Section section, double gainDb) {
        return new ClipGain(List.of(new GainSpan(section.span().fromSeconds(), section.span().toSeconds(), gainDb)));
    }

    /** A compressor with gentle defaults (-18 dB, 2:1, 6 dB knee, 10/150 ms); set what you need. */
    public static Compressor compressor() {
        return Compressor.defaults();
    }

    /** A multiband compressor splitting at the given frequencies (Linkwitz-Riley), default settings per band. */
    public static MultibandCompressor multiband(double... crossoversHz) {
        return MultibandCompressor.of(crossoversHz);
    }

    public static Saturation saturation(Saturation.Curve curve, double driveDb) {
        return new Saturation(curve, driveDb);
    }

    /** Stereo width in percent (100 unchanged, 0 mono); {@code .monoBassBelowHz(120)} for mono lows. */
    public static StereoWidth stereoWidth(double widthPercent) {
        return new StereoWidth(widthPercent);
    }

    /** A true-peak brickwall limiter (ceiling -1 dBTP); {@code .targetLufs(-14)} drives it to a loudness. */
    public static Limiter limiter() {
        return new Limiter();
    }

    public static Fades fades(double inSeconds, double outSeconds) {
        return new Fades(inSeconds, outSeconds);
    }

    public static TrimSilence trimSilence() {
        return new TrimSilence();
    }

    // ---- metrics, conditions, expectations ------------------------------------------------------

    public static Metric integratedLufs() {
        return Metric.INTEGRATED_LUFS;
    }

    public static Metric truePeakDbtp() {
        return Metric.TRUE_PEAK_DBTP;
    }

    public static Metric samplePeakDbfs() {
        return Metric.SAMPLE_PEAK_DBFS;
    }

    public static Metric loudnessRangeLu() {
        return Metric.LOUDNESS_RANGE_LU;
    }

    public static Metric plrDb() {
        return Metric.PLR_DB;
    }

    public static Metric psrDb() {
        return Metric.PSR_DB;
    }

    public static Metric maxShortTermLufs() {
        return Metric.MAX_SHORT_TERM_LUFS;
    }

    public static Metric maxMomentaryLufs() {
        return Metric.MAX_MOMENTARY_LUFS;
    }

    public static Metric correlation() {
        return Metric.CORRELATION;
    }

    public static Metric crestFactorDb() {
        return Metric.CREST_FACTOR_DB;
    }

    public static Metric clippedRuns() {
        return Metric.CLIPPED_RUNS;
    }

    public static Condition within(double target, double tolerance) {
        return new Condition.Within(target, tolerance);
    }

    public static Condition atMost(double limit) {
        return new Condition.AtMost(limit);
    }

    public static Condition atLeast(double limit) {
        return new Condition.AtLeast(limit);
    }

    public static Condition between(double low, double high) {
        return new Condition.Between(low, high);
    }

    /**
     * At least the mix's value less {@code maxLoss}: {@code check("kept the mix's range", loudnessRangeLu(),
     * keptFromMix(2))} fails when the master lost more than 2 LU of the mix's loudness range. The mix's value
     * is read when the check is added, and recorded with it.
     */
    public static Condition keptFromMix(double maxLoss) {
        return new Condition.KeptFromMix(maxLoss, Double.NaN);
    }

    /** A problem counts as fixed when its band falls at least this much, level-matched (against the loudness). */
    public static Expectation reduceBy(double db) {
        return new Expectation.ReduceBy(db);
    }

    /** A problem counts as fixed when its band ends at or below this level: band dBFS minus the version's LUFS. */
    public static Expectation atMostDb(double db) {
        return new Expectation.AtMostDb(db);
    }

    // ---- a first listen -------------------------------------------------------------------------

    /**
     * The thresholds a first listen ({@code s.findings(...)}) uses, to tune: {@code thresholds()
     * .withToneVsSongDb(4).withClickRatio(8)}. Each {@code with...} names one threshold of the README's table.
     */
    public static FindingThresholds thresholds() {
        return FindingThresholds.DEFAULTS;
    }

    // ---- output formats -------------------------------------------------------------------------

    /**
     * 24-bit PCM WAV; add {@code .dither(tpdf())}, and {@code .sampleRate(48_000)} for a deliverable at another
     * rate than the mix's (converted after the chain, before dither; measured on its own).
     */
    public static WavOutputFormat wav24() {
        return WavOutputFormat.pcm24();
    }

    /** 16-bit PCM WAV; a CD master: {@code wav16().sampleRate(44_100).dither(tpdf())}. */
    public static WavOutputFormat wav16() {
        return WavOutputFormat.pcm16();
    }

    public static WavOutputFormat wav32f() {
        return WavOutputFormat.float32();
    }

    /** TPDF dither with the default seed (recorded in the session, so renders repeat bit for bit). */
    public static Dither tpdf() {
        return Dither.tpdf();
    }

    public static Dither tpdf(long seed) {
        return Dither.tpdf(seed);
    }

    /** TPDF dither with noise shaping (Wannamaker's 9-tap filter). */
    public static Dither shapedDither() {
        return Dither.shaped(NoiseShaping.WANNAMAKER_9, Dither.DEFAULT_SEED);
    }

    public static Dither noDither() {
        return Dither.none();
    }

    // ---- translation: codecs (#14) ----------------------------------------------------------------

    /** AAC-LC at a bit rate, for {@code limiter().codecSafe(aac(256))} and {@code truePeakDbtp().through(aac(256))}. */
    public static org.freshears.chain.LossyCodec aac(int bitrateKbps) {
        return org.freshears.translation.Codec.AAC.at(bitrateKbps).asStepCodec();
    }

    /** MP3 (LAME, constant bit rate) at a bit rate. */
    public static org.freshears.chain.LossyCodec mp3(int bitrateKbps) {
        return org.freshears.translation.Codec.MP3.at(bitrateKbps).asStepCodec();
    }

    /** Opus at a bit rate. */
    public static org.freshears.chain.LossyCodec opus(int bitrateKbps) {
        return org.freshears.translation.Codec.OPUS.at(bitrateKbps).asStepCodec();
    }

    /** Ogg Vorbis at a bit rate (160: quality 5). */
    public static org.freshears.chain.LossyCodec vorbis(int bitrateKbps) {
        return org.freshears.translation.Codec.VORBIS.at(bitrateKbps).asStepCodec();
    }

    // ---- translation: check metrics (#14 item 7) ----------------------------------------------------

    /** A streaming platform's rule by name, as {@code platforms.tsv} has it: {@code platform("spotify:loud")}. */
    public static org.freshears.translation.PlatformRule platform(String name) {
        return org.freshears.translation.PlatformRules.bundled().rule(name);
    }

    /** Spotify, normal (−14 LUFS). */
    public static org.freshears.translation.PlatformRule spotify() {
        return platform("spotify");
    }

    /** Spotify in a mode: {@code spotify("loud")} (−11 LUFS, its limiter), {@code spotify("quiet")} (−19). */
    public static org.freshears.translation.PlatformRule spotify(String mode) {
        return platform("spotify:" + mode);
    }

    /** Apple Music with Sound Check (−16 LUFS). */
    public static org.freshears.translation.PlatformRule apple() {
        return platform("apple");
    }

    /** YouTube (−14 LUFS, turns down only). */
    public static org.freshears.translation.PlatformRule youtube() {
        return platform("youtube");
    }

    /** Tidal (−14 LUFS, turns down only). */
    public static org.freshears.translation.PlatformRule tidal() {
        return platform("tidal");
    }

    /** Amazon Music (−14 LUFS, turns down only). */
    public static org.freshears.translation.PlatformRule amazon() {
        return platform("amazon");
    }

    /** Deezer (−15 LUFS, turns down only). */
    public static org.freshears.translation.PlatformRule deezer() {
        return platform("deezer");
    }

    /**
     * The gain the platform plays the master with, dB, for a check: {@code s.check("Spotify plays it unchanged",
     * playbackGainDb(spotify()), within(0, 1))}. Measured on the master.
     */
    public static org.freshears.checklist.TranslatedMetric playbackGainDb(org.freshears.translation.PlatformRule platform) {
        return new org.freshears.checklist.TranslatedMetric.PlaybackGain(platform.platform(), platform.mode());
    }

    /**
     * The loudness the mono fold-down loses against the master, LU, for a check: {@code s.check("mono keeps its
     * loudness", monoLossLu(), atLeast(-1.5))}. Measured on the master.
     */
    public static org.freshears.checklist.TranslatedMetric monoLossLu() {
        return new org.freshears.checklist.TranslatedMetric.MonoLoss();
    }

    // ---- match EQ (#16 item 3) ------------------------------------------------------------------

    /**
     * A match EQ toward a reference's tonal balance: {@code s.step("match", matchEq(ref).amount(0.5))}, with
     * {@code .smoothingOctaves(1/3.0)}, {@code .maxBoostDb(3)}, {@code .maxCutDb(6)}, {@code .rangeHz(30, 16000)}
     * (the defaults). It designs its curve on the audio it receives (a linear-phase FIR; see
     * {@link org.freshears.chain.MatchEq}); the session saves the curve, so a replay needs no reference file.
     */
    public static org.freshears.chain.MatchEq matchEq(org.freshears.session.Reference reference) {
        return org.freshears.chain.MatchEq.to(org.freshears.chain.MatchTarget.of(reference.name(),
                reference.analysis().spectrum()));
    }

    // ---- albums (#16 item 4) --------------------------------------------------------------------------

    /**
     * An album: several songs mastered together ({@code var one = album.song("mixes/one.wav")} is a session like
     * any other), with the album's loudness, one gain for all ({@code album.targetLufs(-14)}), album checks and
     * every song's master ({@code album.render("masters", wav24().dither(tpdf()))}).
     */
    public static org.freshears.session.Album album(String title) {
        return NotebookContext.current().openAlbum(title);
    }

    /**
     * The loudest song's integrated loudness minus the quietest's, LU, for an album check: {@code
     * album.check("songs sit together", loudnessSpreadLu(), atMost(1.5))}.
     */
    public static org.freshears.checklist.AlbumMetric loudnessSpreadLu() {
        return org.freshears.checklist.AlbumMetric.LOUDNESS_SPREAD_LU;
    }

    /** The album's loudness (every song's 400 ms blocks gated together), LUFS, for an album check. */
    public static org.freshears.checklist.AlbumMetric albumLufs() {
        return org.freshears.checklist.AlbumMetric.INTEGRATED_LUFS;
    }
}
