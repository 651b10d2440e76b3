package org.freshears.report;

/**
 * A small HTML writer: every piece of text and every attribute value goes through {@link #escape}, so
 * nothing a notebook wrote (notes, names, paths, evidence) can become markup. Only {@link #raw} takes
 * markup, and the report uses it for the SVG charts it draws itself. The output is also well-formed XML
 * (void elements are self-closed, no named entities), so a test can parse it.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(1 << 16);

    /**
     * Text made safe inside elements and in double- or single-quoted attributes. Control characters that
     * XML 1.0 forbids (all below U+0020 but tab, newline and carriage return) become U+FFFD, so a stray
     * byte in a note cannot make the page ill-formed.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    /** An opening tag; {@code attributes} are name/value pairs, values escaped (a null value is left out). */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text: {@code <td class="num">-14.0</td>}. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** A void element such as {@code <meta/>}, self-closed so the page stays well-formed XML. */
    Html empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup this report made itself (never notebook text). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html newline() {
        out.append('\n');
        return this;
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs, got " + attributes.length);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
