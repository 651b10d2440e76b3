package org.freshears.session.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads an older session file as the current layout, before strict binding. Version 1 judged problem
 * areas relative to the whole spectrum of their span; version 2 judges them level-matched (band dBFS
 * minus the version's integrated LUFS). A version-1 file holds both numbers that figure needs (each
 * level's {@code bandDb}, each snapshot's {@code integratedLufs}), so its {@code matchedDb} is worked out
 * here; its verdicts stay as recorded, judged the old way, and the record keeps {@code formatVersion} 1
 * and {@code algorithms.problemLevel} {@value #VERSION_1_PROBLEM_LEVEL} so nobody mistakes them.
 * Its outputs replay as before: nothing here touches what a replay renders. Version 3 added
 * {@code listeningTests}: an older file reads with an empty list. Version 4 added step types (the match EQ)
 * and nothing else: a version-3 file reads as it is.
 */
final class FormatUpgrade {
    /** What a version-1 file's problem verdicts were judged on. */
    static final String VERSION_1_PROBLEM_LEVEL = "band relative to the whole spectrum of its span (format 1)";

    private FormatUpgrade() {
    }

    /** Brings a file's tree of format {@code version} to the current layout, in place. */
    static void toCurrent(JsonNode root, int version) {
        if (version == 1 && root instanceof ObjectNode file) {
            fromVersion1(file);
        }
        if (version <= 2 && root instanceof ObjectNode file && !file.has("listeningTests")) {
            // Version 3 added the list of blind ABX tests; an older file has none.
            file.putArray("listeningTests");
        }
        if (version <= 3 && root instanceof ObjectNode file && !file.has("references")) {
            // Version 4 added the reference tracks a notebook read; an older file has none.
            file.putArray("references");
        }
        if (root instanceof ObjectNode file) {
            optionalFields(file);
        }
    }

    /**
     * Fields a file holds only when they apply, written out as null for the strict reader (which wants every
     * field): a render's {@code format.sampleRate} (absent in files written before renders could be
     * converted: the mix's rate) and {@code algorithms.sampleRateConverter} (absent when nothing was
     * converted). Written back, they are left out again, so such a file keeps its bytes.
     */
    private static void optionalFields(ObjectNode root) {
        // mix.decodedBy is written only for a mix that is not WAV (FLAC, AIFF), so a WAV session reads,
        // writes and hashes as it did before those were read.
        if (root.get("mix") instanceof ObjectNode mix && !mix.has("decodedBy")) {
            mix.putNull("decodedBy");
        }
        if (root.get("algorithms") instanceof ObjectNode algorithms && !algorithms.has("sampleRateConverter")) {
            algorithms.putNull("sampleRateConverter");
        }
        for (JsonNode render : root.path("renders")) {
            if (render.get("format") instanceof ObjectNode format && !format.has("sampleRate")) {
                format.putNull("sampleRate");
            }
        }
    }

    private static void fromVersion1(ObjectNode root) {
        if (root.get("algorithms") instanceof ObjectNode algorithms && !algorithms.has("problemLevel")) {
            algorithms.put("problemLevel", VERSION_1_PROBLEM_LEVEL);
        }
        JsonNode problems = root.get("problems");
        if (problems == null || !problems.isArray()) {
            return; // the strict reader names the fault
        }
        for (JsonNode problem : problems) {
            addMatched(problem.get("inMix"), loudnessOf(root, "mix"));
            JsonNode measuredIn = problem.get("measuredIn");
            addMatched(problem.get("inMaster"), loudnessOf(root, measuredIn == null ? null : measuredIn.asText()));
        }
    }

    private static void addMatched(JsonNode level, JsonNode loudnessLufs) {
        if (level instanceof ObjectNode l && !l.has("matchedDb")) {
            JsonNode band = l.get("bandDb");
            if (band != null && band.isNumber() && loudnessLufs != null && loudnessLufs.isNumber()) {
                l.put("matchedDb", band.doubleValue() - loudnessLufs.doubleValue());
            } else {
                l.putNull("matchedDb");
            }
        }
    }

    /** The integrated loudness recorded for a snapshot: the mix's facts, or the named step's. */
    private static JsonNode loudnessOf(JsonNode root, String snapshot) {
        if ("mix".equals(snapshot)) {
            return root.path("mix").path("facts").get("integratedLufs");
        }
        for (JsonNode step : root.path("steps")) {
            if (step.path("name").asText("").equals(snapshot)) {
                return step.path("facts").get("integratedLufs");
            }
        }
        return null;
    }
}
