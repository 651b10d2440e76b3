package org.freshears.session.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.freshears.session.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folding a blind ABX result into session.json: the exact binomial probability, the result file read as
 * strictly as a session, every check against the session, nothing written on a fault, the same result
 * recorded once, and a session with listening tests that still loads, writes back the same bytes and replays.
 */
class AbxImportTest {
    @TempDir
    Path dir;
    Path session;
    SessionRecord record;

    @BeforeEach
    void installTheGoldenSession() throws Exception {
        session = GoldenSession.install(dir);
        record = SessionJson.read(session);
    }

    // ---- the probability of guessing ------------------------------------------------------------------

    @Test
    void pGuessingIsTheExactOneSidedBinomialTail() {
        // P(X >= k), X ~ Binomial(n, 1/2), worked out as fractions: 299/4096, 13/4096, 1/4096, 1255/2048 ...
        assertEquals(0.072998046875, ListeningTest.pGuessing(9, 12));
        assertEquals(0.003173828125, ListeningTest.pGuessing(11, 12));
        assertEquals(0.000244140625, ListeningTest.pGuessing(12, 12));
        assertEquals(0.61279296875, ListeningTest.pGuessing(6, 12));
        assertEquals(1.0, ListeningTest.pGuessing(0, 12));
        assertEquals(0.5, ListeningTest.pGuessing(1, 1));
        assertEquals(0.005908966064453125, ListeningTest.pGuessing(16, 20));
        // 4507126451608311512292345325 / 2^97, rounded once: a sum of doubles would not give every digit.
        assertEquals(0.028443966820490395, ListeningTest.pGuessing(60, 100));
        assertThrows(IllegalArgumentException.class, () -> ListeningTest.pGuessing(13, 12));
        assertThrows(IllegalArgumentException.class, () -> ListeningTest.pGuessing(0, 0));
    }

    @Test
    void theSummarySaysWhetherTheDifferenceIsHeardAtTheFivePercentLevel() {
        assertEquals("mix vs master: 11 of 12 correct, p = 0.003: you can hear the difference",
                test("mix", "master", 11, 12).summary());
        assertEquals("mix vs step:eq: 9 of 12 correct, p = 0.073: not shown; guessing scores this well 7.3 % of the "
                + "time (below 5 % counts as hearing it)", test("mix", "step:eq", 9, 12).summary());
        assertEquals("mix vs master: 12 of 12 correct, p = 0.00024: you can hear the difference",
                test("mix", "master", 12, 12).summary());
        assertEquals("mix vs master: 6 of 12 correct, p = 0.613: not shown; guessing scores this well 61 % of the "
                + "time (below 5 % counts as hearing it)", test("mix", "master", 6, 12).summary());
    }

    private static ListeningTest test(String a, String b, int correct, int total) {
        return ListeningTest.of(new ListeningTest.Version(a, 0), new ListeningTest.Version(b, 0), false, null,
                trials(correct, total));
    }

    private static List<ListeningTest.Trial> trials(int correct, int total) {
        return Stream.iterate(0, i -> i + 1).limit(total).map(i -> new ListeningTest.Trial(i % 3 == 0 ? "a" : "b",
                i < correct == (i % 3 == 0) ? "a" : "b")).toList();
    }

    // ---- a good result --------------------------------------------------------------------------------

    @Test
    void aResultIsRecordedWithItsFiguresWorkedOutAndTheSessionStillLoadsWritesAndReplays() throws Exception {
        Path result = write("abx.json", valid());
        AbxImport.Outcome outcome = AbxImport.run(result, session);
        assertFalse(outcome.alreadyRecorded());
        assertEquals(1, outcome.number());
        assertEquals("mix vs master: 11 of 12 correct, p = 0.003: you can hear the difference", outcome.test().summary());

        SessionRecord back = SessionJson.read(session);
        assertEquals(1, back.listeningTests().size());
        ListeningTest t = back.listeningTests().get(0);
        assertEquals(new ListeningTest.Version("mix", 1.5), t.a());
        assertEquals(11, t.correct());
        assertEquals(0.003173828125, t.pGuessing(), "the exact figure, not the page's rounded 0.0032");
        assertEquals(new ListeningTest.Span(1.0, 2.5), t.span());
        assertEquals(record.withListeningTest(t), back, "nothing else in the session changed");
        assertArrayEquals(Files.readAllBytes(session), SessionJson.toBytes(back), "reads and writes back byte for byte");
        String text = Files.readString(session);
        assertTrue(text.contains("  ],\n  \"listeningTests\": [\n    {\n      \"a\": {\n        \"version\": \"mix\",\n"
                + "        \"gainDb\": 1.5\n      },\n      \"b\": {\n        \"version\": \"master\",\n"), text);
        assertTrue(text.endsWith("      ],\n      \"correct\": 11,\n      \"total\": 12,\n"
                + "      \"pGuessing\": 0.003173828125\n    }\n  ],\n  \"references\": []\n}\n"), text);

        ReplayReport replay = Replay.run(session, null, null, Progress.Factory.NONE);
        assertTrue(replay.allIdentical(), "a replay ignores listening tests: " + replay);
        assertEquals(GoldenSessionTest.OUTPUT_SHA256,
                replay.outputs().stream().map(ReplayReport.OutputResult::actualSha256).toList());
    }

    @Test
    void theSameResultImportedTwiceIsRecordedOnceAndASecondTestIsAdded() throws Exception {
        Path result = write("abx.json", valid());
        AbxImport.run(result, session);
        byte[] once = Files.readAllBytes(session);
        AbxImport.Outcome again = AbxImport.run(result, session);
        assertTrue(again.alreadyRecorded());
        assertEquals(1, again.number());
        assertArrayEquals(once, Files.readAllBytes(session), "nothing written the second time");

        ObjectNode other = valid();
        ((ObjectNode) other.withArray("trials").get(11)).put("answer", "a"); // now 10 of 12
        other.put("correct", 10).put("pGuessing", 0.019287109375);
        AbxImport.Outcome second = AbxImport.run(write("abx2.json", other), session);
        assertEquals(2, second.number());
        assertEquals(2, SessionJson.read(session).listeningTests().size());
    }

    @Test
    void aStepNotLevelMatchedAndTheWholeSongAreRecordedToo() throws Exception {
        ObjectNode r = valid();
        ((ObjectNode) r.get("b")).put("version", "step:eq").put("gainDb", 0.0);
        ((ObjectNode) r.get("a")).put("gainDb", 0.0);
        r.put("levelMatched", false).putNull("span");
        AbxImport.Outcome o = AbxImport.run(write("abx.json", r), session);
        assertEquals(null, o.test().span());
        assertEquals("step:eq", SessionJson.read(session).listeningTests().get(0).b().version());
    }

    @Test
    void aVersion2SessionBecomesVersion3WithItsTestAndAVersion1SessionIsRefused() throws Exception {
        Path v2 = GoldenSession.install(Files.createDirectories(dir.resolve("v2")), GoldenSession.JSON_V2);
        AbxImport.run(write("abx.json", valid()), v2);
        SessionRecord upgraded = SessionJson.read(v2);
        assertEquals(SessionRecord.FORMAT_VERSION, upgraded.formatVersion());
        assertEquals(1, upgraded.listeningTests().size());

        Path v1 = GoldenSession.install(Files.createDirectories(dir.resolve("v1")), GoldenSession.JSON_V1);
        byte[] before = Files.readAllBytes(v1);
        SessionFormatException e = assertThrows(SessionFormatException.class,
                () -> AbxImport.run(dir.resolve("abx.json"), v1));
        assertEquals(v1 + ": is a format-1 session (its problem areas were judged the old way) and is read, not "
                + "written; run its notebook again with this freshears, then import", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(v1));
    }

    @Test
    void aTamperedListeningTestInTheSessionIsRefusedOnLoading() throws Exception {
        AbxImport.run(write("abx.json", valid()), session);
        String text = Files.readString(session);
        Path unknown = dir.resolve("unknown.session.json");
        Files.writeString(unknown, text.replace("\"version\": \"master\"", "\"version\": \"step:reverb\""));
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionJson.read(unknown));
        assertEquals(unknown + ": listening test 1 compares 'step:reverb', which is not a version of this session "
                + "(mix, master, step:tidy, step:eq, step:linear, step:dynamics, step:colour, step:loudness, "
                + "step:safety)", e.getMessage());
        Path score = dir.resolve("score.session.json");
        Files.writeString(score, text.replace("\"correct\": 11,", "\"correct\": 12,"));
        e = assertThrows(SessionFormatException.class, () -> SessionJson.read(score));
        assertEquals(score + ": invalid listening test 1: listening test score 12 of 12 (p = 0.003173828125) "
                + "disagrees with its trials: 11 of 12 correct, p = 0.003173828125", e.getMessage());
    }

    // ---- faults: one line naming the file and the place, nothing written ---------------------------------

    @Test
    void malformedFilesAreRefusedNamingTheField() throws Exception {
        assertRefused("not valid JSON at line 1, column 2: Unexpected character ('x' (code 120)): was expecting "
                + "double-quote to start field name", "{x".getBytes());
        assertRefused("is empty; not a freshears ABX result", new byte[0]);
        assertRefused("not a freshears ABX result (expected a JSON object, got array)", "[1]".getBytes());
        assertRefused("not a freshears ABX result (format \"freshears-session\", expected \"freshears-abx\") (this is"
                + " a session file: give the ABX result first, then the session)", Files.readAllBytes(session));
        assertRefused("ABX result format version 2 is not the one this freshears reads (1); use a newer freshears",
                r -> r.put("formatVersion", 2));
        assertRefused("unknown field 'listener' at the top level of the ABX result", r -> r.put("listener", "me"));
        assertRefused("unknown field 'loudnessLufs' in a", r -> ((ObjectNode) r.get("a")).put("loudnessLufs", -14));
        assertRefused("unknown field 'ms' in trial 3", r -> ((ObjectNode) r.withArray("trials").get(2)).put("ms", 800));
        assertRefused("missing field 'pGuessing' at the top level of the ABX result", r -> r.remove("pGuessing"));
        assertRefused("missing field 'span' at the top level of the ABX result", r -> r.remove("span"));
        assertRefused("missing field 'gainDb' in b", r -> ((ObjectNode) r.get("b")).remove("gainDb"));
        assertRefused("missing field 'answer' in trial 2", r -> ((ObjectNode) r.withArray("trials").get(1)).remove("answer"));
        assertRefused("field 'correct' at the top level of the ABX result: expected a whole number, got \"11\"",
                r -> r.put("correct", "11"));
        assertRefused("field 'a' is null; every field but span needs a value", r -> r.putNull("a"));
        assertRefused("invalid trial 4: x must be \"a\" or \"b\", got \"c\"",
                r -> ((ObjectNode) r.withArray("trials").get(3)).put("x", "c"));
        assertRefused("invalid session: mixSha256 must be 64 lowercase hex digits, got 'ABC'",
                r -> ((ObjectNode) r.get("session")).put("mixSha256", "ABC"));
    }

    @Test
    void figuresThatDisagreeWithTheTrialsAreRefused() throws Exception {
        assertRefused("no trials: nothing was listened to, so there is nothing to record",
                r -> r.putArray("trials").removeAll());
        assertRefused("correct 12 disagrees with the trials: 11 of 12 are answered right", r -> r.put("correct", 12));
        assertRefused("total 13 disagrees with the trials: there are 12", r -> r.put("total", 13));
        assertRefused("pGuessing 0.073 disagrees with the trials: 11 of 12 correct by guessing has p = 0.003174 "
                + "(P(X >= 11), X ~ Binomial(12, 0.5))", r -> r.put("pGuessing", 0.073));
        // The page may round: to three significant figures or three decimals.
        AbxImport.run(write("rounded.json", valid().put("pGuessing", 0.00317)), session);
        AbxImport.run(write("decimals.json", valid().put("pGuessing", 0.003)), session);
        assertEquals(1, SessionJson.read(session).listeningTests().size(), "both are the same test");
    }

    @Test
    void aResultThatDoesNotBelongToTheSessionIsRefused() throws Exception {
        assertRefused("the test was made on another mix (mixSha256 000000000000..., the session's mix is "
                + GoldenSessionTest.MIX_SHA256.substring(0, 12) + "...) (session " + session + ")",
                r -> ((ObjectNode) r.get("session")).put("mixSha256", "0".repeat(64)));
        assertRefused("unknown version 'step:reverb'; this session's versions are mix, master, step:tidy, step:eq, "
                + "step:linear, step:dynamics, step:colour, step:loudness, step:safety (session " + session + ")",
                r -> ((ObjectNode) r.get("b")).put("version", "step:reverb"));
        assertRefused("span ends at 9.000 s, after the end of the mix (3.000 s) (session " + session + ")",
                r -> ((ObjectNode) r.get("span")).put("endSeconds", 9.0));
        assertRefused("levelMatched is false, yet the gains are 1.5 and " + gainForMaster(1.5) + " dB (0 when level "
                + "matching is off)", r -> r.put("levelMatched", false));
        String m = refusal(r -> ((ObjectNode) r.get("b")).put("gainDb", gainForMaster(1.5) + 0.5));
        assertTrue(m.startsWith(dir.resolve("abx.json") + ": levelMatched, but the gains (mix +1.50 dB, master "), m);
        assertTrue(m.contains("where the session measured mix at -13.51 LUFS and master at "), m);
    }

    /** The gain that plays the master at the mix's loudness when the mix gets {@code mixGainDb}. */
    private double gainForMaster(double mixGainDb) {
        return mixGainDb + record.mix().facts().integratedLufs()
                - record.steps().get(record.steps().size() - 1).facts().integratedLufs();
    }

    /** 11 of 12 right, mix vs master, level-matched, over 1.0-2.5 s: the page's figures rounded. */
    private ObjectNode valid() {
        ObjectNode r = SessionJson.MAPPER.createObjectNode();
        r.put("format", "freshears-abx").put("formatVersion", 1);
        r.putObject("session").put("mixSha256", record.mix().sha256());
        r.putObject("a").put("version", "mix").put("gainDb", 1.5);
        r.putObject("b").put("version", "master").put("gainDb", gainForMaster(1.5));
        r.put("levelMatched", true);
        r.putObject("span").put("startSeconds", 1.0).put("endSeconds", 2.5);
        ArrayNode trials = r.putArray("trials");
        for (int i = 0; i < 12; i++) {
            String x = i % 2 == 0 ? "a" : "b";
            trials.addObject().put("x", x).put("answer", i == 5 ? "a" : x);
        }
        r.put("correct", 11).put("total", 12).put("pGuessing", 0.0032);
        return r;
    }

    private Path write(String name, ObjectNode result) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, SessionJson.MAPPER.writeValueAsBytes(result));
        return file;
    }

    private String refusal(Consumer<ObjectNode> change) throws Exception {
        ObjectNode r = valid();
        change.accept(r);
        return refusal(SessionJson.MAPPER.writeValueAsBytes(r));
    }

    private String refusal(byte[] bytes) throws Exception {
        Path file = dir.resolve("abx.json");
        Files.write(file, bytes);
        byte[] before = Files.readAllBytes(session);
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> AbxImport.run(file, session));
        assertArrayEquals(before, Files.readAllBytes(session), "nothing written");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "no temporary file left");
        }
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private void assertRefused(String fault, Consumer<ObjectNode> change) throws Exception {
        assertEquals(dir.resolve("abx.json") + ": " + fault, refusal(change));
    }

    private void assertRefused(String fault, byte[] bytes) throws Exception {
        assertEquals(dir.resolve("abx.json") + ": " + fault, refusal(bytes));
    }
}
