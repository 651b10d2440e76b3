package org.freshears.translation;

import java.io.IOException;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.chain.CodecPeaks;
import org.freshears.chain.LossyCodec;
import org.freshears.measure.Analysis;
import org.freshears.media.Ffmpeg;

/**
 * The codec round trips a codec-safe limiter searches against: the master through each codec (ffmpeg,
 * found when first needed), and the highest decoded true peak.
 */
public final class CodecSafety implements CodecPeaks {
    private Ffmpeg ffmpeg;

    @Override
    public double maxTruePeakDbtp(AudioBuffer audio, List<LossyCodec> codecs) {
        List<CodecSetting> settings = codecs.stream().map(CodecSetting::of).toList();
        try {
            synchronized (this) {
                if (ffmpeg == null) {
                    ffmpeg = Ffmpeg.locate();
                }
            }
            Analysis analysis = Analysis.withoutSpectrum(audio, f -> { });
            List<CodecResult> results = new CodecRoundTrip(ffmpeg).run(audio, analysis, settings,
                    CodecRoundTrip.DEFAULT_CEILING_DBTP, f -> { });
            return results.stream().mapToDouble(CodecResult::truePeakDbtp).max().orElseThrow();
        } catch (IOException e) {
            // a notebook cell reports the message as it is: what ffmpeg said, or how to install it
            throw new IllegalArgumentException("codec-safe limiting: " + e.getMessage(), e);
        }
    }
}
