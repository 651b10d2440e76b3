package org.freshears.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One message of the Jupyter messaging protocol and its wire form: the routing identities, the
 * delimiter {@code <IDS|MSG>}, the signature, then the header, parent header, metadata and content as
 * JSON, and any binary buffers.
 *
 * <p>Protocol: https://jupyter-client.readthedocs.io/en/stable/messaging.html ("The Wire Protocol").
 */
record KernelMessage(List<byte[]> identities, ObjectNode header, ObjectNode parentHeader, ObjectNode metadata,
        ObjectNode content, List<byte[]> buffers) {
    static final String PROTOCOL_VERSION = "5.3";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    KernelMessage {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    String type() {
        return header.path("msg_type").asText("");
    }

    /**
     * A new message answering or caused by {@code parent}: its header names the kernel's session, and its
     * parent header is the parent's header; a reply goes back to the parent's identities.
     */
    static KernelMessage of(KernelMessage parent, String session, String type, ObjectNode content,
            List<byte[]> identities) {
        ObjectNode header = JSON.createObjectNode();
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("session", session);
        header.put("username", "freshears");
        header.put("date", OffsetDateTime.now(ZoneOffset.UTC).format(DATE));
        header.put("msg_type", type);
        header.put("version", PROTOCOL_VERSION);
        ObjectNode parentHeader = parent == null ? JSON.createObjectNode() : parent.header().deepCopy();
        return new KernelMessage(identities, header, parentHeader, JSON.createObjectNode(), content, List.of());
    }

    /** The frames to send, signed. */
    List<byte[]> toFrames(MessageSigner signer) {
        List<byte[]> parts = List.of(bytes(header), bytes(parentHeader), bytes(metadata), bytes(content));
        List<byte[]> frames = new ArrayList<>(identities);
        frames.add(DELIMITER);
        frames.add(signer.sign(parts).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(parts);
        frames.addAll(buffers);
        return frames;
    }

    /**
     * Reads received frames; refused when they are not a message (no delimiter, too few frames, JSON that
     * is not an object) or the signature does not match, which the caller logs and drops.
     */
    static KernelMessage fromFrames(List<byte[]> frames, MessageSigner signer) throws BadMessage {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            throw new BadMessage("not a Jupyter message (" + frames.size() + " frames, "
                    + (delimiter < 0 ? "no <IDS|MSG> delimiter" : "too few after the delimiter") + ")");
        }
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        List<byte[]> parts = frames.subList(delimiter + 2, delimiter + 6);
        if (!signer.verify(signature, parts)) {
            throw new BadMessage("the signature does not match the connection's key");
        }
        try {
            return new KernelMessage(frames.subList(0, delimiter), object(parts.get(0)),
                    object(parts.get(1)), object(parts.get(2)), object(parts.get(3)),
                    frames.subList(delimiter + 6, frames.size()));
        } catch (IOException e) {
            throw new BadMessage("a frame is not a JSON object: " + e.getMessage());
        }
    }

    /** Why received frames were dropped. */
    static final class BadMessage extends Exception {
        BadMessage(String why) {
            super(why);
        }
    }

    private static ObjectNode object(byte[] frame) throws IOException {
        if (JSON.readTree(frame) instanceof ObjectNode node) {
            return node;
        }
        throw new IOException("expected an object");
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
