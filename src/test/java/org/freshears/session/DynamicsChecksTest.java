package org.freshears.session;

import static org.freshears.Mastering.atLeast;
import static org.freshears.Mastering.atMost;
import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.highPass;
import static org.freshears.Mastering.integratedLufs;
import static org.freshears.Mastering.keptFromMix;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.loudnessRangeLu;
import static org.freshears.Mastering.psrDb;
import static org.freshears.Mastering.truePeakDbtp;
import static org.freshears.Mastering.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Limiter;
import org.freshears.chain.Renderer;
import org.freshears.checklist.Condition;
import org.freshears.checklist.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.freshears.session.file.SessionJson;
import org.freshears.session.file.SessionRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-master notebook's checks (issue 11.1), on the bundled demo mix: the good chain ticks every
 * one, and a plausible bad chain flips each. PLR is not among them: after a -14 LUFS target under a
 * -1 dBTP ceiling it is about 13 dB whatever the chain did, so it could not fail.
 */
class DynamicsChecksTest {
    static final Path DEMO = Path.of("samples/demo-mix.wav");

    @TempDir
    static Path dir;
    static Path limitedMix;
    static Path clippedMix;

    @BeforeAll
    static void crushTheMix() throws Exception {
        AudioBuffer demo = WavReader.read(DEMO).audio();
        // Two mixes that arrived crushed: limited to -8 LUFS under -0.3 dBTP, and 12 dB hotter, hard-clipped.
        Limiter crush = new Limiter().ceilingDbtp(-0.3).targetLufs(-8).resolve(demo);
        limitedMix = dir.resolve("limited-mix.wav");
        WavWriter.write(new Renderer().render(List.of(crush), demo.copy()), limitedMix, WavOutputFormat.float32());
        AudioBuffer clipped = demo.copy();
        for (int c = 0; c < clipped.channels(); c++) {
            float[] ch = clipped.channel(c);
            for (int i = 0; i < ch.length; i++) {
                ch[i] = Math.max(-1f, Math.min(1f, ch[i] * 4));
            }
        }
        clippedMix = dir.resolve("clipped-mix.wav");
        WavWriter.write(clipped, clippedMix, WavOutputFormat.float32());
    }

    private static Session open(Path mix) throws Exception {
        return Session.open(mix, new SessionContext(dir, Display.NONE, Progress.Factory.NONE));
    }

    static final String CRUSHED = "not crushed, mix to master";
    static final String RANGE = "kept the mix's loudness range";
    static final String ARRIVED = " (the mix arrived that way, so no chain can tick it)";

    /** The session after the chain, with the checks of notebooks/01-first-master.jsh. */
    private static Session firstMaster(Path mix, Consumer<Session> chain) throws Exception {
        Session s = open(mix);
        chain.accept(s);
        s.check("streaming loudness", integratedLufs(), within(-14, 0.5));
        s.check("true peak", truePeakDbtp(), atMost(-1.0));
        s.check(CRUSHED, psrDb(), atLeast(8)).throughout();
        s.check(RANGE, loudnessRangeLu(), keptFromMix(2));
        return s;
    }

    private static Map<String, Verdict> verdicts(Session s) {
        return s.checklist().checks().stream().map(CheckVerdict::verdict).collect(Collectors.toMap(Verdict::item, v -> v));
    }

    private static void goodChain(Session s) {
        s.step("clean lows", highPass(25).slope(24), bell(270, -4).q(1.4));
        s.step("tame cymbals", bell(7_000, -4).q(1.2));
        s.step("glue", compressor().thresholdDb(-20).ratio(1.5).attackMs(30).releaseMs(200));
        s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
    }

    private static Map<String, Verdict> assertOnlyFails(Session s, String... failing) {
        Map<String, Verdict> verdicts = verdicts(s);
        assertEquals(4, verdicts.size());
        List<String> expected = List.of(failing);
        verdicts.forEach((item, v) -> assertEquals(!expected.contains(item), v.done(), v.toString()));
        assertEquals(failing.length == 0, s.checklist().done());
        return verdicts;
    }

    @Test
    void theNotebooksChainOnTheDemoTicksEveryCheck() throws Exception {
        Map<String, Verdict> v = assertOnlyFails(firstMaster(DEMO, DynamicsChecksTest::goodChain));
        // The demo mix's range is 6.5 LU; the master keeps 5.5 of it, against a limit of 4.5 recorded with the check.
        assertEquals("loudness range 5.45 LU in 'loudness' (wanted >= 4.53: the mix's 6.53 - 2.0 LU)",
                v.get(RANGE).evidence());
        assertEquals("peak-to-short-term ratio 11.03 dB in 'loudness' (wanted >= 8.0 dB in the mix and after every"
                + " step)", v.get(CRUSHED).evidence());
    }

    @Test
    void plrCouldNotHaveFailedAfterALoudnessTarget() {
        // Why the notebooks no longer check it: -1 dBTP ceiling over a -14 LUFS target, whatever the chain.
        for (Consumer<Session> chain : List.<Consumer<Session>>of(DynamicsChecksTest::goodChain,
                DynamicsChecksTest::overCompressed)) {
            Session s = assertDoesNotThrowOpen(chain);
            assertEquals(12.95, s.latest().analysis().plrDb(), 0.1);
        }
    }

    private static Session assertDoesNotThrowOpen(Consumer<Session> chain) {
        try {
            Session s = open(DEMO);
            chain.accept(s);
            return s;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void overCompressed(Session s) {
        s.step("squash", compressor().thresholdDb(-35).ratio(8).attackMs(1).releaseMs(50));
        s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
    }

    @Test
    void anOverCompressedMasterFailsTheRangeCheck() throws Exception {
        Map<String, Verdict> v = assertOnlyFails(firstMaster(DEMO, DynamicsChecksTest::overCompressed), RANGE);
        assertTrue(v.get(RANGE).evidence().startsWith("loudness range 0."), v.get(RANGE).toString());
    }

    @Test
    void anOverLimitedMasterFailsLoudnessAndBothDynamicsChecks() throws Exception {
        Map<String, Verdict> v = assertOnlyFails(firstMaster(DEMO,
                s -> s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-8))), "streaming loudness", CRUSHED,
                RANGE);
        assertEquals("peak-to-short-term ratio 5.61 dB in 'loudness' (wanted >= 8.0 dB in the mix and after every step;"
                + " fails in 'loudness')", v.get(CRUSHED).evidence());
    }

    @Test
    void aMixThatArrivedLimitedIsNotDone() throws Exception {
        Map<String, Verdict> v = assertOnlyFails(firstMaster(limitedMix, DynamicsChecksTest::goodChain), CRUSHED);
        assertEquals("peak-to-short-term ratio 7.10 dB in 'mix' (wanted >= 8.0 dB in the mix and after every step;"
                + " fails in 'mix'%s)".formatted(ARRIVED), v.get(CRUSHED).evidence());
    }

    @Test
    void aMixThatArrivedClippedIsNotDoneThoughTheEqBringsThePeaksBack() throws Exception {
        Session s = firstMaster(clippedMix, DynamicsChecksTest::goodChain);
        Map<String, Verdict> v = assertOnlyFails(s, CRUSHED);
        // Measured on the master alone the clipped mix would pass: the high-pass and the bell regrow its peaks.
        assertTrue(s.latest().analysis().psrDb() > 8, "master PSR " + s.latest().analysis().psrDb());
        assertTrue(s.snapshot(Session.MIX).analysis().psrDb() < 6, "mix PSR " + s.snapshot(Session.MIX).analysis().psrDb());
        assertTrue(v.get(CRUSHED).evidence().contains(" in 'mix' ") && v.get(CRUSHED).evidence().endsWith("fails in 'mix'" + ARRIVED + ")"),
                v.get(CRUSHED).toString());
        // The session file says where the verdict was measured.
        SessionRecord record = SessionRecord.of(s, dir.resolve("clipped.session.json"), "test");
        SessionRecord.CheckEntry entry = record.checks().stream().filter(c -> c.name().equals(CRUSHED)).findFirst()
                .orElseThrow();
        assertEquals("mix", entry.measuredIn());
        assertEquals(s.snapshot(Session.MIX).analysis().psrDb(), entry.value(), 0);
        assertFalse(entry.done());
    }

    @Test
    void theOtherChecksFlipOnAPlausibleMistake() throws Exception {
        assertOnlyFails(firstMaster(DEMO, s -> s.step("loudness", limiter().ceilingDbtp(-0.1).targetLufs(-14))),
                "true peak");
        assertOnlyFails(firstMaster(DEMO, s -> s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-16))),
                "streaming loudness");
    }

    @Test
    void theMixsValueIsRecordedWithTheCheck() throws Exception {
        Session s = open(DEMO);
        double mixRange = s.snapshot(Session.MIX).analysis().loudnessRangeLu();
        CheckItem check = s.check("kept range", loudnessRangeLu(), keptFromMix(2));
        assertEquals(new Condition.KeptFromMix(2, mixRange), check.condition());
        assertFalse(keptFromMix(2).holds(100), "no mix value yet: holds for nothing");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> keptFromMix(2).againstMix(Double.NaN));
        assertTrue(e.getMessage().startsWith("keptFromMix needs the mix's value, and the mix has none"), e.getMessage());

        // The session file carries the reference, and reads back to the same condition.
        Path json = dir.resolve("kept.session.json");
        SessionRecord record = SessionRecord.of(s, json, "test");
        String text = new String(SessionJson.toBytes(record), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("\"type\": \"keptFromMix\""), text);
        assertTrue(text.contains("\"mixValue\": " + mixRange), text);
        assertEquals(record.checks(), SessionJson.parse(json, SessionJson.toBytes(record)).checks());
    }
}
