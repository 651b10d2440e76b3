package org.freshears.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.freshears.notebook.LiveNotebook;

/**
 * The answers to the shell requests that only ask (nothing runs): kernel_info, complete, inspect,
 * is_complete, comm_info and history. Cursor positions travel in Unicode code points (protocol 5.2 on)
 * and are turned into Java's char indices and back here.
 */
final class Replies {
    private final LiveNotebook notebook;
    private final String implementationVersion;

    Replies(LiveNotebook notebook, String implementationVersion) {
        this.notebook = notebook;
        this.implementationVersion = implementationVersion;
    }

    static ObjectNode ok() {
        ObjectNode content = KernelMessage.JSON.createObjectNode();
        content.put("status", "ok");
        return content;
    }

    /** The reply's content to a request of this type, or null for a type not served here. */
    ObjectNode answer(String type, JsonNode request) {
        return switch (type) {
            case "kernel_info_request" -> kernelInfo();
            case "complete_request" -> complete(request.path("code").asText(""), request.path("cursor_pos"));
            case "inspect_request" -> inspect(request.path("code").asText(""), request.path("cursor_pos"));
            case "is_complete_request" -> isComplete(request.path("code").asText(""));
            case "comm_info_request" -> {
                ObjectNode content = ok();
                content.putObject("comms"); // no comms: the kernel has no widgets
                yield content;
            }
            case "history_request" -> {
                ObjectNode content = ok();
                content.putArray("history"); // history is the notebook's own, not kept here
                yield content;
            }
            default -> null;
        };
    }

    private ObjectNode kernelInfo() {
        ObjectNode content = ok();
        content.put("protocol_version", KernelMessage.PROTOCOL_VERSION);
        content.put("implementation", "freshears");
        content.put("implementation_version", implementationVersion);
        ObjectNode language = content.putObject("language_info");
        language.put("name", "java");
        language.put("version", Runtime.version().feature() + "");
        language.put("mimetype", "text/x-java-source");
        language.put("file_extension", ".jsh");
        language.put("pygments_lexer", "java");
        language.put("codemirror_mode", "text/x-java");
        content.put("banner", "Fresh Ears " + implementationVersion + " (Java " + Runtime.version()
                + "): JShell with the mastering DSL, import static org.freshears.Mastering.*");
        content.putArray("help_links");
        return content;
    }

    private ObjectNode complete(String code, JsonNode cursorPos) {
        int cursor = charIndex(code, cursorPos);
        LiveNotebook.Completions completions = notebook.complete(code, cursor);
        ObjectNode content = ok();
        ArrayNode matches = content.putArray("matches");
        completions.matches().forEach(matches::add);
        content.put("cursor_start", codePoints(code, completions.start()));
        content.put("cursor_end", codePoints(code, completions.end()));
        content.putObject("metadata");
        return content;
    }

    private ObjectNode inspect(String code, JsonNode cursorPos) {
        List<String> found = notebook.inspect(code, charIndex(code, cursorPos));
        ObjectNode content = ok();
        content.put("found", !found.isEmpty());
        ObjectNode data = content.putObject("data");
        if (!found.isEmpty()) {
            data.put("text/plain", String.join("\n", found));
        }
        content.putObject("metadata");
        return content;
    }

    private ObjectNode isComplete(String code) {
        ObjectNode content = KernelMessage.JSON.createObjectNode();
        String status = notebook.completeness(code);
        content.put("status", status);
        if (status.equals("incomplete")) {
            content.put("indent", "    ");
        }
        return content;
    }

    /** A cursor in code points (absent: the end of the code) as a char index. */
    static int charIndex(String code, JsonNode cursorPos) {
        int points = code.codePointCount(0, code.length());
        int at = cursorPos.canConvertToInt() ? Math.max(0, Math.min(cursorPos.asInt(), points)) : points;
        return code.offsetByCodePoints(0, at);
    }

    static int codePoints(String code, int charIndex) {
        return code.codePointCount(0, Math.max(0, Math.min(charIndex, code.length())));
    }
}
