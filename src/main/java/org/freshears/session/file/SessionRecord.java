package org.freshears.session.file;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.freshears.audio.Decoding;
import org.freshears.audio.Dither;
import org.freshears.audio.NoiseShaping;
import org.freshears.audio.WavFormat;
import org.freshears.audio.WavOutputFormat;
import org.freshears.chain.AdaptiveStep;
import org.freshears.chain.RateConversion;
import org.freshears.chain.Step;
import org.freshears.checklist.Band;
import org.freshears.checklist.Condition;
import org.freshears.checklist.Expectation;
import org.freshears.checklist.CheckMetric;
import org.freshears.checklist.TimeSpan;
import org.freshears.measure.Analysis;
import org.freshears.measure.BandEnergy;
import org.freshears.measure.LoudnessMeter;
import org.freshears.measure.MatchedBandLevel;
import org.freshears.measure.SpectrumAnalyzer;
import org.freshears.measure.TruePeakMeter;
import org.freshears.session.CheckItem;
import org.freshears.session.CheckVerdict;
import org.freshears.session.Checklist;
import org.freshears.session.Problem;
import org.freshears.session.ProblemVerdict;
import org.freshears.session.Session;
import org.freshears.session.Snapshot;
import org.freshears.session.StepRun;

/**
 * Everything a session did, as an immutable value: what {@code session.json} holds (see
 * {@link SessionJson}). Enough to render every recorded output again without running any notebook
 * code: the mix (by SHA-256), every step's processors as written and as resolved (a loudness target
 * as the limiter with the input gain its search found, so a replay does not search again), and every
 * render's format, dither and seed. The rest (notes, sections, problem areas, checks, measured facts)
 * is the record of what was heard and judged; a replay does not depend on it.
 *
 * <p>Nothing in it changes from run to run: no timestamps, paths relative to the file's folder where
 * possible, and a field order fixed by {@link JsonPropertyOrder}.
 *
 * @param format        always {@link #FORMAT}
 * @param formatVersion the version of this layout, {@link #FORMAT_VERSION}
 * @param toolVersion   the freshears version that wrote the file (informative)
 * @param algorithms    versions of the measuring algorithms behind the recorded facts (informative)
 * @param mix           the printed mix the chain starts from
 * @param notes         what was heard, in the order written
 * @param sections      named parts of the song
 * @param problems      problem areas with their measurements and verdicts
 * @param steps         the chain, in order
 * @param checks        checks with their results
 * @param renders       every output written, in the order written
 * @param listeningTests blind ABX tests folded in by {@code freshears abx-import}, in the order imported
 *                      (a record of what was heard: a replay ignores them)
 * @param references    the reference tracks the notebook read, with what was measured of them (a record: a
 *                      replay needs no reference file)
 */
@JsonPropertyOrder({"format", "formatVersion", "toolVersion", "algorithms", "mix", "notes", "sections", "problems",
    "steps", "checks", "renders", "listeningTests", "references"})
public record SessionRecord(String format, int formatVersion, String toolVersion, Algorithms algorithms, Mix mix,
        List<Note> notes, List<SectionEntry> sections, List<ProblemEntry> problems, List<StepEntry> steps,
        List<CheckEntry> checks, List<Render> renders, List<ListeningTest> listeningTests,
        List<ReferenceEntry> references) {

    public static final String FORMAT = "freshears-session";
    /**
     * Bump on any change a reader of the previous version could not read; keep reading the old ones.
     * 2: problem areas are judged level-matched (band dBFS minus the version's integrated LUFS,
     * {@link MatchedBandLevel}); their levels gained {@code matchedDb}, the algorithms {@code problemLevel}.
     * A version-1 file is read through {@link FormatUpgrade}.
     * 3: {@code listeningTests}, blind ABX results ({@link ListeningTest}); a version-2 file reads with none.
     * 4: {@code references}, the reference tracks read ({@link ReferenceEntry}); an older file reads with none.
     *    Also in 4: step types {@code matchEq} (written: the reference's spectrum and the settings) and
     *    {@code matchEqCurve} (resolved: the designed curve a replay renders); a version-3 file uses neither.
     */
    public static final int FORMAT_VERSION = 4;
    /** The version keys a listening test names besides {@code "step:<name>"}. */
    public static final String MIX_VERSION = "mix";
    public static final String MASTER_VERSION = "master";
    public static final String STEP_VERSION_PREFIX = "step:";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public SessionRecord {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format must be '" + FORMAT + "', got '" + format + "'");
        }
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion must be 1 to " + FORMAT_VERSION + ", got "
                    + formatVersion);
        }
        required("toolVersion", toolVersion);
        required("algorithms", algorithms);
        required("mix", mix);
        notes = List.copyOf(required("notes", notes));
        sections = List.copyOf(required("sections", sections));
        problems = List.copyOf(required("problems", problems));
        steps = List.copyOf(required("steps", steps));
        checks = List.copyOf(required("checks", checks));
        renders = List.copyOf(required("renders", renders));
        listeningTests = List.copyOf(required("listeningTests", listeningTests));
        references = List.copyOf(required("references", references));
        Set<String> referenceNames = new HashSet<>();
        for (ReferenceEntry reference : references) {
            if (!referenceNames.add(reference.name())) {
                throw new IllegalArgumentException("two references are named '" + reference.name() + "'");
            }
        }

        Set<String> stepNames = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            StepEntry step = steps.get(i);
            if (step.index() != i + 1) {
                throw new IllegalArgumentException("step " + (i + 1) + " ('" + step.name() + "') has index "
                        + step.index() + "; steps are numbered 1, 2, 3... in order");
            }
            if (!stepNames.add(step.name())) {
                throw new IllegalArgumentException("two steps are named '" + step.name() + "'");
            }
        }
        int previous = 0;
        for (int i = 0; i < renders.size(); i++) {
            Render render = renders.get(i);
            if (render.afterSteps() > steps.size()) {
                throw new IllegalArgumentException("render " + (i + 1) + " ('" + render.path() + "') comes after "
                        + render.afterSteps() + " steps, but there are " + steps.size());
            }
            if (render.afterSteps() < previous) {
                throw new IllegalArgumentException("render " + (i + 1) + " ('" + render.path() + "') comes after "
                        + render.afterSteps() + " steps, before the render listed ahead of it (" + previous
                        + "); renders are listed in the order they were made");
            }
            previous = render.afterSteps();
        }
        for (CheckEntry check : checks) {
            if (check.afterStep() != null && !stepNames.contains(check.afterStep())) {
                throw new IllegalArgumentException("check '" + check.name() + "' is measured after step '"
                        + check.afterStep() + "', which is not in the chain");
            }
        }
        for (ProblemEntry problem : problems) {
            for (String step : problem.addressedBy()) {
                if (!stepNames.contains(step)) {
                    throw new IllegalArgumentException("problem '" + problem.name() + "' is addressed by step '" + step
                            + "', which is not in the chain");
                }
            }
        }
        for (int i = 0; i < listeningTests.size(); i++) {
            ListeningTest test = listeningTests.get(i);
            for (ListeningTest.Version v : List.of(test.a(), test.b())) {
                if (!versionKeys(steps).contains(v.version())) {
                    throw new IllegalArgumentException("listening test " + (i + 1) + " compares '" + v.version()
                            + "', which is not a version of this session (" + String.join(", ", versionKeys(steps))
                            + ")");
                }
            }
        }
    }

    /**
     * The versions a listening test may compare, as the report's player names them: {@code "mix"},
     * {@code "master"} (the end of the chain) and {@code "step:<name>"} for each step's output.
     */
    public List<String> versionKeys() {
        return versionKeys(steps);
    }

    private static List<String> versionKeys(List<StepEntry> steps) {
        List<String> keys = new ArrayList<>();
        keys.add(MIX_VERSION);
        keys.add(MASTER_VERSION);
        steps.forEach(step -> keys.add(STEP_VERSION_PREFIX + step.name()));
        return keys;
    }

    /** The same record with one more listening test at the end of its list. */
    public SessionRecord withListeningTest(ListeningTest test) {
        List<ListeningTest> tests = new ArrayList<>(listeningTests);
        tests.add(test);
        return new SessionRecord(format, formatVersion, toolVersion, algorithms, mix, notes, sections, problems, steps,
                checks, renders, tests, references);
    }

    /** The same record, in another format version's layout (the caller knows the layouts agree). */
    SessionRecord withFormatVersion(int version) {
        return new SessionRecord(format, version, toolVersion, algorithms, mix, notes, sections, problems, steps,
                checks, renders, listeningTests, references);
    }

    /**
     * The record of a session as it stands.
     *
     * @param jsonLocation where the file will be written: the mix and render paths are stored relative
     *     to its folder where possible
     * @param toolVersion the freshears version writing it (the caller knows it: the session package does
     *     not depend on the CLI)
     */
    public static SessionRecord of(Session session, Path jsonLocation, String toolVersion) {
        Path folder = jsonLocation.toAbsolutePath().normalize().getParent();
        Snapshot mixSnapshot = session.snapshot(Session.MIX);
        Checklist checklist = session.checklist();

        WavFormat wav = session.mix().format();
        Mix mix = new Mix(relative(folder, session.mixPath()), session.mixSha256(),
                new MixFormat(wav.encoding(), wav.bitsPerSample(), wav.validBitsPerSample(), wav.channels(),
                        wav.sampleRate(), session.mix().audio().frames()),
                MixDecoder.of(session.mix().decoding()), Facts.of(mixSnapshot.analysis()));

        List<Note> notes = session.notes().stream().map(n -> new Note(n.at(), n.text())).toList();
        List<SectionEntry> sections = session.sections().stream().map(s -> new SectionEntry(s.name(), s.span()))
                .toList();

        List<ProblemEntry> problems = new ArrayList<>();
        for (ProblemVerdict v : checklist.problems()) {
            Problem p = v.problem();
            problems.add(new ProblemEntry(p.name(), p.area().span(), p.area().band(), p.area().expectation(),
                    p.addressedBy().stream().map(StepRun::name).toList(),
                    Level.of(v.mix().matchedLevel(p.name())), Level.of(v.measuredIn().matchedLevel(p.name())),
                    v.measuredIn().name(), v.done(), v.evidence()));
        }

        List<StepEntry> steps = session.steps().stream().map(run -> new StepEntry(run.index(), run.name(),
                run.written(), run.resolved(), Facts.of(run.after().analysis()))).toList();

        List<CheckEntry> checks = new ArrayList<>();
        for (CheckVerdict v : checklist.checks()) {
            CheckItem c = v.check();
            checks.add(new CheckEntry(c.name(), c.metric(), c.condition(),
                    c.afterStep() == null ? null : c.afterStep().name(), v.measuredIn().name(),
                    Facts.orNull(v.value()), v.done(), v.evidence()));
        }

        List<Render> renders = session.renders().stream().map(r -> new Render(relative(folder, r.path()),
                r.afterSteps(), new RenderFormat(r.format().bitsPerSample(), r.format().floatingPoint(),
                        r.sampleRateHz()),
                DitherSettings.of(r.format().dither()), r.sha256(),
                Facts.of(r.integratedLufs(), r.truePeakDbtp(), r.loudnessRangeLu(),
                        r.truePeakDbtp() - r.integratedLufs()), r.clippedSamples())).toList();
        boolean converted = session.renders().stream().anyMatch(r -> r.sampleRateHz() != wav.sampleRate());

        // Listening tests come later, from the report's ABX page (freshears abx-import).
        return new SessionRecord(FORMAT, FORMAT_VERSION, toolVersion, Algorithms.current(converted), mix, notes,
                sections, problems, steps, checks, renders, List.of(),
                session.references().stream().map(ReferenceEntry::of).toList());
    }

    /**
     * A path relative to the folder, with '/' separators so the file reads the same on every system;
     * absolute when it cannot be made relative (another drive).
     */
    static String relative(Path folder, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return folder.relativize(absolute).toString().replace(File.separatorChar, '/');
        } catch (IllegalArgumentException e) {
            return absolute.toString();
        }
    }

    private static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    private static String requireSha256(String name, String value) {
        required(name, value);
        if (!SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 64 lowercase hex digits, got '" + value + "'");
        }
        return value;
    }

    private static String requireText(String name, String value) {
        if (required(name, value).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    // ---- the parts --------------------------------------------------------------------------------

    /**
     * Versions of the measuring algorithms whose figures the file holds (a replay does not use them), and of
     * the sample-rate converter, which a replay does use.
     *
     * @param problemLevel the figure problem areas are judged on ({@link MatchedBandLevel#ALGORITHM_VERSION};
     *     in a version-1 file, {@link FormatUpgrade#VERSION_1_PROBLEM_LEVEL})
     * @param sampleRateConverter the converter behind renders at another rate than the mix's
     *     ({@link RateConversion#ALGORITHM_VERSION}); absent (null) when no render was converted
     */
    @JsonPropertyOrder({"loudness", "truePeak", "spectrum", "bandEnergy", "problemLevel", "sampleRateConverter"})
    public record Algorithms(String loudness, String truePeak, String spectrum, String bandEnergy,
            String problemLevel, @JsonInclude(JsonInclude.Include.NON_NULL) String sampleRateConverter) {
        public Algorithms {
            requireText("loudness", loudness);
            requireText("truePeak", truePeak);
            requireText("spectrum", spectrum);
            requireText("bandEnergy", bandEnergy);
            requireText("problemLevel", problemLevel);
            if (sampleRateConverter != null) {
                requireText("sampleRateConverter", sampleRateConverter);
            }
        }

        public static Algorithms current() {
            return current(false);
        }

        /** Today's versions; the converter's only when some render was converted. */
        public static Algorithms current(boolean converted) {
            return new Algorithms(LoudnessMeter.ALGORITHM_VERSION, TruePeakMeter.ALGORITHM_VERSION,
                    SpectrumAnalyzer.ALGORITHM_VERSION, BandEnergy.ALGORITHM_VERSION,
                    MatchedBandLevel.ALGORITHM_VERSION, converted ? RateConversion.ALGORITHM_VERSION : null);
        }
    }

    /**
     * The printed mix.
     *
     * @param path relative to the session file's folder, '/' separated (absolute if it could not be)
     * @param sha256 of the file's bytes: a replay refuses any other file
     * @param decodedBy what the mix was read from and by, when it is not a WAV file; absent (null) for a
     *     WAV, so every session file written before FLAC and AIFF were read stays as it was
     */
    @JsonPropertyOrder({"path", "sha256", "format", "decodedBy", "facts"})
    public record Mix(String path, String sha256, MixFormat format,
            @JsonInclude(JsonInclude.Include.NON_NULL) MixDecoder decodedBy, Facts facts) {
        public Mix {
            requireText("path", path);
            requireSha256("sha256", sha256);
            required("format", format);
            required("facts", facts);
        }

        /** A WAV mix. */
        public Mix(String path, String sha256, MixFormat format, Facts facts) {
            this(path, sha256, format, null, facts);
        }
    }

    /**
     * The file format of a mix that is not WAV, and the decoder that read it with its version: a replay of
     * a FLAC or AIFF mix decodes it again, and the version says whether the decoder is the same.
     */
    @JsonPropertyOrder({"fileFormat", "decoder", "version"})
    public record MixDecoder(String fileFormat, String decoder, String version) {
        public MixDecoder {
            requireText("fileFormat", fileFormat);
            requireText("decoder", decoder);
            requireText("version", version);
        }

        /** Null for a WAV read by the WAV reader (nothing to record beyond the format). */
        static MixDecoder of(Decoding decoding) {
            return decoding.equals(Decoding.WAV) ? null
                    : new MixDecoder(decoding.fileFormat(), decoding.decoder(), decoding.decoderVersion());
        }
    }

    /** The mix file's sample format, as read. */
    @JsonPropertyOrder({"encoding", "bitsPerSample", "validBitsPerSample", "channels", "sampleRate", "frames"})
    public record MixFormat(WavFormat.Encoding encoding, int bitsPerSample, int validBitsPerSample, int channels,
            int sampleRate, long frames) {
        public MixFormat {
            required("encoding", encoding);
        }
    }

    /**
     * Measured facts of a version of the audio (informative: a replay compares bits, not these). A value
     * that does not exist (the loudness of silence) is null.
     */
    @JsonPropertyOrder({"integratedLufs", "truePeakDbtp", "loudnessRangeLu", "plrDb"})
    public record Facts(Double integratedLufs, Double truePeakDbtp, Double loudnessRangeLu, Double plrDb) {
        public static Facts of(Analysis a) {
            return of(a.integratedLufs(), a.truePeakDbtp(), a.loudnessRangeLu(), a.plrDb());
        }

        public static Facts of(double integratedLufs, double truePeakDbtp, double loudnessRangeLu, double plrDb) {
            return new Facts(orNull(integratedLufs), orNull(truePeakDbtp), orNull(loudnessRangeLu), orNull(plrDb));
        }

        /** JSON has no NaN or infinity: a value that does not exist is written as null. */
        static Double orNull(double value) {
            return Double.isFinite(value) ? value : null;
        }
    }

    // ---- reference tracks (format 4, #16 item 2) -------------------------------------------------------

    /**
     * A reference track the notebook read ({@code s.reference(...)}): a record of what it was compared with.
     * A replay does not read it.
     *
     * @param name      its name in the session (the file's name without extension, made unique); its key in
     *                  the player is "reference:" + name
     * @param path      the path as the notebook gave it
     * @param sha256    of the file's bytes as read
     * @param span      the part measured, in the file's time; null: the whole file
     * @param decodedBy the file format and the decoder with its version
     * @param facts     what was measured of it
     */
    @JsonPropertyOrder({"name", "path", "sha256", "span", "decodedBy", "facts"})
    public record ReferenceEntry(String name, String path, String sha256, TimeSpan span, MixDecoder decodedBy,
            ReferenceFacts facts) {
        public ReferenceEntry {
            requireText("name", name);
            requireText("path", path);
            requireSha256("sha256", sha256);
            required("decodedBy", decodedBy);
            required("facts", facts);
        }

        static ReferenceEntry of(org.freshears.session.Reference r) {
            Decoding d = r.decoding();
            return new ReferenceEntry(r.name(), r.path(), r.sha256(), r.span().orElse(null),
                    new MixDecoder(d.fileFormat(), d.decoder(), d.decoderVersion()), ReferenceFacts.of(r.analysis()));
        }
    }

    /**
     * A reference's figures, as the side-by-side table of a comparison shows them ({@link
     * org.freshears.session.SideBySide}); null where a value does not exist.
     *
     * @param widthDb   side against mid energy, 20 Hz to 20 kHz, dB
     * @param lowShareDb 20–250 Hz's share of the power of 20 Hz to 20 kHz, dB (mid: 250 Hz–4 kHz, high: 4–20 kHz)
     */
    @JsonPropertyOrder({"integratedLufs", "loudnessRangeLu", "truePeakDbtp", "plrDb", "psrDb", "widthDb",
        "correlation", "lowShareDb", "midShareDb", "highShareDb"})
    public record ReferenceFacts(Double integratedLufs, Double loudnessRangeLu, Double truePeakDbtp, Double plrDb,
            Double psrDb, Double widthDb, Double correlation, Double lowShareDb, Double midShareDb, Double highShareDb) {
        static ReferenceFacts of(Analysis a) {
            double[] balance = org.freshears.session.SideBySide.balanceDb(a);
            return new ReferenceFacts(Facts.orNull(a.integratedLufs()), Facts.orNull(a.loudnessRangeLu()),
                    Facts.orNull(a.truePeakDbtp()), Facts.orNull(a.plrDb()), Facts.orNull(a.psrDb()),
                    Facts.orNull(org.freshears.session.SideBySide.widthDb(a)), Facts.orNull(a.levels().correlation()),
                    Facts.orNull(balance[0]), Facts.orNull(balance[1]), Facts.orNull(balance[2]));
        }
    }

    /** A listening note: at a moment or span, or (at = null) on a whole listening pass. */
    @JsonPropertyOrder({"at", "text"})
    public record Note(TimeSpan at, String text) {
        public Note {
            requireText("text", text);
        }
    }

    @JsonPropertyOrder({"name", "span"})
    public record SectionEntry(String name, TimeSpan span) {
        public SectionEntry {
            requireText("name", name);
            required("span", span);
        }
    }

    /**
     * A problem's band level in a snapshot (null values: digital silence).
     *
     * @param bandDb the band's level in the span, dBFS
     * @param relativeDb the band against the whole spectrum of the span, dB (what format 1 judged)
     * @param matchedDb the band against the snapshot's integrated loudness, dB: what the verdict judges
     */
    @JsonPropertyOrder({"bandDb", "relativeDb", "matchedDb"})
    public record Level(Double bandDb, Double relativeDb, Double matchedDb) {
        static Level of(MatchedBandLevel level) {
            return level == null ? null : new Level(Facts.orNull(level.bandDb()),
                    Facts.orNull(level.level().relativeDb()), Facts.orNull(level.matchedDb()));
        }
    }

    /**
     * A problem area and its verdict.
     *
     * @param addressedBy names of the steps meant to fix it
     * @param inMix its band level in the mix (null when not measured)
     * @param inMaster its band level in the master as it stood ({@code measuredIn})
     */
    @JsonPropertyOrder({"name", "span", "band", "expectation", "addressedBy", "inMix", "inMaster", "measuredIn", "done",
        "evidence"})
    public record ProblemEntry(String name, TimeSpan span, Band band, Expectation expectation,
            List<String> addressedBy, Level inMix, Level inMaster, String measuredIn, boolean done, String evidence) {
        public ProblemEntry {
            requireText("name", name);
            required("span", span);
            required("band", band);
            required("expectation", expectation);
            addressedBy = List.copyOf(required("addressedBy", addressedBy));
            requireText("measuredIn", measuredIn);
            required("evidence", evidence);
        }
    }

    /**
     * One named step of the chain.
     *
     * @param index      1-based position
     * @param processors the processors as the notebook wrote them
     * @param resolved   the processors as rendered: the written ones, with every adaptive step (a loudness
     *                   target) replaced by the concrete step it resolved to. A replay renders these
     * @param facts      measured on the step's output (informative)
     */
    @JsonPropertyOrder({"index", "name", "processors", "resolved", "facts"})
    public record StepEntry(int index, String name, List<Step> processors, List<Step> resolved, Facts facts) {
        public StepEntry {
            requireText("name", name);
            processors = List.copyOf(required("processors", processors));
            resolved = List.copyOf(required("resolved", resolved));
            required("facts", facts);
            if (processors.isEmpty()) {
                throw new IllegalArgumentException("step '" + name + "' has no processors");
            }
            if (resolved.size() != processors.size()) {
                throw new IllegalArgumentException("step '" + name + "' has " + processors.size()
                        + " processors but " + resolved.size() + " resolved ones");
            }
            for (int i = 0; i < resolved.size(); i++) {
                Step written = processors.get(i);
                Step concrete = resolved.get(i);
                if (concrete instanceof AdaptiveStep) {
                    throw new IllegalArgumentException("step '" + name + "': resolved processor " + (i + 1) + " ("
                            + StepTypes.nameOf(concrete) + ") still depends on its input; it must be concrete");
                }
                if (!(written instanceof AdaptiveStep) && !written.equals(concrete)) {
                    throw new IllegalArgumentException("step '" + name + "': resolved processor " + (i + 1)
                            + " differs from the written one (" + written + " vs " + concrete + ")");
                }
            }
        }
    }

    /**
     * A check and its result.
     *
     * @param afterStep  the step it is measured after, or null for the master
     * @param measuredIn the snapshot it was measured in
     * @param value      the measured value (null when it does not exist)
     */
    @JsonPropertyOrder({"name", "metric", "condition", "afterStep", "measuredIn", "value", "done", "evidence"})
    public record CheckEntry(String name, CheckMetric metric, Condition condition, String afterStep, String measuredIn,
            Double value, boolean done, String evidence) {
        public CheckEntry {
            requireText("name", name);
            required("metric", metric);
            required("condition", condition);
            requireText("measuredIn", measuredIn);
            required("evidence", evidence);
        }
    }

    /**
     * A rendered output.
     *
     * @param path       relative to the session file's folder, '/' separated (absolute if it could not be)
     * @param afterSteps how many steps of the chain it went through (a render may come before the last step)
     * @param sha256     of the written file's bytes, header included: what a replay must reproduce
     * @param facts      measured on the written file (informative)
     */
    @JsonPropertyOrder({"path", "afterSteps", "format", "dither", "sha256", "facts", "clippedSamples"})
    public record Render(String path, int afterSteps, RenderFormat format, DitherSettings dither, String sha256,
            Facts facts, long clippedSamples) {
        public Render {
            requireText("path", path);
            if (afterSteps < 0) {
                throw new IllegalArgumentException("afterSteps must be >= 0, got " + afterSteps);
            }
            required("format", format);
            required("dither", dither);
            requireSha256("sha256", sha256);
            required("facts", facts);
            if (clippedSamples < 0) {
                throw new IllegalArgumentException("clippedSamples must be >= 0, got " + clippedSamples);
            }
            format.with(dither); // validates the combination (no dither on float)
        }

        /** The format the output was written in, dither included. */
        public WavOutputFormat outputFormat() {
            return format.with(dither);
        }
    }

    /**
     * The sample format of a render.
     *
     * @param sampleRate the rate it was written at (Hz); absent (null) in files written before renders could
     *     be converted, meaning the mix's rate
     */
    @JsonPropertyOrder({"bitsPerSample", "floatingPoint", "sampleRate"})
    public record RenderFormat(int bitsPerSample, boolean floatingPoint,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer sampleRate) {
        public RenderFormat {
            new WavOutputFormat(bitsPerSample, floatingPoint, Dither.none(),
                    sampleRate == null ? WavOutputFormat.MASTER_RATE : sampleRate); // validates
        }

        /** At the mix's rate. */
        public RenderFormat(int bitsPerSample, boolean floatingPoint) {
            this(bitsPerSample, floatingPoint, null);
        }

        WavOutputFormat with(DitherSettings dither) {
            return new WavOutputFormat(bitsPerSample, floatingPoint, dither.toDither(),
                    sampleRate == null ? WavOutputFormat.MASTER_RATE : sampleRate);
        }
    }

    /**
     * Dither as recorded: whether TPDF dither was added, its noise shaping and the seed of its random
     * streams (the seed is what makes a dithered render repeatable).
     */
    @JsonPropertyOrder({"enabled", "shaping", "seed"})
    public record DitherSettings(boolean enabled, NoiseShaping shaping, long seed) {
        public DitherSettings {
            required("shaping", shaping);
            new Dither(enabled, shaping, seed); // validates
        }

        static DitherSettings of(Dither dither) {
            return new DitherSettings(dither.enabled(), dither.shaping(), dither.seed());
        }

        public Dither toDither() {
            return new Dither(enabled, shaping, seed);
        }
    }
}
