package org.freshears.session;

import java.util.Locale;

/**
 * A version asked to be heard ({@code s.play("master")}): where a notebook shows rich output it shows a
 * player for it, and the report's player has every version. Its text is what a plain console shows.
 *
 * @param key the version's key: "mix", "step:NAME", "master" (the keys of the player and of ABX results) or
 *     "reference:NAME" (a reference track)
 * @param snapshot the snapshot it is the audio of (the master's is the last step's, or the mix's)
 */
public record Playback(String key, Snapshot snapshot) {
    @Override
    public String toString() {
        String what = key.startsWith(Reference.KEY_PREFIX)
                ? "reference '" + key.substring(Reference.KEY_PREFIX.length()) + "'"
                : key.equals("master") && !snapshot.name().equals(Session.MIX)
                ? "'master' (the output of '" + snapshot.name() + "')" : "'" + snapshot.name() + "'";
        return String.format(Locale.ROOT, "play %s, %.1f LUFS: in this cell's player (rich output) and in report.html,"
                + " level-matched", what, snapshot.analysis().integratedLufs());
    }
}
