package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Limiter;
import org.freshears.session.Display;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.session.file.SessionJson;
import org.freshears.session.file.SessionRecord;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code freshears abx-import}: what it prints, exit 0 when recorded, exit 2 with one line when refused. */
class AbxImportCommandTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void aResultIsRecordedOnceAndABadOneIsRefusedWithOneLine() throws Exception {
        Path mix = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 44_100, 2 * 44_100, 0.1, 5), mix, WavOutputFormat.pcm16());
        Session s = Session.open(mix, new SessionContext(dir, Display.NONE, Progress.Factory.NONE));
        s.step("loudness", new Limiter().targetLufs(-12));
        Path json = dir.resolve("session.json");
        SessionRecord record = SessionRecord.of(s, json, "test");
        SessionJson.write(record, json);
        double mixLufs = record.mix().facts().integratedLufs();
        double masterLufs = record.steps().get(0).facts().integratedLufs();

        StringBuilder trials = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            String x = i % 2 == 0 ? "a" : "b";
            trials.append(i == 0 ? "" : ", ").append("{\"x\": \"").append(x).append("\", \"answer\": \"")
                    .append(i == 3 ? "a" : x).append("\"}");
        }
        String result = "{\"format\": \"freshears-abx\", \"formatVersion\": 1,\n"
                + " \"session\": {\"mixSha256\": \"" + record.mix().sha256() + "\"},\n"
                + " \"a\": {\"version\": \"mix\", \"gainDb\": " + (-14 - mixLufs) + "},\n"
                + " \"b\": {\"version\": \"master\", \"gainDb\": " + (-14 - masterLufs) + "},\n"
                + " \"levelMatched\": true, \"span\": null,\n"
                + " \"trials\": [" + trials + "],\n"
                + " \"correct\": 11, \"total\": 12, \"pGuessing\": 0.00317}\n";
        Path abx = dir.resolve("abx-mix-vs-master.json");
        Files.writeString(abx, result);

        Result r = run("abx-import", abx.toString(), json.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("mix vs master: 11 of 12 correct, p = 0.003: you can hear the difference\n"
                + "recorded as listening test 1 in " + json + "\n", r.out());
        assertEquals(1, SessionJson.read(json).listeningTests().size());

        r = run("abx-import", abx.toString(), json.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("already recorded as listening test 1 in " + json + "; nothing written\n"), r.out());

        byte[] before = Files.readAllBytes(json);
        Files.writeString(abx, result.replace("\"correct\": 11", "\"correct\": 12"));
        r = run("abx-import", abx.toString(), json.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals("freshears: " + abx + ": correct 12 disagrees with the trials: 11 of 12 are answered right\n",
                r.err());
        assertArrayEquals(before, Files.readAllBytes(json));

        r = run("abx-import", json.toString(), abx.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("freshears: " + json + ": not a freshears ABX result (format \"freshears-session\""),
                r.err());
    }
}
