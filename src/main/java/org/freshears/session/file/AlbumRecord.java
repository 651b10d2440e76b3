package org.freshears.session.file;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.freshears.chain.Gain;
import org.freshears.checklist.AlbumMetric;
import org.freshears.checklist.Condition;
import org.freshears.session.Album;
import org.freshears.session.AlbumChecklist;
import org.freshears.session.AlbumFigures;
import org.freshears.session.AlbumSong;

/**
 * Everything an album did, as {@code session.json} holds it for an album notebook (format
 * {@value #FORMAT}): the album's title, ceiling and gain, its measured figures and checks, and every song as
 * a complete session record ({@link SessionRecord}, at that format's version), which also replays alone once
 * saved as a file of its own. The album gain is each song's last step ({@value Album#GAIN_STEP}), so a replay
 * renders it as it renders any step; it is checked to agree with the album's on reading.
 *
 * @param format        always {@link #FORMAT}
 * @param formatVersion the version of this layout, {@link #FORMAT_VERSION}
 * @param toolVersion   the freshears version that wrote the file (informative)
 * @param title         the album's title
 * @param ceilingDbtp   the true peak no song may pass with the album gain
 * @param gain          the album gain, or absent when the notebook set none
 * @param figures       the album's loudness, spread and highest true peak, as measured at the end of the run
 * @param checks        album checks with their results
 * @param songs         every song in running order
 */
@JsonPropertyOrder({"format", "formatVersion", "toolVersion", "title", "ceilingDbtp", "gain", "figures", "checks",
    "songs"})
public record AlbumRecord(String format, int formatVersion, String toolVersion, String title, double ceilingDbtp,
        @JsonInclude(JsonInclude.Include.NON_NULL) GainEntry gain, Figures figures, List<CheckEntry> checks,
        List<SongEntry> songs) {

    public static final String FORMAT = "freshears-album";
    /** Bump on any change a reader of the previous version could not read; keep reading the old ones. */
    public static final int FORMAT_VERSION = 1;

    public AlbumRecord {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format must be '" + FORMAT + "', got '" + format + "'");
        }
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion must be " + FORMAT_VERSION + ", got " + formatVersion);
        }
        required("toolVersion", toolVersion);
        required("title", title);
        required("figures", figures);
        checks = List.copyOf(required("checks", checks));
        songs = List.copyOf(required("songs", songs));
        if (songs.isEmpty()) {
            throw new IllegalArgumentException("an album has at least one song; 'songs' is empty");
        }
        Set<String> titles = new HashSet<>();
        Set<String> renders = new HashSet<>();
        int rate = songs.get(0).session().mix().format().sampleRate();
        for (int i = 0; i < songs.size(); i++) {
            SongEntry song = songs.get(i);
            String which = "song " + (i + 1) + " ('" + song.title() + "')";
            if (song.number() != i + 1) {
                throw new IllegalArgumentException(which + " has number " + song.number() + "; songs are numbered"
                        + " 1, 2, 3... in running order");
            }
            if (!titles.add(song.title())) {
                throw new IllegalArgumentException("two songs are titled '" + song.title() + "'");
            }
            if (song.session().mix().format().sampleRate() != rate) {
                throw new IllegalArgumentException(which + " is at " + song.session().mix().format().sampleRate()
                        + " Hz and song 1 at " + rate + " Hz; an album is at one rate");
            }
            for (SessionRecord.Render render : song.session().renders()) {
                if (!renders.add(render.path())) {
                    throw new IllegalArgumentException(which + " renders '" + render.path() + "', as an earlier song"
                            + " does: each song's masters need names of their own");
                }
            }
            if (gain != null) {
                requireGainStep(which, song.session(), gain.gainDb());
            }
        }
    }

    /** The album gain is the song's last step, a single gain of exactly the album's: else the file was edited. */
    private static void requireGainStep(String which, SessionRecord song, double gainDb) {
        List<SessionRecord.StepEntry> steps = song.steps();
        SessionRecord.StepEntry last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        boolean agrees = last != null && last.name().equals(Album.GAIN_STEP) && last.resolved().size() == 1
                && last.resolved().get(0) instanceof Gain g && Double.compare(g.gainDb(), gainDb) == 0;
        if (!agrees) {
            throw new IllegalArgumentException(which + ": its chain does not end in the album gain the album records"
                    + " (a step '" + Album.GAIN_STEP + "' of gain(" + gainDb + ") alone)");
        }
    }

    /** The record of an album as it stands, each song's session as {@link SessionRecord#of} records it. */
    public static AlbumRecord of(Album album, Path jsonLocation, String toolVersion) {
        AlbumFigures f = album.figures();
        AlbumChecklist checklist = album.checklist();
        List<CheckEntry> checks = new ArrayList<>();
        for (AlbumChecklist.AlbumCheckVerdict v : checklist.checks()) {
            checks.add(new CheckEntry(v.check().name(), v.check().metric(), v.check().condition(),
                    SessionRecord.Facts.orNull(v.value()), v.done(), v.verdict().evidence()));
        }
        List<SongEntry> songs = new ArrayList<>();
        for (AlbumSong song : album.songs()) {
            songs.add(new SongEntry(song.number(), song.title(), SessionRecord.of(song.session(), jsonLocation,
                    toolVersion)));
        }
        GainEntry gain = album.gain().map(g -> new GainEntry(g.targetLufs(), g.loudnessBeforeLufs(), g.gainDb()))
                .orElse(null);
        return new AlbumRecord(FORMAT, FORMAT_VERSION, toolVersion, album.title(), album.ceilingDbtp(), gain,
                new Figures(SessionRecord.Facts.orNull(f.integratedLufs()), SessionRecord.Facts.orNull(f.loudnessSpreadLu()),
                        SessionRecord.Facts.orNull(f.truePeakDbtp())), checks, songs);
    }

    /** The album gain: its target, the album's loudness before it, and the gain every song got. */
    @JsonPropertyOrder({"targetLufs", "loudnessBeforeLufs", "gainDb"})
    public record GainEntry(double targetLufs, double loudnessBeforeLufs, double gainDb) {
    }

    /** The album's figures at the end of the run (null where a value does not exist: a silent album). */
    @JsonPropertyOrder({"integratedLufs", "loudnessSpreadLu", "truePeakDbtp"})
    public record Figures(Double integratedLufs, Double loudnessSpreadLu, Double truePeakDbtp) {
    }

    @JsonPropertyOrder({"name", "metric", "condition", "value", "done", "evidence"})
    public record CheckEntry(String name, AlbumMetric metric, Condition condition, Double value, boolean done,
            String evidence) {
        public CheckEntry {
            required("name", name);
            required("metric", metric);
            required("condition", condition);
            required("evidence", evidence);
        }
    }

    @JsonPropertyOrder({"number", "title", "session"})
    public record SongEntry(int number, String title, SessionRecord session) {
        public SongEntry {
            required("title", title);
            required("session", session);
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }
}
