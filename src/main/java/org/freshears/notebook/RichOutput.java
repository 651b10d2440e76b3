package org.freshears.notebook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rich output a cell attached through {@link CellOutputs#display}: a chart (image/png, image/svg+xml),
 * a checklist (text/html, text/plain)...
 *
 * @param mimeType the IANA media type, e.g. {@code image/png}
 * @param data     the bytes (UTF-8 for text types); copied in and out, the record stays immutable
 */
public record RichOutput(String mimeType, byte[] data) {
    // type "/" subtype, the grammar of RFC 6838 section 4.2 restricted to what nbformat accepts in
    // a mime bundle key (nbformat v4.5 schema, "mimebundle" patternProperties).
    private static final Pattern MIME_TYPE = Pattern.compile("[a-zA-Z0-9]+/[a-zA-Z0-9\\-+.]+");

    public RichOutput {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(data, "data");
        if (!MIME_TYPE.matcher(mimeType).matches()) {
            throw new IllegalArgumentException("mime type must look like type/subtype, got \"" + mimeType + "\"");
        }
        data = data.clone();
    }

    public static RichOutput text(String mimeType, String text) {
        return new RichOutput(mimeType, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The data read as UTF-8 text (meaningful for text types). */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RichOutput d && d.mimeType.equals(mimeType) && Arrays.equals(d.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * mimeType.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RichOutput[mimeType=" + mimeType + ", " + data.length + " bytes]";
    }
}
