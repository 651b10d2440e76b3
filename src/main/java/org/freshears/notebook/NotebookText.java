package org.freshears.notebook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A notebook's text, which must be UTF-8 (as Jupytext and every editor write it today). Text in another
 * encoding is refused with the file's name, where the first unreadable byte is, and what the file most
 * likely is (UTF-16 from a Windows editor, Latin-1), rather than the decoder's "Input length = 1".
 */
final class NotebookText {
    private NotebookText() {
    }

    static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) { // UTF-16 without a byte-order mark decodes as UTF-8 full of NULs
                throw new IOException(file + ": not UTF-8 text (" + guess(bytes, nul) + "); save the notebook as UTF-8");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text (" + guess(bytes, in.position())
                    + "); save the notebook as UTF-8");
        }
    }

    /** What the bytes probably are, and where the first one that is not UTF-8 is. */
    private static String guess(byte[] bytes, int offset) {
        boolean bomBigEndian = bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff;
        boolean bomLittleEndian = bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe;
        if (bomBigEndian || bomLittleEndian) {
            return "it is UTF-16" + (bomBigEndian ? "BE" : "LE") + ", by its byte-order mark";
        }
        int zeros = 0;
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            zeros += bytes[i] == 0 ? 1 : 0;
        }
        if (zeros > 0) {
            return "it holds NUL bytes, so it is likely UTF-16 or not text at all";
        }
        int at = Math.min(offset, bytes.length - 1);
        return String.format(Locale.ROOT, "byte 0x%02X at offset %d is not UTF-8; likely Latin-1 or Windows-1252",
                bytes[Math.max(at, 0)] & 0xff, at);
    }
}
