package org.freshears.kernel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.io.AtomicFile;

/**
 * The kernelspec that tells Jupyter how to start this kernel: {@code kernels/freshears/kernel.json} in a
 * Jupyter data folder, with the command line (absolute paths, resolved when it is installed), the display
 * name, the language and the interrupt mode. Interrupts come as messages on the control channel, so they
 * work the same on every platform and stop only the running cell.
 *
 * <p>Format: https://jupyter-client.readthedocs.io/en/stable/kernels.html#kernel-specs
 */
public final class KernelSpec {
    public static final String NAME = "freshears";
    public static final String DISPLAY_NAME = "Fresh Ears (Java)";

    private KernelSpec() {
    }

    /**
     * Writes {@code DATA_DIR/kernels/freshears/kernel.json} (replacing an older one) and returns its folder.
     *
     * @param dataDir a Jupyter data folder: {@code ~/.local/share/jupyter}, {@code PREFIX/share/jupyter}
     * @param launch  the command that starts this program; {@code kernel --connection-file
     *                {connection_file}} is added to it
     */
    public static Path install(Path dataDir, List<String> launch) throws IOException {
        Path folder = dataDir.resolve("kernels").resolve(NAME);
        Files.createDirectories(folder);
        AtomicFile.write(folder.resolve("kernel.json"), json(launch).getBytes(StandardCharsets.UTF_8));
        return folder;
    }

    static String json(List<String> launch) {
        ObjectNode spec = KernelMessage.JSON.createObjectNode();
        ArrayNode argv = spec.putArray("argv");
        launch.forEach(argv::add);
        argv.add("kernel");
        argv.add("--connection-file");
        argv.add("{connection_file}");
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.putObject("metadata").put("debugger", false);
        try {
            return KernelMessage.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
