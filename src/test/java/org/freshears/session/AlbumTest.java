package org.freshears.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Gain;
import org.freshears.chain.Limiter;
import org.freshears.checklist.AlbumMetric;
import org.freshears.checklist.Condition;
import org.freshears.checklist.Metric;
import org.freshears.measure.LoudnessMeter;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 5, albums: spread, album loudness, the one album gain and its refusals. */
class AlbumTest {
    @TempDir
    Path dir;

    private Path song(String name, double gainDb, long seed, int sampleRate) throws Exception {
        AudioBuffer noise = Signals.pinkNoise(2, sampleRate, sampleRate * 6, Signals.dbToLinear(gainDb), seed);
        Path file = dir.resolve(name);
        WavWriter.write(noise, file, WavOutputFormat.float32());
        return file;
    }

    private Album album() {
        SessionContext context = new SessionContext(dir.resolve("out"), Display.NONE, Progress.Factory.NONE, dir);
        return new Album("EP", context, mix -> Session.open(context.input(mix), context));
    }

    @Test
    void spreadIsTheLoudestSongMinusTheQuietestAndAlbumLoudnessGatesEveryBlockTogether() throws Exception {
        Album album = album();
        Session a = album.song(song("a.wav", -20, 1, 48_000).toString());
        Session b = album.song(song("b.wav", -23, 2, 48_000).toString(), "Second");
        Session c = album.song(song("c.wav", -21.5, 3, 48_000).toString());
        double la = a.latest().analysis().integratedLufs();
        double lb = b.latest().analysis().integratedLufs();
        double lc = c.latest().analysis().integratedLufs();
        assertEquals(Math.max(la, Math.max(lb, lc)) - Math.min(la, Math.min(lb, lc)), album.loudnessSpreadLu(), 1e-12);
        assertEquals(3.0, album.loudnessSpreadLu(), 0.1); // the levels written, as pink noise reads
        assertEquals(LoudnessMeter.integratedLufs(List.of(LoudnessMeter.gatingBlocks(a.master()),
                LoudnessMeter.gatingBlocks(b.master()), LoudnessMeter.gatingBlocks(c.master()))), album.integratedLufs());
        assertEquals(List.of("a", "Second", "c"), album.songs().stream().map(AlbumSong::title).toList());
        assertEquals("02-second", album.songs().get(1).fileStem());
    }

    @Test
    void oneGainForEverySongReachesTheTargetAndKeepsTheirLevelsAgainstEachOther() throws Exception {
        Album album = album();
        Session a = album.song(song("a.wav", -20, 1, 48_000).toString());
        Session b = album.song(song("b.wav", -24, 2, 48_000).toString());
        double before = album.integratedLufs();
        double la = a.latest().analysis().integratedLufs();
        double lb = b.latest().analysis().integratedLufs();
        double spread = album.loudnessSpreadLu();
        AlbumGain gain = album.targetLufs(-30);
        assertEquals(-30 - before, gain.gainDb(), 1e-12);
        assertEquals(before, gain.loudnessBeforeLufs());
        assertEquals(-30, album.integratedLufs(), 1e-4);
        assertEquals(la + gain.gainDb(), a.latest().analysis().integratedLufs(), 1e-4);
        assertEquals(lb + gain.gainDb(), b.latest().analysis().integratedLufs(), 1e-4);
        assertEquals(spread, album.loudnessSpreadLu(), 1e-4);
        for (Session s : List.of(a, b)) { // the gain is each song's last step, in its record and its renders
            StepRun last = s.steps().get(s.steps().size() - 1);
            assertEquals(Album.GAIN_STEP, last.name());
            assertEquals(List.of(new Gain(gain.gainDb())), last.resolved());
        }
        List<RenderRecord> masters = album.render("masters", WavOutputFormat.float32());
        assertEquals(dir.resolve("out/masters/01-a.wav"), masters.get(0).path());
        AudioBuffer written = WavReader.read(masters.get(1).path()).audio();
        assertEquals(lb + gain.gainDb(), LoudnessMeter.integratedLufs(written), 1e-4);
    }

    @Test
    void aGainThatTakesASongOverTheCeilingIsRefusedNamingTheSongAndTheMostItTakes() throws Exception {
        Album album = album();
        Session hot = album.song(song("hot.wav", -20, 1, 48_000).toString(), "Hot");
        album.song(song("quiet.wav", -30, 2, 48_000).toString(), "Quiet");
        hot.step("limit", new Limiter().ceilingDbtp(-1.0).targetLufs(-12)); // hot now peaks at its ceiling
        double peak = hot.latest().analysis().truePeakDbtp();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> album.targetLufs(-14));
        assertTrue(e.getMessage().contains("would take song 1, 'Hot'"), e.getMessage());
        assertTrue(e.getMessage().contains("over the album's -1.0 dBTP ceiling"), e.getMessage());
        assertTrue(e.getMessage().contains(String.format(java.util.Locale.ROOT, "the most this album takes is %+.2f dB",
                -1.0 - peak)), e.getMessage());
        assertTrue(hot.steps().stream().noneMatch(s -> s.name().equals(Album.GAIN_STEP)), "nothing applied");
        // A lower target, or a ceiling with room, is taken.
        assertTrue(album.ceilingDbtp(-0.1).targetLufs(-20).gainDb() < 0);
    }

    @Test
    void albumChecksReadTheAlbumAndCanFail() throws Exception {
        Album album = album();
        album.song(song("a.wav", -20, 1, 48_000).toString());
        album.song(song("b.wav", -24, 2, 48_000).toString());
        album.check("songs sit together", AlbumMetric.LOUDNESS_SPREAD_LU, new Condition.AtMost(1.5));
        album.check("album loudness", Metric.INTEGRATED_LUFS, new Condition.Within(-16, 0.5));
        AlbumChecklist list = album.checklist();
        assertFalse(list.checks().get(0).done(), list.toString()); // 4 LU apart
        assertEquals(album.loudnessSpreadLu(), list.checks().get(0).value());
        assertEquals(album.integratedLufs(), list.checks().get(1).value());
        assertFalse(list.done(), "songs without checks and a failing album check: not done");
        assertTrue(list.toString().contains("[ ] songs sit together: loudness spread 4."), list.toString());
        assertThrows(IllegalArgumentException.class, () -> album.check("range", Metric.LOUDNESS_RANGE_LU,
                new Condition.AtMost(8)));
    }

    @Test
    void songsAtAnotherSampleRateAreRefused() throws Exception {
        Album album = album();
        album.song(song("a.wav", -20, 1, 48_000).toString());
        Path other = song("b.wav", -20, 2, 44_100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> album.song(other.toString()));
        assertTrue(e.getMessage().startsWith(other + ": 44.1 kHz, but the album's first song"), e.getMessage());
        assertEquals(1, album.songs().size());
    }

    @Test
    void stepsAfterTheAlbumGainAndSongsAddedAfterItAreRefused() throws Exception {
        Album album = album();
        Session a = album.song(song("a.wav", -20, 1, 48_000).toString());
        album.targetLufs(-26);
        assertThrows(IllegalArgumentException.class, () -> album.targetLufs(-26));
        assertThrows(IllegalArgumentException.class, () -> album.song(dir.resolve("a.wav").toString(), "again"));
        a.step("late", new Gain(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> album.render(WavOutputFormat.float32()));
        assertTrue(e.getMessage().contains("has steps after the album gain (late)"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out/01-a.wav")));
    }
}
