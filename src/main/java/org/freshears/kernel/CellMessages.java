package org.freshears.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.freshears.notebook.CellFailure;
import org.freshears.notebook.CellRun;
import org.freshears.notebook.RichOutput;

/**
 * A cell's run as the IOPub messages a Jupyter front end shows, in the order {@code notebook.ipynb} keeps
 * them: its printed text ({@code stream}), its rich outputs ({@code display_data}, every representation
 * in one mime bundle), its value ({@code execute_result}) and its error ({@code error}).
 */
final class CellMessages {
    // nbformat v4.5 schema, definitions.misc.mimebundle: JSON types hold JSON, text types text, the rest base64.
    private static final Pattern JSON_MIME = Pattern.compile("^application/(.*\\+)?json$");
    private static final Pattern TEXT_MIME = Pattern.compile("^(text/.*|image/svg\\+xml|application/javascript)$");

    /** One IOPub message: its type and content. */
    record Message(String type, ObjectNode content) {
    }

    private CellMessages() {
    }

    static List<Message> of(CellRun run) {
        List<Message> messages = new ArrayList<>();
        if (!run.stdout().isEmpty()) {
            messages.add(stream("stdout", run.stdout()));
        }
        if (!run.stderr().isEmpty()) {
            messages.add(stream("stderr", run.stderr()));
        }
        for (RichOutput output : run.displays()) {
            messages.add(display(output));
        }
        run.value().ifPresent(value -> {
            ObjectNode content = KernelMessage.JSON.createObjectNode();
            content.put("execution_count", run.executionCount());
            content.putObject("data").put("text/plain", value);
            content.putObject("metadata");
            messages.add(new Message("execute_result", content));
        });
        run.failure().ifPresent(failure -> messages.add(new Message("error", error(failure))));
        return messages;
    }

    /** A rich output as a display_data message (every representation in one mime bundle). */
    static Message display(RichOutput output) {
        ObjectNode content = KernelMessage.JSON.createObjectNode();
        content.set("data", bundle(output));
        content.putObject("metadata");
        content.putObject("transient");
        return new Message("display_data", content);
    }

    /** The error's fields, as the error message and an execute_reply with status "error" carry them. */
    static ObjectNode error(CellFailure failure) {
        ObjectNode content = KernelMessage.JSON.createObjectNode();
        content.put("ename", failure.errorName());
        content.put("evalue", failure.errorValue());
        ArrayNode traceback = content.putArray("traceback");
        // The first line says, in words, which line of the cell failed and why; the trace follows.
        List<String> lines = new ArrayList<>(failure.traceback());
        if (lines.isEmpty() || !lines.get(0).equals(failure.message())) {
            lines.add(0, failure.message());
        }
        lines.forEach(traceback::add);
        return content;
    }

    /** Every representation of the output, with a text/plain one for front ends that show only text. */
    static ObjectNode bundle(RichOutput output) {
        ObjectNode data = KernelMessage.JSON.createObjectNode();
        for (Map.Entry<String, byte[]> entry : output.bundle().entrySet()) {
            data.set(entry.getKey(), value(entry.getKey(), entry.getValue()));
        }
        if (!data.has("text/plain")) {
            data.put("text/plain", "<" + output.mimeType() + " output>");
        }
        return data;
    }

    private static JsonNode value(String mimeType, byte[] bytes) {
        if (JSON_MIME.matcher(mimeType).matches()) {
            try {
                return KernelMessage.JSON.readTree(bytes);
            } catch (IOException e) {
                throw new IllegalArgumentException(mimeType + " output is not JSON: " + e.getMessage(), e);
            }
        }
        String text = TEXT_MIME.matcher(mimeType).matches() ? new String(bytes, StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(bytes);
        return KernelMessage.JSON.getNodeFactory().textNode(text);
    }

    private static Message stream(String name, String text) {
        ObjectNode content = KernelMessage.JSON.createObjectNode();
        content.put("name", name);
        content.put("text", text);
        return new Message("stream", content);
    }
}
