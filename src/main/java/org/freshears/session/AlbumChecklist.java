package org.freshears.session;

import java.util.List;
import org.freshears.checklist.Verdict;

/**
 * An album's checklist: every song's own checklist and the album's checks. Done when every song's is done
 * and every album check holds.
 */
public record AlbumChecklist(String title, List<SongChecklist> songs, List<AlbumCheckVerdict> checks) {
    public AlbumChecklist {
        songs = List.copyOf(songs);
        checks = List.copyOf(checks);
    }

    /** One song's checklist, under its title. */
    public record SongChecklist(AlbumSong song, Checklist checklist) {
    }

    /** An album check with the value measured and its verdict. */
    public record AlbumCheckVerdict(AlbumCheck check, double value, Verdict verdict) {
        public boolean done() {
            return verdict.done();
        }
    }

    public boolean done() {
        return !songs.isEmpty() && songs.stream().allMatch(s -> s.checklist().done())
                && checks.stream().allMatch(AlbumCheckVerdict::done);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        long songsDone = songs.stream().filter(s -> s.checklist().done()).count();
        long checksDone = checks.stream().filter(AlbumCheckVerdict::done).count();
        sb.append("Album '").append(title).append("': ").append(songsDone).append(" of ").append(songs.size())
                .append(" songs done, ").append(checksDone).append(" of ").append(checks.size())
                .append(" album checks done").append(done() ? " - the album is done" : " - not done yet").append('\n');
        if (!checks.isEmpty()) {
            sb.append("Album checks\n");
            checks.forEach(v -> sb.append("  ").append(v.verdict()).append('\n'));
        }
        for (SongChecklist song : songs) {
            sb.append("Song ").append(song.song().number()).append(", '").append(song.song().title()).append("': ");
            song.checklist().toString().lines().forEach(line -> sb.append(line.startsWith("Checklist: ")
                    ? line.substring("Checklist: ".length()) : "  " + line).append('\n'));
        }
        return sb.toString();
    }
}
