package org.freshears.session.file;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * A blind ABX test, as recorded in {@code session.json}'s {@code listeningTests}: two versions (and the
 * gain each was played at), the trials (what X really was, what the listener said), and the score with
 * the probability of reaching it by guessing. Its figures are always the ones worked out from the
 * trials ({@link #of}), never taken from a file. A replay ignores it: it is a record of what was heard,
 * not an output.
 *
 * @param a            version A and its level-matching gain
 * @param b            version B and its level-matching gain
 * @param levelMatched whether the gains were applied (both 0 when not)
 * @param span         the loop listened to, or null for the whole song
 * @param trials       in the order played
 * @param correct      trials answered right
 * @param total        trials played
 * @param pGuessing    the probability of at least {@code correct} right of {@code total} by coin flips
 */
@JsonPropertyOrder({"a", "b", "levelMatched", "span", "trials", "correct", "total", "pGuessing"})
public record ListeningTest(Version a, Version b, boolean levelMatched, Span span, List<Trial> trials, int correct,
        int total, double pGuessing) {

    /**
     * Below this chance of guessing the score, the listener is taken to hear the difference: the
     * conventional 5 % significance level of a one-sided test (Fisher; ABX practice since Clark, "High-resolution
     * subjective testing using a double-blind comparator", JAES 30(5), 1982).
     */
    public static final double HEARD_BELOW_P = 0.05;
    /** More trials than any listener plays; keeps the exact binomial sum small. */
    static final int MAX_TRIALS = 10_000;

    public ListeningTest {
        if (a == null || b == null) {
            throw new IllegalArgumentException("a listening test needs versions a and b");
        }
        if (trials == null || trials.isEmpty()) {
            throw new IllegalArgumentException("a listening test needs at least one trial");
        }
        trials = List.copyOf(trials);
        if (trials.size() > MAX_TRIALS) {
            throw new IllegalArgumentException(trials.size() + " trials; at most " + MAX_TRIALS + " are read");
        }
        if (correct != correctOf(trials) || total != trials.size() || pGuessing != pGuessing(correct, total)) {
            throw new IllegalArgumentException("listening test score " + correct + " of " + total + " (p = "
                    + pGuessing + ") disagrees with its trials: " + correctOf(trials) + " of " + trials.size()
                    + " correct, p = " + pGuessing(correctOf(trials), trials.size()));
        }
        if (!levelMatched && (a.gainDb() != 0 || b.gainDb() != 0)) {
            throw new IllegalArgumentException("not level-matched, yet played with gains " + a.gainDb() + " and "
                    + b.gainDb() + " dB (both must be 0)");
        }
    }

    /** A test whose score and probability are worked out from its trials. */
    public static ListeningTest of(Version a, Version b, boolean levelMatched, Span span, List<Trial> trials) {
        if (trials == null || trials.isEmpty()) {
            throw new IllegalArgumentException("a listening test needs at least one trial");
        }
        int correct = correctOf(trials);
        return new ListeningTest(a, b, levelMatched, span, trials, correct, trials.size(),
                trials.size() > MAX_TRIALS ? 0 : pGuessing(correct, trials.size()));
    }

    static int correctOf(List<Trial> trials) {
        int correct = 0;
        for (Trial t : trials) {
            correct += t.correct() ? 1 : 0;
        }
        return correct;
    }

    /**
     * P(X >= correct) for X ~ Binomial(total, 1/2): the chance that a listener who hears no difference
     * and flips a coin scores at least this. Exact: the sum of C(total, i) over i >= correct, divided by
     * 2^total, in integers, then rounded once to the nearest double.
     */
    public static double pGuessing(int correct, int total) {
        if (total < 1 || total > MAX_TRIALS || correct < 0 || correct > total) {
            throw new IllegalArgumentException("no score " + correct + " of " + total);
        }
        BigInteger ways = BigInteger.ZERO;
        BigInteger choose = BigInteger.ONE; // C(total, i), from i = total down
        for (int i = total; i >= correct; i--) {
            ways = ways.add(choose);
            choose = choose.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(total - i + 1));
        }
        // 2^-total has a finite decimal expansion: the quotient is exact, doubleValue rounds it once.
        return new BigDecimal(ways).divide(new BigDecimal(BigInteger.ONE.shiftLeft(total))).doubleValue();
    }

    /** Whether the score is unlikely enough by guessing ({@link #HEARD_BELOW_P}) to count as heard. */
    public boolean heard() {
        return pGuessing < HEARD_BELOW_P;
    }

    /** "mix vs master: 11 of 12 correct, p = 0.003: you can hear the difference". */
    public String summary() {
        String score = a.version() + " vs " + b.version() + ": " + correct + " of " + total + " correct, p = "
                + formatP(pGuessing);
        if (heard()) {
            return score + ": you can hear the difference";
        }
        return score + ": not shown; guessing scores this well " + percent(pGuessing)
                + " of the time (below 5 % counts as hearing it)";
    }

    static String formatP(double p) {
        return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.2g", p);
    }

    private static String percent(double p) {
        double pct = 100 * p;
        return (pct >= 10 ? String.format(Locale.ROOT, "%.0f", pct) : String.format(Locale.ROOT, "%.1f", pct)) + " %";
    }

    /**
     * A version as the player names it ({@code "mix"}, {@code "master"}, {@code "step:<name>"}) and the
     * gain it was played at.
     */
    @JsonPropertyOrder({"version", "gainDb"})
    public record Version(String version, double gainDb) {
        public Version {
            if (version == null || version.isBlank()) {
                throw new IllegalArgumentException("version must name a version (mix, master or step:<name>)");
            }
            if (!Double.isFinite(gainDb) || Math.abs(gainDb) > 96) {
                throw new IllegalArgumentException("gainDb must be a level-matching gain within ±96 dB, got " + gainDb);
            }
        }
    }

    /** The loop listened to, in seconds from the start of the song. */
    @JsonPropertyOrder({"startSeconds", "endSeconds"})
    public record Span(double startSeconds, double endSeconds) {
        public Span {
            if (!(startSeconds >= 0) || !Double.isFinite(startSeconds) || !(endSeconds > startSeconds)
                    || !Double.isFinite(endSeconds)) {
                throw new IllegalArgumentException("span must run from 0 s or later to a later time, got "
                        + startSeconds + " to " + endSeconds);
            }
        }
    }

    /**
     * One trial.
     *
     * @param x      what X really was: "a" or "b"
     * @param answer what the listener said it was: "a" or "b"
     */
    @JsonPropertyOrder({"x", "answer"})
    public record Trial(String x, String answer) {
        public Trial {
            side("x", x);
            side("answer", answer);
        }

        public boolean correct() {
            return x.equals(answer);
        }

        private static void side(String field, String value) {
            if (!"a".equals(value) && !"b".equals(value)) {
                throw new IllegalArgumentException(field + " must be \"a\" or \"b\", got "
                        + (value == null ? "null" : "\"" + value + "\""));
            }
        }
    }
}
