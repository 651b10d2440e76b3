package org.freshears.notebook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rich output a cell attached through {@link CellOutputs#display}: a chart (image/png, image/svg+xml),
 * a checklist (text/html, text/plain)...
 *
 * @param mimeType     the IANA media type, e.g. {@code image/png}
 * @param data         the bytes (UTF-8 for text types); copied in and out, the record stays immutable
 * @param alternatives the same output in other types (a chart's SVG beside its PNG), for a front end
 *                     that picks the richest it can show (Jupyter's mime bundle); may be empty
 */
public record RichOutput(String mimeType, byte[] data, Map<String, byte[]> alternatives) {
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
        Map<String, byte[]> copied = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> alternative : alternatives.entrySet()) {
            if (!MIME_TYPE.matcher(alternative.getKey()).matches() || alternative.getKey().equals(mimeType)) {
                throw new IllegalArgumentException("not an alternative mime type: \"" + alternative.getKey() + "\"");
            }
            copied.put(alternative.getKey(), alternative.getValue().clone());
        }
        alternatives = Collections.unmodifiableMap(copied);
    }

    public RichOutput(String mimeType, byte[] data) {
        this(mimeType, data, Map.of());
    }

    /** This output with one more representation (a chart's {@code image/svg+xml} beside its PNG). */
    public RichOutput withAlternative(String otherMimeType, byte[] otherData) {
        Map<String, byte[]> more = new LinkedHashMap<>(alternatives);
        more.put(otherMimeType, otherData);
        return new RichOutput(mimeType, data, more);
    }

    /** Every representation, this one first: the mime bundle a Jupyter front end picks from. */
    public Map<String, byte[]> bundle() {
        Map<String, byte[]> bundle = new LinkedHashMap<>();
        bundle.put(mimeType, data.clone());
        alternatives.forEach((type, bytes) -> bundle.put(type, bytes.clone()));
        return bundle;
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
        if (!(o instanceof RichOutput d && d.mimeType.equals(mimeType) && Arrays.equals(d.data, data)
                && d.alternatives.keySet().equals(alternatives.keySet()))) {
            return false;
        }
        return alternatives.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), d.alternatives.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return 31 * mimeType.hashCode() + Arrays.hashCode(data) + 17 * alternatives.keySet().hashCode();
    }

    @Override
    public Map<String, byte[]> alternatives() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        alternatives.forEach((type, bytes) -> copy.put(type, bytes.clone()));
        return copy;
    }

    @Override
    public String toString() {
        return "RichOutput[mimeType=" + mimeType + ", " + data.length + " bytes"
                + (alternatives.isEmpty() ? "" : ", also " + String.join(", ", alternatives.keySet())) + "]";
    }
}
