package org.freshears.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.freshears.notebook.CellRun;
import org.freshears.notebook.LiveNotebook;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A Jupyter kernel: binds the five sockets of its connection file and serves requests until a client
 * asks it to shut down. Shell requests (execute, complete, inspect, is_complete, kernel_info,
 * comm_info, history) are served one at a time on the calling thread; control requests (interrupt,
 * shutdown, kernel_info) on a thread of their own, so an interrupt reaches a running cell; the heartbeat
 * echoes on a third. Every request is framed on IOPub by status busy and idle. A message whose signature
 * does not match the key is logged and dropped, unanswered.
 */
public final class JupyterKernel {
    /** How often the loops look up from their sockets to see whether the kernel is shutting down. */
    private static final int POLL_MS = 100;
    /** How long a closing socket may still deliver what it has queued (the shutdown reply). */
    private static final int LINGER_MS = 1_000;

    private final ConnectionFile connection;
    private final MessageSigner signer;
    private final LiveNotebook notebook;
    private final Replies replies;
    private final PrintStream log;
    private final String session = UUID.randomUUID().toString();
    private final Object iopubLock = new Object();
    private volatile boolean running = true;
    private volatile boolean restartAsked;
    private final List<RuntimeException> bindFaults = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ZMQ.Socket iopub;

    /**
     * @param implementationVersion the version kernel_info reports
     * @param log where refused messages and faults are told (the kernel's stderr, which Jupyter shows in
     *            its console)
     */
    public JupyterKernel(ConnectionFile connection, LiveNotebook notebook, String implementationVersion,
            PrintStream log) {
        this.connection = connection;
        this.signer = new MessageSigner(connection.key());
        this.notebook = notebook;
        this.replies = new Replies(notebook, implementationVersion);
        this.log = log;
    }

    /** Serves until a shutdown request; true when the client asked for a restart (it starts us again). */
    public boolean serve() throws InterruptedException {
        try (ZContext zmq = new ZContext()) {
            ZMQ.Socket shell = bind(zmq, SocketType.ROUTER, connection.shellPort());
            ZMQ.Socket stdin = bind(zmq, SocketType.ROUTER, connection.stdinPort());
            iopub = bind(zmq, SocketType.PUB, connection.iopubPort());
            // The control and heartbeat sockets are made and used on their own threads; both are bound
            // before the shell is served, so a client that connects finds every socket.
            CountDownLatch bound = new CountDownLatch(2);
            Thread heartbeat = daemon("jupyter-heartbeat", () -> heartbeat(zmq, bound));
            Thread control = daemon("jupyter-control", () -> control(zmq, bound));
            bound.await();
            if (!bindFaults.isEmpty()) {
                running = false;
                throw bindFaults.get(0);
            }
            publish(null, "status", status("starting"));
            shell.setReceiveTimeOut(POLL_MS);
            while (running) {
                List<byte[]> frames = receive(shell);
                if (frames != null) {
                    serveRequest(shell, "shell", frames);
                }
            }
            control.join(2 * POLL_MS + LINGER_MS);
            heartbeat.join(2 * POLL_MS);
            shell.close();
            stdin.close();
            synchronized (iopubLock) {
                iopub.close();
            }
        } finally {
            notebook.close();
        }
        return restartAsked;
    }

    private Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                log.println("freshears kernel: " + name + ": " + e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private ZMQ.Socket bind(ZContext zmq, SocketType type, int port) {
        ZMQ.Socket socket = zmq.createSocket(type);
        socket.setLinger(LINGER_MS);
        String address = connection.address(port);
        try {
            socket.bind(address);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        return socket;
    }

    private void heartbeat(ZContext zmq, CountDownLatch bound) {
        ZMQ.Socket hb;
        try {
            hb = bind(zmq, SocketType.REP, connection.hbPort());
        } catch (RuntimeException e) {
            bindFaults.add(e);
            return;
        } finally {
            bound.countDown();
        }
        hb.setReceiveTimeOut(POLL_MS);
        while (running) {
            List<byte[]> ping = receive(hb);
            if (ping != null) {
                send(hb, ping);
            }
        }
        hb.close();
    }

    private void control(ZContext zmq, CountDownLatch bound) {
        ZMQ.Socket control;
        try {
            control = bind(zmq, SocketType.ROUTER, connection.controlPort());
        } catch (RuntimeException e) {
            bindFaults.add(e);
            return;
        } finally {
            bound.countDown();
        }
        control.setReceiveTimeOut(POLL_MS);
        while (running) {
            List<byte[]> frames = receive(control);
            if (frames != null) {
                serveRequest(control, "control", frames);
            }
        }
        control.close();
    }

    private void serveRequest(ZMQ.Socket socket, String channel, List<byte[]> frames) {
        KernelMessage request;
        try {
            request = KernelMessage.fromFrames(frames, signer);
        } catch (KernelMessage.BadMessage e) {
            log.println("freshears kernel: refused a message on " + channel + ": " + e.getMessage());
            return;
        }
        publish(request, "status", status("busy"));
        try {
            String type = request.type();
            switch (type) {
                case "execute_request" -> execute(socket, request);
                case "interrupt_request" -> {
                    notebook.interrupt();
                    reply(socket, request, "interrupt_reply", Replies.ok());
                }
                case "shutdown_request" -> {
                    restartAsked = request.content().path("restart").asBoolean(false);
                    running = false;
                    notebook.interrupt(); // a running cell must not hold the kernel up
                    ObjectNode content = Replies.ok();
                    content.put("restart", restartAsked);
                    reply(socket, request, "shutdown_reply", content);
                }
                default -> {
                    ObjectNode content = replies.answer(type, request.content());
                    if (content == null) {
                        log.println("freshears kernel: unknown message type " + type + " on " + channel + ", ignored");
                    } else {
                        reply(socket, request, type.replace("_request", "_reply"), content);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.println("freshears kernel: failed to serve " + request.type() + ": " + e);
            e.printStackTrace(log);
        } finally {
            publish(request, "status", status("idle"));
        }
    }

    private void execute(ZMQ.Socket socket, KernelMessage request) {
        String code = request.content().path("code").asText("");
        boolean silent = request.content().path("silent").asBoolean(false);
        if (!silent) {
            ObjectNode input = KernelMessage.JSON.createObjectNode();
            input.put("code", code);
            input.put("execution_count", notebook.executionCount() + 1);
            publish(request, "execute_input", input);
        }
        // Charts and players go out as the cell makes them (a step's once its statement is done), not at its end.
        org.freshears.notebook.CellOutputs outputs = notebook.context().outputs();
        outputs.showLive(silent ? null : output -> {
            CellMessages.Message shown = CellMessages.display(output);
            publish(request, shown.type(), shown.content());
        });
        CellRun run;
        try {
            run = notebook.execute(code);
        } finally {
            outputs.showLive(null);
        }
        for (CellMessages.Message message : CellMessages.of(run)) {
            boolean sent = message.type().equals("display_data"); // sent live, above
            if (!sent && (!silent || message.type().equals("error"))) {
                publish(request, message.type(), message.content());
            }
        }
        ObjectNode content;
        if (run.failure().isPresent()) {
            content = CellMessages.error(run.failure().get());
            content.put("status", "error");
        } else {
            content = Replies.ok();
            content.putObject("user_expressions");
            content.putArray("payload");
        }
        content.put("execution_count", run.executionCount());
        reply(socket, request, "execute_reply", content);
    }

    private void reply(ZMQ.Socket socket, KernelMessage request, String type, ObjectNode content) {
        send(socket, KernelMessage.of(request, session, type, content, request.identities()).toFrames(signer));
    }

    private void publish(KernelMessage parent, String type, ObjectNode content) {
        KernelMessage message = KernelMessage.of(parent, session, type, content,
                List.of(("kernel." + session + "." + type).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        synchronized (iopubLock) {
            send(iopub, message.toFrames(signer));
        }
    }

    /**
     * A rich output as the kernel sends it while a cell runs (a display_data message's content, as JSON bytes):
     * for the benchmark's kernel child, which runs cells as the kernel does but has no client to send them to.
     */
    public static byte[] displayMessageBytes(org.freshears.notebook.RichOutput output) {
        try {
            return KernelMessage.JSON.writeValueAsBytes(CellMessages.display(output).content());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode status(String state) {
        ObjectNode content = KernelMessage.JSON.createObjectNode();
        content.put("execution_state", state);
        return content;
    }

    /** A whole multipart message, or null when none came within the socket's receive time-out. */
    private static List<byte[]> receive(ZMQ.Socket socket) {
        byte[] first = socket.recv();
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return frames;
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
}
