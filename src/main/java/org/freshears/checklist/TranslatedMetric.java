package org.freshears.checklist;

import java.util.List;
import java.util.Locale;
import org.freshears.chain.LossyCodec;

/**
 * A figure of the master as people will hear it, not of a snapshot's analysis: measured on the master when
 * the checklist is judged (the session runs the codec round trip, the platform's normalization or the mono
 * fold-down then). Plain values here; which codec names and platforms exist is the translation package's
 * business, and the session refuses an unknown one when it measures.
 */
public sealed interface TranslatedMetric extends CheckMetric {

    /** The snapshot metrics a decoded version is measured for. */
    List<Metric> THROUGH_A_CODEC = List.of(Metric.INTEGRATED_LUFS, Metric.TRUE_PEAK_DBTP, Metric.SAMPLE_PEAK_DBFS);

    /** A metric of the master after a round trip through a lossy codec: {@code truePeakDbtp().through(aac(256))}. */
    record ThroughCodec(Metric metric, LossyCodec codec) implements TranslatedMetric {
        public ThroughCodec {
            if (metric == null || codec == null) {
                throw new IllegalArgumentException("through(codec) needs a metric and a codec");
            }
            if (!THROUGH_A_CODEC.contains(metric)) {
                throw new IllegalArgumentException(metric.label() + " is not measured through a codec; these are: "
                        + String.join(", ", THROUGH_A_CODEC.stream().map(Metric::label).toList()));
            }
        }

        @Override
        public String label() {
            return metric.label() + " through " + codec.label();
        }

        @Override
        public String unit() {
            return metric.unit();
        }

        @Override
        public String format(double value) {
            return metric.format(value);
        }

        @Override
        public String fileName() {
            return metric.name() + " through " + codec.label();
        }
    }

    /**
     * The gain a streaming platform plays the master with, dB (negative: turned down), by the platform's
     * rule ({@code platforms.tsv}): {@code playbackGainDb(spotify())}.
     *
     * @param platform lower-case platform name: spotify
     * @param mode     lower-case mode name: normal, loud, quiet
     */
    record PlaybackGain(String platform, String mode) implements TranslatedMetric {
        static final String FILE_NAME = "PLAYBACK_GAIN_DB on ";

        public PlaybackGain {
            for (String part : new String[] {platform, mode}) {
                if (part == null || !part.matches("[a-z0-9-]+")) {
                    throw new IllegalArgumentException("a platform and its mode are lower-case names, got " + platform
                            + ":" + mode);
                }
            }
        }

        @Override
        public String label() {
            return "playback gain on " + platform + " " + mode;
        }

        @Override
        public String unit() {
            return "dB";
        }

        @Override
        public String format(double value) {
            return Double.isNaN(value) ? "none" : String.format(Locale.ROOT, "%+.2f dB", value);
        }

        @Override
        public String fileName() {
            return FILE_NAME + platform + ":" + mode;
        }
    }

    /**
     * The loudness the mono fold-down ((L+R)/2) loses against the master, LU: 0 for mono content, about −3 for
     * uncorrelated channels, far lower where they cancel.
     */
    record MonoLoss() implements TranslatedMetric {
        static final String FILE_NAME = "MONO_LOSS_LU";

        @Override
        public String label() {
            return "mono fold-down loudness change";
        }

        @Override
        public String unit() {
            return "LU";
        }

        @Override
        public String format(double value) {
            return Double.isNaN(value) ? "none" : String.format(Locale.ROOT, "%+.2f LU", value);
        }

        @Override
        public String fileName() {
            return FILE_NAME;
        }
    }

    /** The translated metric a session file names. */
    static TranslatedMetric parse(String fileName) {
        if (fileName == null) {
            throw new IllegalArgumentException("a metric needs a name");
        }
        if (fileName.equals(MonoLoss.FILE_NAME)) {
            return new MonoLoss();
        }
        if (fileName.startsWith(PlaybackGain.FILE_NAME)) {
            String[] parts = fileName.substring(PlaybackGain.FILE_NAME.length()).split(":", -1);
            if (parts.length == 2) {
                return new PlaybackGain(parts[0], parts[1]);
            }
        }
        int through = fileName.indexOf(" through ");
        if (through > 0) {
            Metric metric = null;
            for (Metric m : Metric.values()) {
                if (m.name().equals(fileName.substring(0, through))) {
                    metric = m;
                }
            }
            String[] codec = fileName.substring(through + " through ".length()).split(":", -1);
            if (metric != null && codec.length == 2 && codec[1].matches("[0-9]{1,4}")) {
                return new ThroughCodec(metric, new LossyCodec(codec[0], Integer.parseInt(codec[1])));
            }
        }
        throw new IllegalArgumentException("unknown metric \"" + fileName + "\"; a metric is one of "
                + String.join(", ", java.util.Arrays.stream(Metric.values()).map(Metric::name).toList())
                + ", METRIC through CODEC:KBPS (" + String.join(", ", THROUGH_A_CODEC.stream().map(Metric::name)
                        .toList()) + "), " + PlaybackGain.FILE_NAME + "PLATFORM:MODE or " + MonoLoss.FILE_NAME);
    }
}
