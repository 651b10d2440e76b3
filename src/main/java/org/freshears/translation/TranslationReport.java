package org.freshears.translation;

import java.util.List;

/**
 * How one master translates: its own loudness and true peak, how each platform plays it, what each codec
 * leaves of it, and what mono leaves of it.
 *
 * @param integratedLufs the master's integrated loudness, LUFS
 * @param truePeakDbtp   the master's true peak, dBTP
 * @param platforms      one playback per platform and mode asked for
 * @param codecs         one round trip per codec asked for
 * @param ffmpegVersion  the ffmpeg that ran the codecs (null when none were asked for)
 * @param mono           the fold-down
 * @param systems        the master through each playback system asked for (none unless asked:
 *                       {@link #withSystems})
 */
public record TranslationReport(double integratedLufs, double truePeakDbtp, List<NormalizedPlayback> platforms,
        List<CodecResult> codecs, String ffmpegVersion, MonoReport mono, List<SystemReading> systems) {

    public TranslationReport {
        platforms = List.copyOf(platforms);
        codecs = List.copyOf(codecs);
        systems = List.copyOf(systems);
    }

    /** The same, with what the playback systems leave of the master ({@link PlaybackSystems#read}). */
    public TranslationReport withSystems(List<SystemReading> readings) {
        return new TranslationReport(integratedLufs, truePeakDbtp, platforms, codecs, ffmpegVersion, mono, readings);
    }

    /** The round trip of this codec setting; refused when it was not run. */
    public CodecResult codec(CodecSetting setting) {
        return codecs.stream().filter(c -> c.setting().equals(setting)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no round trip through " + setting.label()
                        + " was run; ran: " + codecs.stream().map(c -> c.setting().label()).toList()));
    }

    /** The playback on this platform rule; refused when it was not asked for. */
    public NormalizedPlayback platform(PlatformRule rule) {
        return platforms.stream().filter(p -> p.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no playback on " + rule.platform() + " "
                        + rule.mode() + " was measured"));
    }

    /** One line per platform and codec, and one for mono: what a notebook cell prints. */
    public List<String> summaryLines() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (NormalizedPlayback p : platforms) {
            lines.add(String.format(java.util.Locale.ROOT, "%-8s %-10s gain %+5.1f dB, plays at %6.1f LUFS, %5.1f dBTP "
                    + "(%+.1f LU against others), limited by %s", p.rule().platform(), p.rule().mode(), p.gainDb(),
                    p.playedLufs(), p.playedTruePeakDbtp(), p.versusOthersLu(), p.limitedBy()));
        }
        for (CodecResult c : codecs) {
            lines.add(String.format(java.util.Locale.ROOT, "%-10s true peak %5.2f dBTP%s, sample peak %5.2f dBFS, "
                    + "%d 16-bit clips, loudness %+.2f LU", c.setting().label(), c.truePeakDbtp(),
                    c.overCeiling() ? " (OVER " + c.ceilingDbtp() + ")" : "", c.samplePeakDbfs(), c.clippedSamples16(),
                    c.loudnessChangeLu()));
        }
        for (SystemReading r : systems) {
            StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "%-10s loudness %6.1f LUFS (%+.1f LU), low %+.1f, mid %+.1f, high %+.1f dB", r.system().key(),
                    r.loudnessLufs(), r.loudnessChangeLu(), r.balance().get(0).changeDb(), r.balance().get(1).changeDb(),
                    r.balance().get(2).changeDb()));
            for (BandReading b : r.problems()) {
                line.append(String.format(java.util.Locale.ROOT, "; %s %+.1f dB", b.name(), b.changeDb()));
            }
            lines.add(line.toString());
        }
        if (!Double.isNaN(mono.loudnessChangeLu())) {
            lines.add(String.format(java.util.Locale.ROOT, "mono       loudness %+.2f LU, correlation %.2f",
                    mono.loudnessChangeLu(), mono.correlation()));
        }
        return lines;
    }
}
