package org.freshears.session.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded fuzzing run of the session loader, with a fixed seed so a failure reproduces: the golden session
 * file, mutated both as bytes (flips, cuts, repeats, inserted tokens) and as a JSON tree (values swapped
 * for extreme numbers, wrong types, control characters, fields dropped or added, deep nesting), must load
 * or be refused with a one-line SessionFormatException naming the file — never another exception, a
 * hang, or a write. The run stops after {@link #BUDGET_NANOS} or {@link #MAX_CASES}, whichever is first;
 * the number of cases that ran and how many were refused is printed.
 */
class SessionLoaderFuzzTest {
    private static final long SEED = 0x5E55_10AD_F022L;
    private static final long BUDGET_NANOS = 20_000_000_000L;
    private static final int MAX_CASES = 20_000;
    /** Far above the loader's time on the golden file (a few ms, on a loaded machine): a case this slow hangs. */
    private static final long CASE_LIMIT_NANOS = 5_000_000_000L;
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static final List<JsonNode> ODD_VALUES = List.of(
            JsonNodeFactory.instance.numberNode(1e308), JsonNodeFactory.instance.numberNode(-1e308),
            JsonNodeFactory.instance.numberNode(4.9e-324), JsonNodeFactory.instance.numberNode(-0.0),
            JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.numberNode(-1),
            JsonNodeFactory.instance.numberNode(Long.MAX_VALUE), JsonNodeFactory.instance.numberNode(Integer.MIN_VALUE),
            JsonNodeFactory.instance.numberNode(new java.math.BigInteger("9".repeat(400))),
            JsonNodeFactory.instance.numberNode(30_000), JsonNodeFactory.instance.numberNode(1e9),
            JsonNodeFactory.instance.textNode("NaN"), JsonNodeFactory.instance.textNode(""),
            JsonNodeFactory.instance.textNode("\u0000"), JsonNodeFactory.instance.textNode("../../../etc/passwd"),
            JsonNodeFactory.instance.textNode("x".repeat(100_000)), JsonNodeFactory.instance.textNode("java.lang.Runtime"),
            JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode());

    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "null",
            "1e308", "-", "NaN", "\"type\": \"bell\"", "\"@class\": \"java.io.File\"", "\n", "\uFEFF",
            "[".repeat(5_000), "{\"a\":".repeat(3_000));

    @TempDir
    Path dir;

    @Test
    void mutatedGoldenSessionsLoadOrAreRefusedByName() throws Exception {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/sessions/every-step.session.json")) {
            golden = in.readAllBytes();
        }
        Path file = dir.resolve("fuzzed.session.json");
        Files.write(file, golden);
        SessionJson.read(file); // the unmutated file loads (and classes are loaded before timing starts)
        SplittableRandom random = new SplittableRandom(SEED);
        long start = System.nanoTime();
        int cases = 0;
        int loaded = 0;
        while (cases < MAX_CASES && System.nanoTime() - start < BUDGET_NANOS) {
            byte[] input = random.nextInt(3) == 0 ? mutateBytes(golden, random) : mutateTree(golden, random);
            Files.write(file, input);
            long t0 = System.nanoTime();
            try {
                SessionJson.read(file);
                loaded++;
            } catch (SessionFormatException e) {
                assertTrue(e.getMessage().startsWith(file + ": "), () -> "case " + caseInfo(e, input));
                assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
                assertFalse(e.fault().isBlank(), () -> "a refusal says what is wrong: " + caseInfo(e, input));
            } catch (Throwable t) {
                Path kept = Files.write(dir.resolve("failing-case.json"), input);
                fail("case " + cases + " (seed " + SEED + ") threw " + t + " instead of SessionFormatException; input "
                        + "kept in " + kept, t);
            }
            long took = System.nanoTime() - t0;
            if (took > CASE_LIMIT_NANOS) {
                fail("case " + cases + " took " + took / 1_000_000 + " ms to load or refuse");
            }
            cases++;
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "loading wrote nothing beside the file");
        }
        System.out.printf("session loader fuzz: %d cases in %.1f s (seed %d), %d loaded, %d refused%n", cases,
                (System.nanoTime() - start) / 1e9, SEED, loaded, cases - loaded);
        assertTrue(cases >= 200, "the budget allows a meaningful number of cases, ran " + cases);
        assertTrue(cases - loaded > cases / 2, "most mutations break the file, and are refused");
    }

    private static String caseInfo(SessionFormatException e, byte[] input) {
        return e.getMessage() + " for input of " + input.length + " bytes";
    }

    /** One to four byte-level edits: flip, delete a run, repeat a run, insert a token, truncate. */
    private static byte[] mutateBytes(byte[] original, SplittableRandom random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 1; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> {
                    int len = Math.min(bytes.length - at, 1 + random.nextInt(64));
                    bytes = concat(slice(bytes, 0, at), slice(bytes, at + len, bytes.length));
                }
                case 2 -> {
                    int len = Math.min(bytes.length - at, 1 + random.nextInt(256));
                    bytes = concat(slice(bytes, 0, at + len), slice(bytes, at, bytes.length));
                }
                case 3 -> bytes = concat(slice(bytes, 0, at),
                        concat(TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8),
                                slice(bytes, at, bytes.length)));
                default -> bytes = slice(bytes, 0, at);
            }
        }
        return bytes;
    }

    /** One to three structural edits on the parsed golden tree. */
    private static byte[] mutateTree(byte[] golden, SplittableRandom random) throws Exception {
        JsonNode root = PLAIN.readTree(golden);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(4)) {
                    case 0 -> object.remove(name);
                    case 1 -> object.set("extra" + random.nextInt(3), odd(random));
                    case 2 -> object.set(name, nested(random.nextInt(900))); // deeper is written as bytes
                    default -> object.set(name, perturb(object.get(name), random));
                }
            } else if (target instanceof ArrayNode array && array.size() > 0) {
                int i = random.nextInt(array.size());
                switch (random.nextInt(3)) {
                    case 0 -> array.remove(i);
                    case 1 -> array.add(array.get(i).deepCopy());
                    default -> array.set(i, perturb(array.get(i), random));
                }
            }
        }
        return PLAIN.writeValueAsBytes(root);
    }

    /** An odd value, or for a number a nearby or extreme one, for a string one with odd characters. */
    private static JsonNode perturb(JsonNode value, SplittableRandom random) {
        if (value.isNumber() && random.nextBoolean()) {
            double v = value.asDouble();
            double[] choices = {v * 1e6, -v, v + 1, v * 1.0000001, v / 1e6, StrictMath.nextUp(v)};
            return JsonNodeFactory.instance.numberNode(choices[random.nextInt(choices.length)]);
        }
        if (value.isTextual() && random.nextBoolean()) {
            String s = value.textValue();
            return JsonNodeFactory.instance.textNode(random.nextBoolean() ? s + "\u001b[2J" : s.toUpperCase());
        }
        return odd(random);
    }

    private static JsonNode odd(SplittableRandom random) {
        return ODD_VALUES.get(random.nextInt(ODD_VALUES.size())).deepCopy();
    }

    private static JsonNode nested(int depth) {
        JsonNode node = JsonNodeFactory.instance.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = JsonNodeFactory.instance.arrayNode().add(node);
        }
        return node;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    collectContainers(it.next().getValue(), out);
                }
            } else {
                node.forEach(child -> collectContainers(child, out));
            }
        }
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
