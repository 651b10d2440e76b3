package org.freshears.chain;

import java.util.List;
import org.freshears.audio.AudioBuffer;

/**
 * The highest true peak of the audio after a round trip through each codec: what a codec-safe limiter
 * searches against. The translation package provides it (through ffmpeg); the chain only asks.
 */
@FunctionalInterface
public interface CodecPeaks {
    /** Without a codec runner: a codec-safe step cannot be resolved (a replay never needs to). */
    CodecPeaks NONE = (audio, codecs) -> {
        throw new IllegalStateException("codec-safe limiting needs the codec round trips (ffmpeg), which this render "
                + "was not given");
    };

    /** The highest decoded true peak over the codecs, dBTP. It reads the audio and leaves it as it was. */
    double maxTruePeakDbtp(AudioBuffer audio, List<LossyCodec> codecs);
}
