package org.freshears.session.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.freshears.chain.ClipGain;
import org.freshears.chain.Fades;
import org.freshears.chain.GainSpan;
import org.junit.jupiter.api.Test;

/**
 * A tampered session file is refused when it is loaded, not half way through a replay: every step's
 * settings are checked against the recorded mix (48 kHz, 10 s in the sample) by the rules a render applies.
 */
class SessionSettingsOnLoadTest {
    private static final Path FILE = Path.of("tampered/session.json");

    /** The sample session with fades and a clip-gain span added to its first step. */
    private static ObjectNode sampleWithEdits() {
        ObjectNode root = (ObjectNode) SessionJson.MAPPER.valueToTree(SessionJsonTest.sample());
        for (String list : List.of("processors", "resolved")) {
            var steps = (com.fasterxml.jackson.databind.node.ArrayNode) root.get("steps").get(0).get(list);
            steps.add(SessionJson.MAPPER.valueToTree(new Fades(0.5, 2)));
            steps.add(SessionJson.MAPPER.valueToTree(new ClipGain(List.of(new GainSpan(2, 4, -1.5)))));
        }
        return root;
    }

    private static String fault(Consumer<ObjectNode> edit) {
        ObjectNode root = sampleWithEdits();
        edit.accept(root);
        byte[] bytes = root.toPrettyString().getBytes(StandardCharsets.UTF_8);
        return assertThrows(SessionFormatException.class, () -> SessionJson.parse(FILE, bytes)).getMessage();
    }

    private static ObjectNode resolved(ObjectNode root, int step, int index) {
        return (ObjectNode) root.get("steps").get(step).get("resolved").get(index);
    }

    /** The same change in the written and the resolved list (a plain step is resolved as written). */
    private static void both(ObjectNode root, int step, int index, Consumer<ObjectNode> change) {
        change.accept(written(root, step, index));
        change.accept(resolved(root, step, index));
    }

    private static ObjectNode written(ObjectNode root, int step, int index) {
        return (ObjectNode) root.get("steps").get(step).get("processors").get(index);
    }

    @Test
    void theUntamperedSampleLoads() throws Exception {
        byte[] bytes = sampleWithEdits().toPrettyString().getBytes(StandardCharsets.UTF_8);
        assertEquals(4, SessionJson.parse(FILE, bytes).steps().get(0).resolved().size());
    }

    @Test
    void aFrequencyAtOrAboveTheMixesNyquistIsRefusedOnLoading() {
        assertEquals(FILE + ": invalid step 1 ('eq') processor 1 (bell) for the mix (48000 Hz, 480000 frames): "
                + "Bell[freqHz=30000.0, gainDb=-2.0, q=1.2, channelMode=STEREO, phase=IIR]: freqHz must be below "
                + "Nyquist (24000 Hz at 48000 Hz), got 30000",
                fault(root -> both(root, 0, 0, p -> p.put("freqHz", 30_000))));
        assertEquals(FILE + ": invalid step 2 ('glue') processor 1 (compressor) for the mix (48000 Hz, 480000 frames): "
                + "sidechainHighPassHz must be below Nyquist (24000.0 Hz), got 1.0E9",
                fault(root -> both(root, 1, 0, p -> p.put("sidechainHighPassHz", 1e9))));
    }

    @Test
    void settingsNoMasteringToolAcceptsAreRefusedOnLoading() {
        String glue = FILE + ": invalid step 2 ('glue') processor 1 (compressor): ";
        assertEquals(glue + "makeupDb must be within +-48 dB, got 1000",
                fault(root -> written(root, 1, 0).put("makeupDb", 1000)));
        assertEquals(glue + "ratio must be <= 100 (beyond that a compressor is a limiter: use limiter()), got 1.0E308",
                fault(root -> written(root, 1, 0).put("ratio", 1e308)));
        assertEquals(glue + "attackMs must be in [0, 1000], got 1.0E308",
                fault(root -> written(root, 1, 0).put("attackMs", 1e308)));
        assertEquals(glue + "releaseMs must be in [0, 10000], got 1.0E308",
                fault(root -> written(root, 1, 0).put("releaseMs", 1e308)));
        assertEquals(FILE + ": invalid step 1 ('eq') processor 1 (bell): q must be <= 100, got 1.0E308",
                fault(root -> written(root, 0, 0).put("q", 1e308)));
    }

    @Test
    void timesBeyondTheMixesLengthAreRefusedOnLoading() {
        String eq = FILE + ": invalid step 1 ('eq') processor ";
        assertEquals(eq + "3 (fades) for the mix (48000 Hz, 480000 frames): fadeOutSeconds must be at most the "
                + "audio's length (10 s), got 1.0E308",
                fault(root -> both(root, 0, 2, p -> p.put("fadeOutSeconds", 1e308))));
        assertEquals(eq + "4 (clipGain) for the mix (48000 Hz, 480000 frames): span toSeconds must be at most the "
                + "audio's length (10 s), got 1.0E308",
                fault(root -> both(root, 0, 3, p -> ((ObjectNode) p.get("spans").get(0)).put("toSeconds", 1e308))));
        assertEquals(eq + "4 (clipGain) for the mix (48000 Hz, 480000 frames): span GainSpan[fromSeconds=12.0, "
                + "toSeconds=13.0, gainDb=-1.5] starts after the audio ends (10 s)",
                fault(root -> both(root, 0, 3, p -> ((ObjectNode) p.get("spans").get(0)).put("fromSeconds", 12)
                        .put("toSeconds", 13))));
    }

    @Test
    void aControlCharacterInARecordedPathIsRefusedShownAsItsCode() {
        assertEquals(FILE + ": mix.path holds the control character U+0000 at position 4; not a usable file name",
                fault(root -> ((ObjectNode) root.get("mix")).put("path", "../\0mix.wav")));
        assertEquals(FILE + ": render 2 path holds the control character U+001B at position 1; not a usable file name",
                fault(root -> ((ObjectNode) root.get("renders").get(1)).put("path", "\u001b[2Jmaster.wav")));
    }
}
