package org.freshears.session.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Folds a blind ABX result ({@link AbxResult}) into a session file, so "I can hear the difference" is a
 * recorded fact: the result must belong to the session's mix (SHA-256), compare versions the session has,
 * listen within the mix, and, when level-matched, play the two versions at gains that differ by what the
 * session measured between their loudness. The figures recorded are worked out from the trials. The session
 * file is rewritten in one atomic move, or not at all. The same result imported again is recognised (an
 * equal test is already in the list) and nothing is written.
 */
public final class AbxImport {
    /**
     * How far the two level-matching gains may differ from the session's measured loudness difference:
     * room for two gains each rounded to 0.1 dB, and below the smallest level difference listeners detect
     * (about 0.2 to 0.5 dB; Zwicker & Fastl, Psychoacoustics, ch. 7), so a test passed within it was
     * level-matched.
     */
    static final double GAIN_TOLERANCE_DB = 0.15;
    /** Slack at the end of the mix for a span written to the millisecond. */
    private static final double SPAN_SLACK_SECONDS = 0.001;

    /**
     * What happened.
     *
     * @param test            the test as recorded
     * @param number          its 1-based place in the session's list
     * @param alreadyRecorded the same test was in the list already; nothing was written
     */
    public record Outcome(ListeningTest test, int number, boolean alreadyRecorded) {
    }

    private AbxImport() {
    }

    /** Checks the result against the session and records it; on any fault nothing is written. */
    public static Outcome run(Path resultFile, Path sessionFile) throws IOException {
        AbxResult result = AbxResult.read(resultFile);
        SessionRecord session = SessionJson.read(sessionFile);
        try {
            check(result, session);
        } catch (IllegalArgumentException e) {
            throw new SessionFormatException(resultFile, e.getMessage() + " (session " + sessionFile + ")", e);
        }
        ListeningTest test = result.toListeningTest();
        int existing = session.listeningTests().indexOf(test);
        if (existing >= 0) {
            return new Outcome(test, existing + 1, true);
        }
        if (session.formatVersion() == 1) {
            throw new SessionFormatException(sessionFile, "is a format-1 session (its problem areas were judged the "
                    + "old way) and is read, not written; run its notebook again with this freshears, then import");
        }
        // Format 3 added only the list of listening tests, format 4 the references and the match EQ's step types:
        // a format-2 or -3 record is a current record without them.
        SessionRecord current = session.formatVersion() < SessionRecord.FORMAT_VERSION
                ? session.withFormatVersion(SessionRecord.FORMAT_VERSION) : session;
        SessionRecord updated = current.withListeningTest(test);
        SessionJson.write(updated, sessionFile);
        return new Outcome(test, updated.listeningTests().size(), false);
    }

    static void check(AbxResult result, SessionRecord session) {
        String sessionSha = session.mix().sha256();
        if (!result.session().mixSha256().equals(sessionSha)) {
            throw new IllegalArgumentException("the test was made on another mix (mixSha256 "
                    + result.session().mixSha256().substring(0, 12) + "..., the session's mix is "
                    + sessionSha.substring(0, 12) + "...)");
        }
        List<String> keys = session.versionKeys();
        for (ListeningTest.Version v : List.of(result.a(), result.b())) {
            if (!keys.contains(v.version())) {
                throw new IllegalArgumentException("unknown version '" + v.version() + "'; this session's versions are "
                        + String.join(", ", keys));
            }
        }
        SessionRecord.MixFormat format = session.mix().format();
        double mixSeconds = (double) format.frames() / format.sampleRate();
        if (result.span() != null && result.span().endSeconds() > mixSeconds + SPAN_SLACK_SECONDS) {
            throw new IllegalArgumentException("span ends at " + seconds(result.span().endSeconds())
                    + ", after the end of the mix (" + seconds(mixSeconds) + ")");
        }
        if (result.levelMatched()) {
            checkGains(result.a(), result.b(), session);
        }
    }

    /**
     * Level matching brings both versions to one loudness: the gains must differ by the loudness difference
     * the session measured (each version's integrated loudness), whatever loudness the player aimed at.
     */
    private static void checkGains(ListeningTest.Version a, ListeningTest.Version b, SessionRecord session) {
        Double lufsA = loudnessOf(session, a.version());
        Double lufsB = loudnessOf(session, b.version());
        if (lufsA == null || lufsB == null) {
            return; // silence has no loudness to match
        }
        double expected = lufsB - lufsA;
        double played = a.gainDb() - b.gainDb();
        if (Math.abs(played - expected) > GAIN_TOLERANCE_DB) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "levelMatched, but the gains (%s %+.2f dB, "
                    + "%s %+.2f dB) are %.2f dB apart where the session measured %s at %.2f LUFS and %s at %.2f LUFS "
                    + "(%.2f dB apart); at most %.2f dB off is accepted", a.version(), a.gainDb(), b.version(),
                    b.gainDb(), played, a.version(), lufsA, b.version(), lufsB, expected, GAIN_TOLERANCE_DB));
        }
    }

    /** The integrated loudness the session measured for a version: the mix, a step's output, or the last step's. */
    static Double loudnessOf(SessionRecord session, String version) {
        if (version.equals(SessionRecord.MIX_VERSION)
                || version.equals(SessionRecord.MASTER_VERSION) && session.steps().isEmpty()) {
            return session.mix().facts().integratedLufs();
        }
        if (version.equals(SessionRecord.MASTER_VERSION)) {
            return session.steps().get(session.steps().size() - 1).facts().integratedLufs();
        }
        for (SessionRecord.StepEntry step : session.steps()) {
            if (version.equals(SessionRecord.STEP_VERSION_PREFIX + step.name())) {
                return step.facts().integratedLufs();
            }
        }
        throw new IllegalArgumentException("unknown version '" + version + "'");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }
}
