package org.freshears.session;

/**
 * One song of an album: its place in the running order (1, 2, ...), its title, and its own session (its
 * notes, problem areas, chain, checks and renders).
 */
public record AlbumSong(int number, String title, Session session) {
    public AlbumSong {
        if (number < 1) {
            throw new IllegalArgumentException("songs are numbered from 1, got " + number);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a song needs a title");
        }
    }

    /** The file name a master of this song gets: {@code 01-night-drive}, the extension added by the format. */
    public String fileStem() {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-+|-+$", "");
        return String.format(java.util.Locale.ROOT, "%02d-%s", number, slug.isEmpty() ? "song" : slug);
    }
}
