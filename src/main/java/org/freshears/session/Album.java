package org.freshears.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavOutputFormat;
import org.freshears.chain.Gain;
import org.freshears.checklist.AlbumMetric;
import org.freshears.checklist.Condition;
import org.freshears.checklist.Metric;
import org.freshears.checklist.Verdict;
import org.freshears.measure.Analysis;
import org.freshears.measure.LoudnessMeter;

/**
 * Several songs mastered together: each song is a {@link Session} of its own (notes, problem areas, chain,
 * checks, renders), and the album adds what only the songs together have: the album's loudness (all songs'
 * 400 ms blocks gated together, as ReplayGain's album gain and album-mode normalization measure it), the
 * loudness spread between its songs, one gain for every song to bring the album to a target
 * ({@link #targetLufs}), album checks and the masters of every song.
 *
 * <p>The album gain is a step of each song's chain, named {@value #GAIN_STEP}: it is in every song's
 * rendered master and in the session file, and a replay renders it like any other step.
 */
public final class Album {
    /** The name of the step that carries the album gain in each song's chain. */
    public static final String GAIN_STEP = "album gain";
    /** The true peak no song may pass with the album gain, unless {@link #ceilingDbtp} says otherwise. */
    public static final double DEFAULT_CEILING_DBTP = -1.0;
    /** A song's true peak after the gain may sit this far over the ceiling: the float rounding of the gain itself. */
    private static final double CEILING_SLACK_DB = 1e-6;

    /** Opens a song's mix as a session, in the context of the run (its folder, display and progress). */
    @FunctionalInterface
    public interface SongOpener {
        Session open(Path mixPath) throws AudioFormatException;
    }

    private final String title;
    private final SongOpener opener;
    private final SessionContext context;
    private final List<AlbumSong> songs = new ArrayList<>();
    private final List<AlbumCheck> checks = new ArrayList<>();
    private double ceilingDbtp = DEFAULT_CEILING_DBTP;
    private AlbumGain gain;
    /**
     * Each master's gating blocks, by the identity of the snapshot that measured it: steps process the master's
     * buffer in place, but each takes a new snapshot, so a key never outlives what it measured.
     */
    private final Map<Snapshot, double[]> blocks = new IdentityHashMap<>();

    public Album(String title, SessionContext context, SongOpener opener) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an album needs a title");
        }
        this.title = title;
        this.context = context;
        this.opener = opener;
    }

    // ---- songs ----------------------------------------------------------------------------------

    /** Adds a song, titled by its mix's file name; returns its session, to master like any other. */
    public Session song(String mixPath) throws AudioFormatException {
        String name = Path.of(mixPath).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return song(mixPath, dot > 0 ? name.substring(0, dot) : name);
    }

    /** Adds a song with a title ({@code album.song("mixes/night-drive.wav", "Night Drive")}); returns its session. */
    public Session song(String mixPath, String songTitle) throws AudioFormatException {
        if (gain != null) {
            throw new IllegalArgumentException("song '" + songTitle + "': the album gain is already set; add every"
                    + " song before album.targetLufs(...)");
        }
        if (songs.stream().anyMatch(s -> s.title().equals(songTitle))) {
            throw new IllegalArgumentException("the album already has a song titled '" + songTitle + "'");
        }
        Session session = opener.open(Path.of(mixPath));
        if (!songs.isEmpty()) {
            Session first = songs.get(0).session();
            int rate = session.mix().audio().sampleRate();
            int albumRate = first.mix().audio().sampleRate();
            if (rate != albumRate) {
                throw new IllegalArgumentException(session.mixPath() + ": " + RenderRecord.kiloHertz(rate)
                        + ", but the album's first song (" + first.mixPath() + ") is at " + RenderRecord.kiloHertz(albumRate)
                        + "; an album is mastered at one rate: print this mix at " + RenderRecord.kiloHertz(albumRate));
            }
        }
        songs.add(new AlbumSong(songs.size() + 1, songTitle, session));
        return session;
    }

    // ---- album gain -----------------------------------------------------------------------------

    /** The true peak no song may pass with the album gain (default {@value #DEFAULT_CEILING_DBTP} dBTP). */
    public Album ceilingDbtp(double dbtp) {
        if (!Double.isFinite(dbtp) || dbtp > 0 || dbtp < -20) {
            throw new IllegalArgumentException("the album's ceiling must be within [-20, 0] dBTP, got " + dbtp);
        }
        if (gain != null) {
            throw new IllegalArgumentException("the album gain is already set with a " + gain.ceilingDbtp()
                    + " dBTP ceiling; set the ceiling before album.targetLufs(...)");
        }
        ceilingDbtp = dbtp;
        return this;
    }

    /**
     * Album-mode normalization: one gain for every song, so the album's loudness (every song's master gated
     * together) reaches {@code targetLufs} and the songs keep their levels against each other. It goes on the
     * end of each song's chain as the step {@value #GAIN_STEP}. A gain that would take any song's true peak over
     * the album's ceiling is refused, naming the song and the most gain the album takes: a mastering engineer
     * neither clips a song nor limits it harder than its neighbours behind their back. Call it once, after
     * every song's last step.
     */
    public AlbumGain targetLufs(double targetLufs) {
        if (!Double.isFinite(targetLufs) || targetLufs > 0 || targetLufs < -70) {
            throw new IllegalArgumentException("the album's target must be within [-70, 0] LUFS, got " + targetLufs);
        }
        if (songs.isEmpty()) {
            throw new IllegalArgumentException("the album has no songs: add them with album.song(...) first");
        }
        if (gain != null) {
            throw new IllegalArgumentException("the album gain is already set (" + gain + "); set it once, after"
                    + " every song's last step");
        }
        double before = integratedLufs();
        if (Double.isNaN(before)) {
            throw new IllegalArgumentException("the album is silent: no 400 ms block passes the gates, so no gain"
                    + " brings it to " + targetLufs + " LUFS");
        }
        double gainDb = targetLufs - before;
        AlbumSong loudestPeak = songs.stream().max(java.util.Comparator.comparingDouble(
                s -> s.session().latest().analysis().truePeakDbtp())).orElseThrow();
        double peak = loudestPeak.session().latest().analysis().truePeakDbtp();
        if (peak + gainDb > ceilingDbtp + CEILING_SLACK_DB) {
            double most = ceilingDbtp - peak;
            throw new IllegalArgumentException(String.format(Locale.ROOT, "album gain %+.2f dB (%.2f LUFS to %.2f)"
                    + " would take song %d, '%s', from %.2f to %.2f dBTP, over the album's %.1f dBTP ceiling; the most"
                    + " this album takes is %+.2f dB (%.2f LUFS): aim there, limit '%s' harder in its own chain,"
                    + " or set album.ceilingDbtp(...)", gainDb, before, targetLufs, loudestPeak.number(),
                    loudestPeak.title(), peak, peak + gainDb, ceilingDbtp, most, before + most, loudestPeak.title()));
        }
        for (AlbumSong song : songs) {
            song.session().step(GAIN_STEP, new Gain(gainDb));
        }
        gain = new AlbumGain(targetLufs, ceilingDbtp, before, gainDb);
        context.display().text(gain + "; album loudness now " + String.format(Locale.ROOT, "%.2f LUFS",
                integratedLufs()));
        return gain;
    }

    // ---- measurements and checks ----------------------------------------------------------------

    /** The album's loudness, LUFS: every song's master as it stands, their 400 ms blocks gated together. */
    public double integratedLufs() {
        List<double[]> all = new ArrayList<>();
        for (AlbumSong song : songs) {
            Session session = song.session();
            all.add(blocks.computeIfAbsent(session.latest(), latest -> LoudnessMeter.gatingBlocks(session.master())));
        }
        return LoudnessMeter.integratedLufs(all);
    }

    /** The loudest song's integrated loudness minus the quietest's, LU (masters as they stand). */
    public double loudnessSpreadLu() {
        return figures().loudnessSpreadLu();
    }

    /** Every figure of the album and its songs, measured on the masters as they stand. */
    public AlbumFigures figures() {
        List<AlbumFigures.SongFigures> figures = new ArrayList<>();
        double loudest = Double.NEGATIVE_INFINITY;
        double quietest = Double.POSITIVE_INFINITY;
        double peak = Double.NEGATIVE_INFINITY;
        for (AlbumSong song : songs) {
            Analysis a = song.session().latest().analysis();
            Checklist checklist = song.session().checklist();
            figures.add(new AlbumFigures.SongFigures(song.number(), song.title(), a.integratedLufs(), a.truePeakDbtp(),
                    a.loudnessRangeLu(), a.psrDb(), checklist.done(), checklist.doneCount(), checklist.size()));
            loudest = Math.max(loudest, a.integratedLufs());
            quietest = Math.min(quietest, a.integratedLufs());
            peak = Math.max(peak, a.truePeakDbtp());
        }
        double spread = songs.isEmpty() || Double.isNaN(loudest) || Double.isNaN(quietest) ? Double.NaN
                : loudest - quietest;
        return new AlbumFigures(songs.isEmpty() ? Double.NaN : integratedLufs(), spread,
                songs.isEmpty() ? Double.NaN : peak, figures);
    }

    /** An album check: {@code album.check("songs sit together", loudnessSpreadLu(), atMost(1.5))}. */
    public AlbumCheck check(String name, AlbumMetric metric, Condition condition) {
        if (checks.stream().anyMatch(c -> c.name().equals(name))) {
            throw new IllegalArgumentException("the album already has a check named '" + name + "'");
        }
        AlbumCheck check = new AlbumCheck(name, metric, condition);
        checks.add(check);
        return check;
    }

    /**
     * An album check on a song metric read for the whole album: {@code integratedLufs()} is the album's
     * loudness, {@code truePeakDbtp()} the highest song's true peak.
     */
    public AlbumCheck check(String name, Metric metric, Condition condition) {
        return check(name, AlbumMetric.of(metric), condition);
    }

    /** Every song's checklist and every album check, judged on the masters as they stand. */
    public AlbumChecklist checklist() {
        List<AlbumChecklist.SongChecklist> songLists = songs.stream()
                .map(s -> new AlbumChecklist.SongChecklist(s, s.session().checklist())).toList();
        AlbumFigures figures = checks.isEmpty() ? null : figures();
        List<AlbumChecklist.AlbumCheckVerdict> verdicts = new ArrayList<>();
        for (AlbumCheck check : checks) {
            double value = figures.valueOf(check.metric());
            boolean holds = !Double.isNaN(value) && check.condition().holds(value);
            String unit = check.metric().unit();
            verdicts.add(new AlbumChecklist.AlbumCheckVerdict(check, value, new Verdict(check.name(), holds,
                    check.metric().label() + " " + check.metric().format(value) + " (wanted "
                            + check.condition().describe() + " " + unit + ")")));
        }
        return new AlbumChecklist(title, songLists, verdicts);
    }

    // ---- masters --------------------------------------------------------------------------------

    /** Every song's master in the output folder, named by running order and title ({@code 01-night-drive.wav}). */
    public List<RenderRecord> render(WavOutputFormat format) throws IOException {
        return render("", format);
    }

    /** Every song's master into a folder of the output folder ({@code album.render("masters", wav24())}). */
    public List<RenderRecord> render(String folder, WavOutputFormat format) throws IOException {
        if (songs.isEmpty()) {
            throw new IllegalArgumentException("the album has no songs to render: add them with album.song(...)");
        }
        if (gain != null) {
            for (AlbumSong song : songs) {
                List<StepRun> steps = song.session().steps();
                if (!steps.get(steps.size() - 1).name().equals(GAIN_STEP)) {
                    throw new IllegalArgumentException("song " + song.number() + ", '" + song.title() + "', has steps"
                            + " after the album gain (" + steps.get(steps.size() - 1).name() + "), so the album gain no"
                            + " longer brings the album to " + gain.targetLufs() + " LUFS: add every song's steps before"
                            + " album.targetLufs(...)");
                }
            }
        }
        List<RenderRecord> records = new ArrayList<>();
        for (AlbumSong song : songs) {
            String name = song.fileStem() + format.extension();
            records.add(song.session().render(folder.isEmpty() ? name : folder + "/" + name, format));
        }
        return records;
    }

    // ---- what the report, the session file and the run read -------------------------------------

    public String title() {
        return title;
    }

    public List<AlbumSong> songs() {
        return List.copyOf(songs);
    }

    public List<AlbumCheck> checks() {
        return List.copyOf(checks);
    }

    /** The album gain, once {@link #targetLufs} has set it. */
    public java.util.Optional<AlbumGain> gain() {
        return java.util.Optional.ofNullable(gain);
    }

    public double ceilingDbtp() {
        return ceilingDbtp;
    }

    /** The songs side by side: loudness, true peak, loudness range, PSR and checklist, then the album's figures. */
    @Override
    public String toString() {
        AlbumFigures f = figures();
        StringBuilder sb = new StringBuilder("album '" + title + "', " + songs.size() + " song"
                + (songs.size() == 1 ? "" : "s") + "\n");
        sb.append(String.format(Locale.ROOT, "  %-3s %-24s %8s %8s %6s %6s  %s%n", "#", "song", "LUFS", "dBTP", "LRA",
                "PSR", "checklist"));
        for (AlbumFigures.SongFigures s : f.songs()) {
            String name = s.title().length() > 24 ? s.title().substring(0, 23) + "\u2026" : s.title();
            sb.append(String.format(Locale.ROOT, "  %-3d %-24s %8.2f %8.2f %6.1f %6.1f  %d of %d%s%n", s.number(), name,
                    s.integratedLufs(), s.truePeakDbtp(), s.loudnessRangeLu(), s.psrDb(), s.checklistDoneCount(),
                    s.checklistSize(), s.checklistDone() ? " done" : ""));
        }
        sb.append(String.format(Locale.ROOT, "  album %.2f LUFS, spread %.2f LU, highest true peak %.2f dBTP%s",
                f.integratedLufs(), f.loudnessSpreadLu(), f.truePeakDbtp(),
                gain == null ? "" : "; " + gain));
        return sb.toString();
    }
}
