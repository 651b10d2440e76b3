package org.freshears.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.Dither;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Renderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The benchmark's render child: reads, renders {@link BenchmarkChain}, writes 24-bit with TPDF. */
@Command(name = "bench-render", hidden = true, description = "Benchmark helper: render the benchmark chain.")
public final class RenderChainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT")
    Path output;

    @Override
    public Integer call() throws Exception {
        AudioBuffer audio = WavReader.read(input).audio();
        AudioBuffer master = new Renderer().render(BenchmarkChain.steps(), audio);
        WavWriter.write(master, output, WavOutputFormat.pcm24().dither(Dither.tpdf()), List.of(input));
        return CommandLine.ExitCode.OK;
    }
}
