package org.freshears.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.freshears.notebook.LiveNotebook;
import org.freshears.notebook.NotebookContext;
import org.freshears.notebook.NotebookRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel on the wire, spoken to as a Jupyter client does (JeroMQ DEALER and SUB sockets, signed
 * frames): every request type it serves, signatures checked, an endless loop interrupted, shutdown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JupyterKernelTest {
    private static final String KEY = "a0436f6c-1916-498b-8eb9-e81ab9368e84";
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private ZContext zmq;
    private ZMQ.Socket shell;
    private ZMQ.Socket control;
    private ZMQ.Socket iopub;
    private ConnectionFile connection;
    private CompletableFuture<Boolean> served;
    private final MessageSigner signer = new MessageSigner(KEY);

    @BeforeAll
    void startKernel() throws Exception {
        connection = new ConnectionFile("tcp", "127.0.0.1", freePort(), freePort(), freePort(), freePort(),
                freePort(), KEY, "hmac-sha256");
        LiveNotebook notebook = new LiveNotebook(new NotebookRunner(), NotebookContext.standalone());
        JupyterKernel kernel = new JupyterKernel(connection, notebook, "test",
                new PrintStream(log, true, StandardCharsets.UTF_8));
        served = CompletableFuture.supplyAsync(() -> {
            try {
                return kernel.serve();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        zmq = new ZContext();
        shell = connect(SocketType.DEALER, connection.shellPort());
        control = connect(SocketType.DEALER, connection.controlPort());
        iopub = connect(SocketType.SUB, connection.iopubPort());
        iopub.subscribe(new byte[0]);
        // As jupyter_client does: ask for kernel_info until the kernel answers, so every socket is up.
        assertNotNull(request(shell, "kernel_info_request", json("{}"), 10_000), "the kernel never answered");
        drainIopub();
    }

    @AfterAll
    void shutDown() throws Exception {
        KernelMessage reply = request(control, "shutdown_request", json("{\"restart\": true}"), 5_000);
        assertNotNull(reply);
        assertTrue(reply.content().get("restart").asBoolean());
        assertTrue(served.get(10, TimeUnit.SECONDS), "serve() returns, asking for a restart");
        zmq.close();
    }

    @Test
    void kernelInfoSaysProtocolLanguageAndImplementation() {
        KernelMessage reply = request(shell, "kernel_info_request", json("{}"), 5_000);
        assertEquals("kernel_info_reply", reply.type());
        assertEquals("5.3", reply.content().get("protocol_version").asText());
        assertEquals("freshears", reply.content().get("implementation").asText());
        assertEquals("java", reply.content().at("/language_info/name").asText());
        assertEquals(".jsh", reply.content().at("/language_info/file_extension").asText());
    }

    @Test
    void aBadlySignedMessageIsRefusedAndLogged() {
        KernelMessage message = message("kernel_info_request", json("{}"));
        List<byte[]> frames = new ArrayList<>(message.toFrames(signer));
        frames.set(1, new MessageSigner("not-the-key").sign(frames.subList(2, 6)).getBytes(StandardCharsets.US_ASCII));
        send(shell, frames);
        assertNull(receive(shell, 1_500), "no reply to a message signed with another key");
        List<byte[]> unsigned = new ArrayList<>(message.toFrames(signer));
        unsigned.set(1, new byte[0]);
        send(shell, unsigned);
        assertNull(receive(shell, 1_000), "no reply to an unsigned message");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("refused a message on shell: the signature"),
                log.toString(StandardCharsets.UTF_8));
        assertNotNull(request(shell, "kernel_info_request", json("{}"), 5_000), "the kernel still serves");
        drainIopub();
    }

    @Test
    void executeShowsInputOutputAndValueBetweenBusyAndIdle() {
        KernelMessage request = message("execute_request",
                json("{\"code\": \"int x = 20;\\nSystem.out.println(\\\"printed\\\");\\nx + 22\", \"silent\": false}"));
        send(shell, request.toFrames(signer));
        KernelMessage reply = reply(shell, 30_000);
        assertEquals("ok", reply.content().get("status").asText());
        List<KernelMessage> published = iopubUntilIdle(request);
        List<String> types = published.stream().map(KernelMessage::type).toList();
        assertEquals(List.of("status", "execute_input", "stream", "execute_result", "status"), types);
        assertEquals("busy", published.get(0).content().get("execution_state").asText());
        assertEquals("printed\n", published.get(2).content().get("text").asText());
        assertEquals("42", published.get(3).content().at("/data/text~1plain").asText());
        int count = reply.content().get("execution_count").asInt();
        assertEquals(count, published.get(3).content().get("execution_count").asInt());
        // Variables live on into the next cell.
        KernelMessage next = message("execute_request", json("{\"code\": \"x * 2\"}"));
        send(shell, next.toFrames(signer));
        assertEquals(count + 1, reply(shell, 30_000).content().get("execution_count").asInt());
        assertTrue(iopubUntilIdle(next).stream().anyMatch(m -> m.type().equals("execute_result")
                && m.content().at("/data/text~1plain").asText().equals("40")));
    }

    @Test
    void aFailingCellGivesAnErrorNamingItsLine() {
        KernelMessage request = message("execute_request",
                json("{\"code\": \"int ok = 1;\\nvar c = compressor().ratio(0.5);\"}"));
        send(shell, request.toFrames(signer));
        KernelMessage reply = reply(shell, 30_000);
        assertEquals("error", reply.content().get("status").asText());
        KernelMessage error = iopubUntilIdle(request).stream().filter(m -> m.type().equals("error")).findFirst()
                .orElseThrow();
        String traceback = error.content().get("traceback").toString();
        assertTrue(traceback.contains("line 2: ratio must be >= 1, got 0.5"), traceback);
        assertEquals("IllegalArgumentException", error.content().get("ename").asText());
    }

    @Test
    void completionInspectionAndCompleteness() {
        KernelMessage complete = request(shell, "complete_request",
                json("{\"code\": \"var c = compressor().thresh\", \"cursor_pos\": 27}"), 30_000);
        List<String> matches = new ArrayList<>();
        complete.content().get("matches").forEach(m -> matches.add(m.asText()));
        assertTrue(matches.contains("thresholdDb("), matches.toString());
        assertEquals(21, complete.content().get("cursor_start").asInt());
        assertEquals(27, complete.content().get("cursor_end").asInt());

        KernelMessage inspect = request(shell, "inspect_request",
                json("{\"code\": \"bell(270, -4)\", \"cursor_pos\": 5, \"detail_level\": 0}"), 30_000);
        assertTrue(inspect.content().get("found").asBoolean());
        assertTrue(inspect.content().at("/data/text~1plain").asText().contains("bell(double freqHz, double gainDb)"),
                inspect.content().toString());

        assertEquals("incomplete", request(shell, "is_complete_request", json("{\"code\": \"s.step(\\\"x\\\",\"}"),
                30_000).content().get("status").asText());
        assertEquals("complete", request(shell, "is_complete_request", json("{\"code\": \"int y = 3;\"}"), 30_000)
                .content().get("status").asText());
        KernelMessage comms = request(shell, "comm_info_request", json("{}"), 5_000);
        assertEquals(0, comms.content().get("comms").size());
        drainIopub();
    }

    @Test
    void anEndlessLoopIsInterruptedFromTheControlChannel() {
        KernelMessage request = message("execute_request", json("{\"code\": \"long n = 0;\\nwhile (true) { n++; }\"}"));
        send(shell, request.toFrames(signer));
        assertNull(receive(shell, 1_000), "the loop runs");
        long start = System.nanoTime();
        KernelMessage interrupted = request(control, "interrupt_request", json("{}"), 5_000);
        assertEquals("interrupt_reply", interrupted.type());
        KernelMessage reply = reply(shell, 10_000);
        assertEquals("error", reply.content().get("status").asText());
        assertEquals("Interrupted", reply.content().get("ename").asText());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        // The kernel goes on: the next cell runs.
        KernelMessage next = message("execute_request", json("{\"code\": \"2 + 2\"}"));
        send(shell, next.toFrames(signer));
        assertEquals("ok", reply(shell, 30_000).content().get("status").asText());
        assertTrue(iopubUntilIdle(next).stream().anyMatch(m -> m.type().equals("execute_result")
                && m.content().at("/data/text~1plain").asText().equals("4")));
    }

    /** Issue 15 item 1: what a cell shows goes out as display_data while it runs, before its execute_reply. */
    @Test
    void aCellsOutputsGoOutWhileItStillRuns() throws Exception {
        java.nio.file.Path flag = java.nio.file.Files.createTempFile("freshears-kernel", ".flag");
        java.nio.file.Files.delete(flag);
        ObjectNode content = KernelMessage.JSON.createObjectNode();
        // The cell shows an output, then waits until the client has seen it: shown only at the cell's end, the
        // output would never come and the cell never end.
        content.put("code", "org.freshears.notebook.NotebookContext.current().display(\"text/plain\", \"shown early\");\n"
                + "while (!java.nio.file.Files.exists(java.nio.file.Path.of(\"" + flag + "\"))) { Thread.sleep(10); }\n"
                + "1 + 1");
        KernelMessage request = message("execute_request", content);
        String id = request.header().get("msg_id").asText();
        send(shell, request.toFrames(signer));
        KernelMessage shown = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (shown == null && System.nanoTime() < deadline) {
            KernelMessage m = receiveMessage(iopub, 1_000);
            if (m != null && m.parentHeader().path("msg_id").asText().equals(id) && m.type().equals("display_data")) {
                shown = m;
            }
        }
        assertNotNull(shown, "no display_data while the cell ran");
        assertEquals("shown early", shown.content().at("/data/text~1plain").asText());
        assertNull(receive(shell, 200), "no execute_reply yet: the cell still runs");
        java.nio.file.Files.createFile(flag);
        KernelMessage reply = reply(shell, 30_000);
        assertEquals("execute_reply", reply.type());
        assertEquals("ok", reply.content().get("status").asText());
        List<KernelMessage> rest = iopubUntilIdle(request);
        assertTrue(rest.stream().noneMatch(m -> m.type().equals("display_data")), "sent once: " + rest);
        java.nio.file.Files.deleteIfExists(flag);
    }

    private List<KernelMessage> iopubUntilIdle(KernelMessage request) {
        String id = request.header().get("msg_id").asText();
        List<KernelMessage> published = new ArrayList<>();
        while (true) {
            KernelMessage m = receiveMessage(iopub, 30_000);
            assertNotNull(m, "IOPub went quiet before idle: " + published);
            if (!m.parentHeader().path("msg_id").asText().equals(id)) {
                continue;
            }
            published.add(m);
            if (m.type().equals("status") && m.content().get("execution_state").asText().equals("idle")) {
                return published;
            }
        }
    }

    private void drainIopub() {
        while (receive(iopub, 300) != null) {
            // stale status messages
        }
    }

    private KernelMessage request(ZMQ.Socket socket, String type, ObjectNode content, int timeoutMs) {
        send(socket, message(type, content).toFrames(signer));
        return reply(socket, timeoutMs);
    }

    private KernelMessage reply(ZMQ.Socket socket, int timeoutMs) {
        return receiveMessage(socket, timeoutMs);
    }

    private KernelMessage receiveMessage(ZMQ.Socket socket, int timeoutMs) {
        List<byte[]> frames = receive(socket, timeoutMs);
        if (frames == null) {
            return null;
        }
        try {
            return KernelMessage.fromFrames(frames, signer); // the kernel's messages are signed with the key
        } catch (KernelMessage.BadMessage e) {
            throw new AssertionError("the kernel sent a bad message: " + e.getMessage());
        }
    }

    private static KernelMessage message(String type, ObjectNode content) {
        return KernelMessage.of(null, "test-client", type, content, List.of());
    }

    private ZMQ.Socket connect(SocketType type, int port) {
        ZMQ.Socket socket = zmq.createSocket(type);
        socket.setLinger(0);
        socket.connect(connection.address(port));
        return socket;
    }

    private static void send(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (i < frames.size() - 1) {
                socket.sendMore(frames.get(i));
            } else {
                socket.send(frames.get(i));
            }
        }
    }

    private static List<byte[]> receive(ZMQ.Socket socket, int timeoutMs) {
        socket.setReceiveTimeOut(timeoutMs);
        byte[] first = socket.recv();
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>(List.of(first));
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return frames;
    }

    private static ObjectNode json(String text) {
        try {
            JsonNode node = KernelMessage.JSON.readTree(text);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anEmptyKeyMeansNoSigning() {
        MessageSigner none = new MessageSigner("");
        assertEquals("", none.sign(List.of(new byte[] {1})));
        assertTrue(none.verify("anything", List.of(new byte[] {1})));
        assertFalse(signer.verify("", List.of(new byte[] {1})));
    }
}
