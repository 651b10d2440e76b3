package org.freshears.session.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.freshears.io.AtomicFile;

/**
 * Reads and writes an album's {@code session.json} ({@link AlbumRecord}), as strictly as {@link SessionJson}
 * reads a song's and with the same bytes for the same album: each song's session is checked, upgraded from an
 * older format version and fitted to its mix exactly as a session file of its own would be.
 */
public final class AlbumJson {
    private AlbumJson() {
    }

    /** Whether the file is an album's session file (its "format" says so); anything else is read as a session's. */
    public static boolean isAlbum(Path file) throws IOException {
        try {
            JsonNode root = SessionJson.MAPPER.readTree(Files.readAllBytes(file));
            return root != null && root.isObject() && root.get("format") != null
                    && AlbumRecord.FORMAT.equals(root.get("format").asText());
        } catch (JsonProcessingException notJson) {
            return false; // the session reader names the fault
        }
    }

    public static void write(AlbumRecord record, Path target) throws IOException {
        AtomicFile.write(target, toBytes(record));
    }

    /** UTF-8 JSON, two-space indent, '\n' line ends, a final newline: the layout of a song's session file. */
    public static byte[] toBytes(AlbumRecord record) {
        try {
            return (SessionJson.WRITER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write album JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static AlbumRecord read(Path file) throws IOException {
        return parse(file, Files.readAllBytes(file));
    }

    public static AlbumRecord parse(Path file, byte[] bytes) throws SessionFormatException {
        JsonNode root = SessionJson.jsonTree(file, bytes);
        checkFormat(file, root);
        JsonNode songs = root.get("songs");
        if (songs != null && songs.isArray()) {
            for (int i = 0; i < songs.size(); i++) {
                JsonNode session = songs.get(i).get("session");
                if (session != null && session.isObject()) {
                    try {
                        FormatUpgrade.toCurrent(session, SessionJson.checkFormat(file, session));
                    } catch (SessionFormatException e) {
                        throw new SessionFormatException(file, "song " + (i + 1) + ": " + e.fault(), e);
                    }
                }
            }
        }
        AlbumRecord record;
        try {
            record = SessionJson.MAPPER.treeToValue(root, AlbumRecord.class);
        } catch (JsonMappingException e) {
            throw new SessionFormatException(file, JsonFaults.describe(e, root), e);
        } catch (JsonProcessingException e) {
            throw new SessionFormatException(file, JsonFaults.notJson(e), e);
        } catch (IllegalArgumentException e) {
            throw new SessionFormatException(file, e.getMessage(), e);
        }
        for (AlbumRecord.SongEntry song : record.songs()) {
            try {
                SessionJson.checkFit(file, song.session());
            } catch (SessionFormatException e) {
                throw new SessionFormatException(file, "song " + song.number() + " ('" + song.title() + "'): "
                        + e.fault(), e);
            }
        }
        return record;
    }

    private static void checkFormat(Path file, JsonNode root) throws SessionFormatException {
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new SessionFormatException(file, version == null ? "missing field 'formatVersion'"
                    : "formatVersion must be a whole number, got " + version);
        }
        if (version.intValue() > AlbumRecord.FORMAT_VERSION) {
            throw new SessionFormatException(file, "album format version " + version.intValue() + " is newer than this"
                    + " freshears reads (" + AlbumRecord.FORMAT_VERSION + "); use a newer freshears");
        }
    }
}
