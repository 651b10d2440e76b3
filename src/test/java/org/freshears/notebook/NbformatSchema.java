package org.freshears.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the nbformat v4.5 JSON schema (nbformat/v4/nbformat.v4.5.schema.json) that a notebook
 * we write can break, checked without a network or a schema library. Each rule cites the schema
 * definition it comes from. {@link #violations} returns what is wrong, empty when nothing is.
 */
public final class NbformatSchema {
    // definitions.cell_id: pattern, minLength 1, maxLength 64.
    private static final Pattern CELL_ID = Pattern.compile("^[a-zA-Z0-9-_]+$");
    // definitions.misc.mimebundle: JSON mime types may hold any value; others a multiline_string.
    private static final Pattern JSON_MIME = Pattern.compile("^application/(.*\\+)?json$");

    private NbformatSchema() {
    }

    public static List<String> violations(JsonNode notebook) {
        Checker c = new Checker();
        // root: required metadata, nbformat_minor, nbformat, cells; additionalProperties false.
        c.exactly(notebook, "notebook", Set.of("metadata", "nbformat_minor", "nbformat", "cells"), Set.of());
        c.check(notebook.path("nbformat").isInt() && notebook.path("nbformat").asInt() == 4, "nbformat must be 4");
        c.check(notebook.path("nbformat_minor").isInt() && notebook.path("nbformat_minor").asInt() >= 5,
                "nbformat_minor must be an integer >= 5 (cell ids)");
        JsonNode metadata = notebook.path("metadata");
        c.check(metadata.isObject(), "metadata must be an object");
        JsonNode kernelspec = metadata.path("kernelspec");
        if (!kernelspec.isMissingNode()) { // properties.metadata.kernelspec: required name, display_name
            c.check(kernelspec.path("name").isTextual() && kernelspec.path("display_name").isTextual(),
                    "kernelspec needs string name and display_name");
        }
        JsonNode languageInfo = metadata.path("language_info");
        if (!languageInfo.isMissingNode()) { // properties.metadata.language_info: required name
            c.check(languageInfo.path("name").isTextual(), "language_info needs a string name");
        }
        JsonNode cells = notebook.path("cells");
        c.check(cells.isArray(), "cells must be an array");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            String where = "cells[" + i + "]";
            String id = cell.path("id").asText("");
            c.check(cell.path("id").isTextual() && CELL_ID.matcher(id).matches() && id.length() <= 64,
                    where + ".id must match ^[a-zA-Z0-9-_]+$, 1..64 chars");
            c.check(ids.add(id), where + ".id must be unique");
            c.check(cell.path("metadata").isObject(), where + ".metadata must be an object");
            c.multiline(cell.path("source"), where + ".source");
            String type = cell.path("cell_type").asText();
            switch (type) {
                case "markdown", "raw" -> c.exactly(cell, where, Set.of("id", "cell_type", "metadata", "source"),
                        Set.of("attachments"));
                case "code" -> {
                    c.exactly(cell, where,
                            Set.of("id", "cell_type", "metadata", "source", "outputs", "execution_count"), Set.of());
                    c.count(cell.path("execution_count"), where + ".execution_count");
                    JsonNode outputs = cell.path("outputs");
                    c.check(outputs.isArray(), where + ".outputs must be an array");
                    for (int j = 0; j < outputs.size(); j++) {
                        output(c, outputs.get(j), where + ".outputs[" + j + "]");
                    }
                }
                default -> c.fail(where + ".cell_type must be markdown, code or raw, got " + type);
            }
        }
        return c.problems;
    }

    private static void output(Checker c, JsonNode output, String where) {
        String type = output.path("output_type").asText();
        switch (type) {
            case "stream" -> { // definitions.stream
                c.exactly(output, where, Set.of("output_type", "name", "text"), Set.of());
                String name = output.path("name").asText();
                // The schema types name as a string; its description and every frontend mean these two.
                c.check(name.equals("stdout") || name.equals("stderr"), where + ".name must be stdout or stderr");
                c.multiline(output.path("text"), where + ".text");
            }
            case "execute_result" -> { // definitions.execute_result
                c.exactly(output, where, Set.of("output_type", "data", "metadata", "execution_count"), Set.of());
                c.count(output.path("execution_count"), where + ".execution_count");
                c.mimebundle(output.path("data"), where + ".data");
                c.check(output.path("metadata").isObject(), where + ".metadata must be an object");
            }
            case "display_data" -> { // definitions.display_data
                c.exactly(output, where, Set.of("output_type", "data", "metadata"), Set.of());
                c.mimebundle(output.path("data"), where + ".data");
                c.check(output.path("metadata").isObject(), where + ".metadata must be an object");
            }
            case "error" -> { // definitions.error
                c.exactly(output, where, Set.of("output_type", "ename", "evalue", "traceback"), Set.of());
                c.check(output.path("ename").isTextual() && output.path("evalue").isTextual(),
                        where + " ename and evalue must be strings");
                JsonNode traceback = output.path("traceback");
                boolean strings = traceback.isArray();
                for (JsonNode line : traceback) {
                    strings &= line.isTextual();
                }
                c.check(strings, where + ".traceback must be an array of strings");
            }
            default -> c.fail(where + ".output_type must be stream, execute_result, display_data or error, got "
                    + type);
        }
    }

    private static final class Checker {
        final List<String> problems = new java.util.ArrayList<>();

        void check(boolean ok, String problem) {
            if (!ok) {
                problems.add(problem);
            }
        }

        void fail(String problem) {
            problems.add(problem);
        }

        /** required keys present, and (additionalProperties: false) no keys beyond required + optional. */
        void exactly(JsonNode node, String where, Set<String> required, Set<String> optional) {
            if (!node.isObject()) {
                fail(where + " must be an object");
                return;
            }
            for (String key : required) {
                check(node.has(key), where + " lacks required \"" + key + "\"");
            }
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                check(required.contains(key) || optional.contains(key), where + " has unknown \"" + key + "\"");
            }
        }

        /** definitions.misc.multiline_string: a string or an array of strings. */
        void multiline(JsonNode node, String where) {
            boolean ok = node.isTextual() || node.isArray();
            if (node.isArray()) {
                for (JsonNode item : node) {
                    ok &= item.isTextual();
                }
            }
            check(ok, where + " must be a string or an array of strings");
        }

        /** execution_count: integer or null, minimum 0. */
        void count(JsonNode node, String where) {
            check(node.isNull() || (node.isInt() && node.asInt() >= 0), where + " must be null or an integer >= 0");
        }

        void mimebundle(JsonNode node, String where) {
            if (!node.isObject()) {
                fail(where + " must be an object");
                return;
            }
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!JSON_MIME.matcher(key).matches()) {
                    multiline(node.get(key), where + "[" + key + "]");
                }
            }
        }
    }
}
