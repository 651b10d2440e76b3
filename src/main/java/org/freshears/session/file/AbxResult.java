package org.freshears.session.file;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The result file the report's ABX page saves ({@code abx-<a>-vs-<b>.json}, the contract in
 * {@code ABX-CONTRACT.md}), read as strictly as a session: an unknown or missing field, a null where a
 * value belongs, a wrongly typed value, and a score or probability that disagrees with the trials are
 * refused with one line naming the file and the place. What it holds is re-worked out from the trials
 * ({@link #toListeningTest}); it is checked against a session by {@link AbxImport}.
 *
 * @param session the session the test was made in (its mix, by SHA-256)
 */
@JsonPropertyOrder({"format", "formatVersion", "session", "a", "b", "levelMatched", "span", "trials", "correct",
    "total", "pGuessing"})
public record AbxResult(String format, int formatVersion, SessionRef session, ListeningTest.Version a,
        ListeningTest.Version b, boolean levelMatched, ListeningTest.Span span, List<ListeningTest.Trial> trials,
        int correct, int total, double pGuessing) {

    public static final String FORMAT = "freshears-abx";
    public static final int FORMAT_VERSION = 1;
    /**
     * How far a stated probability may be from the exact one: rounding to three significant figures
     * (0.5 %) or to three decimals (0.0005), whichever is looser. The recorded figure is always the exact one.
     */
    static final double P_RELATIVE_TOLERANCE = 0.005;
    static final double P_ABSOLUTE_TOLERANCE = 0.0005;

    /** The session a result belongs to. */
    @JsonPropertyOrder({"mixSha256"})
    public record SessionRef(String mixSha256) {
        public SessionRef {
            if (mixSha256 == null || !mixSha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("mixSha256 must be 64 lowercase hex digits, got "
                        + (mixSha256 == null ? "null" : "'" + mixSha256 + "'"));
            }
        }
    }

    /** Reads and checks a result file on its own (the session's checks are {@link AbxImport}'s). */
    public static AbxResult read(Path file) throws IOException {
        return parse(file, Files.readAllBytes(file));
    }

    static AbxResult parse(Path file, byte[] bytes) throws SessionFormatException {
        JsonNode root = SessionJson.jsonTree(file, bytes);
        checkFormat(file, root);
        AbxResult result;
        try {
            result = SessionJson.MAPPER.treeToValue(root, AbxResult.class);
        } catch (JsonMappingException e) {
            throw new SessionFormatException(file, JsonFaults.describe(e, root).replace("at the top level", "at the top "
                    + "level of the ABX result"), e);
        } catch (JsonProcessingException e) {
            throw new SessionFormatException(file, JsonFaults.notJson(e), e);
        }
        try {
            result.checkScore();
        } catch (IllegalArgumentException e) {
            throw new SessionFormatException(file, e.getMessage(), e);
        }
        return result;
    }

    /** Format and version first, so a newer page's file says so rather than failing on a field it added. */
    private static void checkFormat(Path file, JsonNode root) throws SessionFormatException {
        if (root == null || root.isMissingNode()) {
            throw new SessionFormatException(file, "is empty; not a freshears ABX result");
        }
        if (!root.isObject()) {
            throw new SessionFormatException(file, "not a freshears ABX result (expected a JSON object, got "
                    + JsonFaults.kind(root) + ")");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !FORMAT.equals(format.textValue())) {
            String also = format != null && SessionRecord.FORMAT.equals(format.asText())
                    ? " (this is a session file: give the ABX result first, then the session)" : "";
            throw new SessionFormatException(file, "not a freshears ABX result (" + (format == null ? "no 'format' field"
                    : "format " + format) + ", expected \"" + FORMAT + "\")" + also);
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new SessionFormatException(file, version == null ? "missing field 'formatVersion'"
                    : "formatVersion must be a whole number, got " + version);
        }
        if (version.intValue() != FORMAT_VERSION) {
            throw new SessionFormatException(file, "ABX result format version " + version.intValue() + " is not the "
                    + "one this freshears reads (" + FORMAT_VERSION + ")"
                    + (version.intValue() > FORMAT_VERSION ? "; use a newer freshears" : ""));
        }
    }

    /** The stated score against the trials: a result whose figures disagree was not made by the page. */
    private void checkScore() {
        String missing = session == null ? "session" : a == null ? "a" : b == null ? "b" : trials == null ? "trials"
                : null;
        if (missing != null) {
            throw new IllegalArgumentException("field '" + missing + "' is null; every field but span needs a value");
        }
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i) == null) {
                throw new IllegalArgumentException("trial " + (i + 1) + " is null; each trial is {\"x\", \"answer\"}");
            }
        }
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("no trials: nothing was listened to, so there is nothing to record");
        }
        if (trials.size() > ListeningTest.MAX_TRIALS) {
            throw new IllegalArgumentException(trials.size() + " trials; at most " + ListeningTest.MAX_TRIALS
                    + " are read");
        }
        int right = ListeningTest.correctOf(trials);
        if (total != trials.size()) {
            throw new IllegalArgumentException("total " + total + " disagrees with the trials: there are "
                    + trials.size());
        }
        if (correct != right) {
            throw new IllegalArgumentException("correct " + correct + " disagrees with the trials: " + right + " of "
                    + trials.size() + " are answered right");
        }
        double exact = ListeningTest.pGuessing(right, trials.size());
        double off = Math.abs(pGuessing - exact);
        if (!(off <= P_ABSOLUTE_TOLERANCE || off <= P_RELATIVE_TOLERANCE * exact)) {
            throw new IllegalArgumentException("pGuessing " + pGuessing + " disagrees with the trials: " + right
                    + " of " + trials.size() + " correct by guessing has p = "
                    + String.format(Locale.ROOT, "%.4g", exact) + " (P(X >= " + right + "), X ~ Binomial("
                    + trials.size() + ", 0.5))");
        }
        if (!levelMatched && (a.gainDb() != 0 || b.gainDb() != 0)) {
            throw new IllegalArgumentException("levelMatched is false, yet the gains are " + a.gainDb() + " and "
                    + b.gainDb() + " dB (0 when level matching is off)");
        }
    }

    /** The test as a session records it: figures worked out from the trials. */
    public ListeningTest toListeningTest() {
        return ListeningTest.of(a, b, levelMatched, span, trials);
    }
}
