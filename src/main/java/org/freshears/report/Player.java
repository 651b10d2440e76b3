package org.freshears.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freshears.report.ListeningFiles.Version;

/**
 * The player: buttons for the versions (mix, each step, master) with the level-matching gain of each,
 * play, a position slider, level matching (on by default), mono, the loop, and blind ABX; one small inline
 * script ({@code player.js}) does the listening with the Web Audio API. The same markup serves the report
 * (where anything naming a span loops it and the time charts get a playhead) and a notebook cell's output.
 *
 * <p>Level matching turns every version down to the quietest one's integrated loudness, as the session
 * measured it (each snapshot's), so nothing is turned up into clipping and louder never sounds better.
 */
public final class Player {
    /** The player's own styles; the report adds them to its style sheet, a notebook output carries them. */
    static final String CSS = """
            .player { position: sticky; top: 0; z-index: 5; background: #fff; border: 1px solid var(--rule, #d8dee4);
              border-radius: 8px; padding: .5rem .75rem; margin: 1rem 0; box-shadow: 0 2px 6px #0001; }
            .player .bar { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .9rem; }
            .player button { font: inherit; padding: .2rem .6rem; border: 1px solid #8c959f; border-radius: 5px;
              background: #f6f8fa; cursor: pointer; }
            .player button[aria-pressed="true"] { background: #0550ae; color: #fff; border-color: #0550ae; }
            .player button:disabled { opacity: .45; cursor: not-allowed; }
            .player .versions { display: flex; flex-wrap: wrap; gap: .3rem; margin: .4rem 0 .2rem; }
            .player .gain { font-size: .78em; opacity: .8; margin-left: .3rem; font-variant-numeric: tabular-nums; }
            .player input[type=range] { flex: 1 1 12rem; }
            .player .clock { font-variant-numeric: tabular-nums; }
            .player .note, .player .status { font-size: .82rem; color: #59636e; margin: .2rem 0 0; }
            .player details { margin-top: .3rem; font-size: .9rem; }
            .player .abx-row { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .3rem 0; }
            .loopable { cursor: pointer; }
            figure[data-t1] { position: relative; }
            figure .playhead { position: absolute; width: 2px; margin-left: -1px; background: #d7301f; pointer-events: none; }
            """;
    private static final String SCRIPT = readScript();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Player() {
    }

    /**
     * The player for these versions.
     *
     * @param versions in order; those without a file are listed as not written, with why
     * @param sampleRate the songs' sample rate (the audio context runs at it: no resampling)
     * @param durationSeconds the song's length
     * @param mixSha256 the mix's SHA-256, for the ABX result file
     * @param page true in the report: spans on the page loop, charts get a playhead, keys work
     */
    static void write(Html html, List<Version> versions, int sampleRate, double durationSeconds, String mixSha256,
            boolean page) {
        Map<String, Double> gains = gainsDb(versions);
        List<Version> playable = versions.stream().filter(v -> v.file() != null).toList();
        html.open("div", "class", "player", "role", "region", "aria-label", "player").newline();
        html.open("div", "class", "bar");
        button(html, "play", "\u25b6 Play");
        html.element("span", "0:00.0", "class", "clock", "data-part", "clock");
        html.empty("input", "type", "range", "min", "0", "max", number(durationSeconds), "step", "0.01", "value", "0",
                "data-part", "seek", "aria-label", "position");
        html.open("label").empty("input", "type", "checkbox", "checked", "checked", "data-part", "matched")
                .text(" Level-matched").close("label");
        html.open("label").empty("input", "type", "checkbox", "data-part", "mono").text(" Mono").close("label");
        html.element("span", "", "data-part", "loop-info", "class", "clock");
        html.open("button", "type", "button", "data-part", "clear-loop", "hidden", "hidden").text("No loop")
                .close("button");
        html.close("div").newline();
        html.open("div", "class", "versions", "role", "group", "aria-label", "versions");
        for (Version v : playable) {
            String gain = Figures.signed(gains.get(v.key()), 1) + " dB";
            html.open("button", "type", "button", "data-version", v.key(), "data-gain", gain, "title", v.label()
                    + ": " + Figures.fixed(v.integratedLufs(), 1, "LUFS") + (v.why() == null ? "" : "; " + v.why()))
                    .text(v.label()).element("span", gain, "class", "gain").close("button");
        }
        html.close("div").newline();
        List<String> notes = new ArrayList<>();
        for (Version v : versions) {
            if (v.why() != null) {
                notes.add(v.label() + ": " + v.why() + (v.file() == null ? "" : " (" + Figures.clock(v.fromSeconds())
                        + "\u2013" + Figures.clock(v.toSeconds()) + ")"));
            }
        }
        html.element("p", "Level-matched: each version turned down to the quietest one's integrated loudness"
                + " (the gain on its button). " + (page ? "Click a section, note, problem or finding on the timeline"
                + " or a problem's chart to loop it; keys 1\u20139 pick a version, x flips between the last two,"
                + " space plays. " : "") + String.join("; ", notes), "class", "note");
        html.element("p", "", "class", "status", "data-part", "status", "role", "status");
        if (playable.size() >= 2) {
            abx(html, playable);
        }
        html.open("script", "type", "application/json", "class", "player-data").raw(data(versions, gains, sampleRate,
                durationSeconds, mixSha256, page)).close("script").newline();
        // CDATA so the page stays well-formed XML; in HTML the marker lines are script comments.
        html.open("script").raw("//<![CDATA[\n").raw(SCRIPT).raw("//]]>").close("script").newline();
        html.close("div").newline();
    }

    /** The player's markup with its style, for a notebook cell's text/html output. */
    public static String fragment(List<Version> versions, int sampleRate, double durationSeconds, String mixSha256) {
        Html html = new Html();
        html.open("style").raw(CSS).close("style");
        write(html, versions, sampleRate, durationSeconds, mixSha256, false);
        return html.toString();
    }

    /** Each version's gain to the quietest version's integrated loudness (0 when it has none: silence). */
    static Map<String, Double> gainsDb(List<Version> versions) {
        double quietest = versions.stream().filter(v -> v.file() != null).mapToDouble(Version::integratedLufs)
                .filter(Double::isFinite).min().orElse(Double.NaN);
        Map<String, Double> gains = new LinkedHashMap<>();
        for (Version v : versions) {
            double g = quietest - v.integratedLufs();
            gains.put(v.key(), Double.isFinite(g) ? g : 0.0);
        }
        return gains;
    }

    private static void abx(Html html, List<Version> all) {
        // Previews are left out: session.json records no preview's loudness, so abx-import could not check
        // their level matching; an ABX of the chain's own versions is the recorded fact that matters.
        // References too: another song is told from the mix at once, and abx-import checks only the session's own
        // versions.
        List<Version> playable = all.stream().filter(v -> !v.key().startsWith("preview:")
                && !v.key().startsWith(org.freshears.session.Reference.KEY_PREFIX)).toList();
        html.open("details", "class", "abx").element("summary", "Blind ABX test").newline();
        html.element("p", "Pick two versions; each trial plays X, which is A or B at random; say which. The score "
                + "tells whether you hear a difference or could have guessed it. Levels and loop as set above.");
        html.open("div", "class", "abx-row");
        for (String side : List.of("a", "b")) {
            html.open("label").text(side.toUpperCase() + " ").open("select", "data-part", "abx-" + side);
            for (int i = 0; i < playable.size(); i++) {
                Version v = playable.get(i);
                boolean chosen = side.equals("a") ? i == 0 : i == playable.size() - 1;
                html.open("option", "value", v.key(), "selected", chosen ? "selected" : null).text(v.label())
                        .close("option");
            }
            html.close("select").close("label");
        }
        html.open("label").text("Trials ").empty("input", "type", "number", "min", "4", "max", "50", "value", "12",
                "data-part", "abx-trials").close("label");
        button(html, "abx-start", "Start");
        html.close("div").newline();
        html.open("div", "data-part", "abx-run", "hidden", "hidden").open("div", "class", "abx-row");
        html.element("strong", "", "data-part", "abx-trial");
        button(html, "abx-play-a", "Play A");
        button(html, "abx-play-b", "Play B");
        button(html, "abx-play-x", "Play X");
        button(html, "abx-is-a", "X is A");
        button(html, "abx-is-b", "X is B");
        // Last in the row: its text comes when playback starts, and must not move the buttons under the cursor.
        html.element("span", "", "data-part", "abx-playing");
        html.close("div").close("div").newline();
        html.open("div", "data-part", "abx-done", "hidden", "hidden").element("p", "", "data-part", "abx-score");
        button(html, "abx-save", "Save result");
        html.close("div").close("details").newline();
    }

    private static void button(Html html, String part, String text) {
        html.element("button", text, "type", "button", "data-part", part);
    }

    private static String data(List<Version> versions, Map<String, Double> gains, int sampleRate,
            double durationSeconds, String mixSha256, boolean page) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Version v : versions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", v.key());
            m.put("label", v.label());
            m.put("file", v.file());
            m.put("integratedLufs", Double.isFinite(v.integratedLufs()) ? v.integratedLufs() : null);
            m.put("gainDb", gains.get(v.key()));
            m.put("fromSeconds", v.fromSeconds());
            m.put("toSeconds", v.toSeconds());
            m.put("why", v.why());
            list.add(m);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("page", page);
        data.put("sampleRate", sampleRate);
        data.put("durationSeconds", durationSeconds);
        data.put("mixSha256", mixSha256);
        data.put("versions", list);
        try {
            // No '<', '>' or '&' outside strings in JSON: escaped inside them, the text cannot end the script
            // element and stays well-formed XML.
            return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String number(double value) {
        return Figures.fixed(value, 3);
    }

    private static String readScript() {
        try (InputStream in = Player.class.getResourceAsStream("player.js")) {
            if (in == null) {
                throw new IllegalStateException("player.js is missing from the jar");
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (script.contains("]]>") || script.contains("</")) {
                throw new IllegalStateException("player.js must not contain ']]>' or '</' (it is inlined)");
            }
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
