package org.freshears.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a Jupyter client tells a kernel it starts (the file named by {connection_file}): where each of the
 * five sockets listens and the key that signs every message.
 *
 * @param transport       "tcp" (the only transport JeroMQ offers across platforms)
 * @param ip              the address to bind, e.g. 127.0.0.1
 * @param key             the HMAC key; empty means messages are not signed
 * @param signatureScheme "hmac-sha256"
 */
public record ConnectionFile(String transport, String ip, int shellPort, int iopubPort, int stdinPort,
        int controlPort, int hbPort, String key, String signatureScheme) {

    public static ConnectionFile read(Path file) throws IOException {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not a Jupyter connection file (not JSON: "
                    + e.getOriginalMessage() + ")");
        }
        String transport = text(json, "transport", "tcp");
        if (!transport.equals("tcp")) {
            throw new IOException(file + ": transport \"" + transport + "\" is not supported; only tcp is");
        }
        String scheme = text(json, "signature_scheme", "hmac-sha256");
        if (!scheme.equals("hmac-sha256")) {
            throw new IOException(file + ": signature scheme \"" + scheme + "\" is not supported; only hmac-sha256 is");
        }
        return new ConnectionFile(transport, text(json, "ip", "127.0.0.1"), port(file, json, "shell_port"),
                port(file, json, "iopub_port"), port(file, json, "stdin_port"), port(file, json, "control_port"),
                port(file, json, "hb_port"), text(json, "key", ""), scheme);
    }

    /** The address a socket binds: {@code tcp://127.0.0.1:5555}. */
    public String address(int port) {
        return transport + "://" + ip + ":" + port;
    }

    private static String text(JsonNode json, String field, String otherwise) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? otherwise : value.asText();
    }

    private static int port(Path file, JsonNode json, String field) throws IOException {
        JsonNode value = json.get(field);
        if (value == null || !value.canConvertToInt() || value.asInt() < 0 || value.asInt() > 65_535) {
            throw new IOException(file + ": " + field + " is missing or not a port number");
        }
        return value.asInt();
    }
}
