package org.freshears.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavContents;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavStream;
import org.freshears.audio.WavWriter;
import org.freshears.audio.WriteReport;
import org.freshears.chain.ChainObserver;
import org.freshears.chain.GainReductionRecorder;
import org.freshears.chain.LimiterPeaks;
import org.freshears.chain.PeakReuse;
import org.freshears.chain.RateConversion;
import org.freshears.chain.Renderer;
import org.freshears.chain.Step;
import org.freshears.checklist.Band;
import org.freshears.checklist.Condition;
import org.freshears.checklist.ListenNote;
import org.freshears.checklist.Metric;
import org.freshears.checklist.ProblemArea;
import org.freshears.checklist.Section;
import org.freshears.checklist.TimeSpan;
import org.freshears.findings.Detectors;
import org.freshears.findings.Finding;
import org.freshears.findings.FindingThresholds;
import org.freshears.io.FileHashes;
import org.freshears.measure.Analysis;
import org.freshears.measure.BandEnergy;
import org.freshears.measure.BandLevel;
import org.freshears.measure.LoudnessMeter;
import org.freshears.media.AudioFiles;

/**
 * A mastering session, as a notebook drives it: the printed mix, what was heard (notes, sections,
 * problem areas), the chain of named steps each measured before and after, the checks, and the
 * rendered masters. Audio kept: the mix and the current master (snapshots keep analysis only).
 */
public final class Session {
    public static final String MIX = "mix";
    /** JShell shows at most 1000 characters of a value ({@code /set truncation}): stay under it. */
    static final int PRINTED_CHARS = 950;
    private static final int OMITTED_LINE_CHARS = 60;
    /** A converted deliverable whose true peak rose more than this over the master's is pointed out. */
    static final double PEAK_RISE_NOTICE_DB = 0.05;

    private final Path mixPath;
    private final String mixSha256;
    private final WavContents mix;
    private final SessionContext context;
    /** Codec-safe limiters resolve against real codec round trips (ffmpeg, found when first needed). */
    private final Renderer renderer = new Renderer().withCodecPeaks(new org.freshears.translation.CodecSafety());
    /** The master as it stands: at hand, or where to get it (a step found in the result cache). */
    private LazyAudio current;
    private final List<ListenNote> notes = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Problem> problems = new LinkedHashMap<>();
    private final List<StepRun> steps = new ArrayList<>();
    private final List<CheckItem> checks = new ArrayList<>();
    private final List<RenderRecord> renders = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    private Snapshot latest;
    /** The last first listen asked for ({@link #findings}), for the report; null until then. */
    private Findings heard;
    /** Listens so far, by thresholds: a listen is a pure function of the mix and its thresholds. */
    private final Map<FindingThresholds, Findings> listens = new HashMap<>();
    /** The last translation asked for ({@link #translate}), for the report; null until then. */
    private org.freshears.translation.TranslationReport translated;

    private Session(Path mixPath, String mixSha256, WavContents mix, SessionContext context) {
        this.mixPath = mixPath;
        this.mixSha256 = mixSha256;
        this.mix = mix;
        this.context = context;
        this.current = LazyAudio.of(mix.audio()); // never changed: the first step renders over a copy (Renderer.run)
        this.currentKey = context.cache().enabled()
                // The decoder and its version name the samples too: an updated ffmpeg may decode an MP3 otherwise.
                ? CacheKeys.mix(context.cache().namespace(), mixSha256, mix.format().description() + "; "
                        + mix.decoding()) : null;
        this.latest = takeSnapshot(MIX, LazyAudio.of(mix.audio()));
    }

    /** Loads the printed mix and takes the first snapshot, "mix". */
    public static Session open(Path mixPath, SessionContext context) throws AudioFormatException {
        Path path = mixPath;
        WavContents contents;
        String sha256;
        try (Progress p = context.progress().start("reading " + path.getFileName())) {
            // Hashed while it is read (on the other core: 0.2-0.3 s of a 4-minute mix's time), so the session
            // file names the bytes this session processed.
            java.util.concurrent.FutureTask<String> hashing = new java.util.concurrent.FutureTask<>(
                    () -> FileHashes.sha256(path));
            Thread hasher = new Thread(hashing, "freshears-mix-hash");
            hasher.setDaemon(true); // a mix that cannot be read does not wait for its hash
            hasher.start();
            contents = AudioFiles.read(path, p); // WAV, FLAC, AIFF natively; MP3, AAC, Ogg... by ffmpeg
            sha256 = org.freshears.io.TaskResult.of(hashing, "hashing the mix");
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(path, "cannot read: " + e.getMessage(), e);
        }
        return opened(path, sha256, contents, context);
    }

    /**
     * Loads a mix whose reading and hashing started ahead ({@link MixRead}: {@code run --mix} starts them before
     * JShell), as {@link #open(Path, SessionContext)} loads one. What was read is taken only when the file is still
     * the one read (same inode, size and times); a file changed since is read again here, its fault included.
     */
    public static Session open(MixRead ahead, SessionContext context) throws AudioFormatException {
        Path path = ahead.path();
        WavContents contents;
        String sha256;
        try (Progress p = context.progress().start("reading " + path.getFileName())) {
            contents = ahead.contents(p);
            sha256 = ahead.sha256();
        } catch (IOException e) {
            if (!ahead.stillCurrent()) {
                return open(path, context);
            }
            if (e instanceof AudioFormatException format) {
                throw format;
            }
            throw new AudioFormatException(path, "cannot read: " + e.getMessage(), e);
        }
        if (!ahead.stillCurrent()) {
            return open(path, context);
        }
        return opened(path, sha256, contents, context);
    }

    /** The session on a mix just read: its reader's warnings told, the display told it is open. */
    private static Session opened(Path path, String sha256, WavContents contents, SessionContext context) {
        contents.warnings().forEach(w -> context.display().text("warning: " + path + ": " + w));
        Session session = new Session(path, sha256, contents, context);
        context.display().opened(session);
        return session;
    }

    // ---- what was heard -------------------------------------------------------------------------

    /** A note on a whole listening pass: where, when, how. */
    public Session listen(String text) {
        notes.add(ListenNote.pass(text));
        return this;
    }

    /** A note at a moment, {@code "0:42"}. */
    public Session note(String at, String text) {
        double seconds = TimeSpan.parseSeconds(at);
        requireInside(seconds, "note '" + text + "'");
        notes.add(ListenNote.at(seconds, text));
        return this;
    }

    /** A note over a span. */
    public Session note(TimeSpan span, String text) {
        requireInside(span.fromSeconds(), "note '" + text + "'");
        notes.add(new ListenNote(insideMix(span, "note '" + text + "'"), text));
        return this;
    }

    public Section section(String name, String from, String to) {
        return section(name, TimeSpan.of(from, to));
    }

    public Section section(String name, TimeSpan span) {
        if (sections.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("there is already a section named '" + name + "'");
        }
        Section section = new Section(name, insideMix(span, "section '" + name + "'"));
        sections.add(section);
        return section;
    }

    /**
     * The loudest stretch of the given length by short-term loudness (the power mean of the 3 s values
     * in it), named "loudest": the usual place to set up a chain.
     */
    public Section loudestSection(double seconds) {
        TimeSpan span = LoudestStretch.find(latest.analysis().loudness(), seconds, durationSeconds());
        String name = sections.stream().anyMatch(s -> s.name().equals("loudest")) ? "loudest " + (sections.size() + 1)
                : "loudest";
        return section(name, span);
    }

    /** Integrated loudness (BS.1770-4) of a section of the master as it stands, LUFS (NaN if silent). */
    public double loudnessOf(Section section) {
        AudioBuffer master = current.get();
        TimeSpan span = section.span().clampTo(master.durationSeconds());
        int from = (int) Math.round(span.fromSeconds() * master.sampleRate());
        int to = (int) Math.round(span.toSeconds() * master.sampleRate());
        return LoudnessMeter.integratedLufs(master.slice(from, to));
    }

    /** A problem heard in a time span and a frequency band; measured in every snapshot from now on. */
    public Problem problem(String name, TimeSpan span, Band band) {
        if (problems.containsKey(name)) {
            throw new IllegalArgumentException("there is already a problem area named '" + name + "'");
        }
        if (band.highHz() > mix.audio().sampleRate() / 2.0) {
            throw new IllegalArgumentException("problem '" + name + "': band " + band + " reaches above Nyquist ("
                    + mix.audio().sampleRate() / 2 + " Hz)");
        }
        Problem problem = new Problem(new ProblemArea(name, insideMix(span, "problem '" + name + "'"), band));
        problems.put(name, problem);
        // Measure it where audio is still at hand: the mix, and the current master.
        remeasure(MIX, LazyAudio.of(mix.audio()), problem);
        if (latest != snapshots.get(MIX)) {
            remeasure(latest.name(), current, problem);
        }
        context.display().problemAdded(this, problem); // framed as written: the user can check it
        return problem;
    }

    /**
     * A first listen to the mix with the default thresholds: what the detectors found, where and why, most
     * severe first. Findings explain; only the notebook's own steps change the audio.
     */
    public Findings findings() {
        return findings(FindingThresholds.DEFAULTS);
    }

    /** A first listen to the mix with tuned thresholds ({@code thresholds().withToneVsSongDb(4)}). */
    public Findings findings(FindingThresholds thresholds) {
        Findings found = listens.get(thresholds);
        if (found == null) {
            try (Progress p = context.progress().start("listening to the mix")) {
                found = new Findings(Detectors.listen(mix.audio(), snapshots.get(MIX).analysis(), thresholds, p),
                        thresholds);
            }
            listens.put(thresholds, found);
        }
        heard = found;
        return found;
    }

    /** The last translation asked for ({@link #translate}), or empty if the notebook did not ask. */
    public Optional<org.freshears.translation.TranslationReport> translated() {
        return Optional.ofNullable(translated);
    }

    /** The findings of the last first listen ({@link #findings}), or empty if the notebook did not ask. */
    public Optional<Findings> heard() {
        return Optional.ofNullable(heard);
    }

    /**
     * A finding as a problem area in one call: its title as the name, its span (the whole song if it has
     * none) × its band, measured and judged like any other. A finding without a band (clipping, a click)
     * is not a span × band: note it instead ({@link #note(Finding)}).
     */
    public Problem problem(Finding finding) {
        if (finding.band() == null) {
            throw new IllegalArgumentException("finding '" + finding.title() + "' (" + finding.kind().jsonName()
                    + ") has no band, and a problem area is a span \u00d7 a band: note it with s.note(finding)");
        }
        TimeSpan span = finding.span() == null ? new TimeSpan(0, durationSeconds()) : finding.span();
        double nyquist = mix.audio().sampleRate() / 2.0;
        Band band = new Band(finding.band().lowHz(), Math.min(finding.band().highHz(), nyquist));
        String name = finding.title();
        for (int n = 2; problems.containsKey(name); n++) {
            name = finding.title() + " (" + n + ")"; // two findings of one kind may share a title
        }
        return problem(name, span, band);
    }

    /** A finding as a listening note at its span (the whole song if it has none), with its evidence. */
    public Session note(Finding finding) {
        TimeSpan span = finding.span() == null ? new TimeSpan(0, durationSeconds()) : finding.span();
        return note(span, finding.kind().jsonName() + ": " + finding.evidence());
    }

    // ---- the chain ------------------------------------------------------------------------------

    /** Appends a named step of one or more processors, renders it, and snapshots its output. */
    public StepRun step(String name, Step... chain) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a step needs a name");
        }
        boolean again = context.rerunnable() && steps.stream().anyMatch(run -> run.name().equals(name));
        if (snapshots.containsKey(name) && !again) {
            throw new IllegalArgumentException("'" + name + "' is already the name of a snapshot; name steps uniquely");
        }
        if (chain.length == 0) {
            throw new IllegalArgumentException("step '" + name + "' has no processors");
        }
        for (int i = 0; i < chain.length; i++) {
            if (chain[i] == null) {
                throw new IllegalArgumentException("step '" + name + "': processor " + (i + 1) + " is null");
            }
        }
        if (again) {
            dropStepsFrom(name);
        }
        Snapshot before = latest;
        StepResult rendered = renderStep(name, List.of(chain));
        Snapshot after = takeSnapshot(name, current);
        latest = after;
        StepRun run = new StepRun(steps.size() + 1, name, List.of(chain), rendered.resolved(), before, after,
                rendered.gainReduction());
        steps.add(run);
        run.notices().forEach(n -> context.display().text("note: step '" + name + "': " + n));
        context.display().stepRan(this, run);
        return run;
    }

    /**
     * A cell that defines a step ran again (kernel, shell): that step and every step after it go, with
     * what was measured after them (their snapshots, the renders and comparisons made of them), and the
     * master is the mix through the steps before it again, rendered from their resolved settings (the
     * bits a replay gives). Checks and problem areas stay: they are judged on what stands.
     */
    private void dropStepsFrom(String name) {
        int from = 0;
        while (!steps.get(from).name().equals(name)) {
            from++;
        }
        List<StepRun> dropped = List.copyOf(steps.subList(from, steps.size()));
        steps.subList(from, steps.size()).clear();
        String keptKey = steps.isEmpty() ? audioKeys.get(MIX) : audioKeys.get(steps.get(steps.size() - 1).name());
        // Read (or rendered again) only when something needs it: the next step is usually in the cache too.
        List<StepRun> keptSteps = List.copyOf(steps);
        String keptAudioKey = keptSteps.isEmpty() ? null : CacheKeys.stepAudio(context.cache().namespace(), keptKey);
        ResultCache cache = context.cache();
        current = LazyAudio.later(() -> {
            AudioBuffer cached = cache.get(keptAudioKey, AudioBuffer.class);
            AudioBuffer audio = cached != null ? cached : mix.audio();
            if (cached != null || keptSteps.isEmpty()) {
                return audio;
            }
            try (Progress p = context.progress().start("the steps before '" + name + "'")) {
                for (StepRun step : keptSteps) {
                    audio = renderer.run(step.resolved(), audio, ChainObserver.progress(p)).audio();
                }
            }
            return audio;
        });
        currentKey = keptKey;
        List<String> droppedNames = dropped.stream().map(StepRun::name).toList();
        droppedNames.forEach(snapshots::remove);
        droppedNames.forEach(audioKeys::remove);
        latest = snapshots.get(steps.isEmpty() ? MIX : steps.get(steps.size() - 1).name());
        int kept = steps.size();
        renders.removeIf(render -> render.afterSteps() > kept);
        comparisons.removeIf(c -> droppedNames.contains(c.nameA()) || droppedNames.contains(c.nameB()));
        context.display().text("note: step '" + name + "' runs again: it replaces "
                + String.join(", ", droppedNames.stream().map(n -> "'" + n + "'").toList())
                + " and what was measured after " + (dropped.size() == 1 ? "it" : "them"));
    }

    // ---- checks and the checklist ---------------------------------------------------------------

    public CheckItem check(String name, org.freshears.checklist.CheckMetric metric, Condition condition) {
        if (metric instanceof org.freshears.checklist.TranslatedMetric translatedMetric) {
            return checkTranslated(name, translatedMetric, condition);
        }
        // A condition relative to the mix takes the mix's value now, so the file and the report record it.
        CheckItem check = new CheckItem(name, metric,
                condition == null || metric == null ? condition
                        : condition.againstMix(((Metric) metric).valueOf(snapshots.get(MIX).analysis())),
                this::stepNamed);
        checks.add(check);
        return check;
    }

    private StepRun stepNamed(String name) {
        return steps.stream().filter(run -> run.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no step is named '" + name + "'" + (steps.isEmpty()
                        ? " (no step has run yet: check after a step once s.step(\"" + name + "\", ...) has run)"
                        : "; the steps so far: " + String.join(", ", steps.stream()
                                .map(run -> "'" + run.name() + "'").toList()))));
    }

    /** Every problem area and check, judged on the measurements as they stand now. */
    public Checklist checklist() {
        Snapshot mixSnapshot = snapshots.get(MIX);
        List<ProblemVerdict> problemVerdicts = problems.values().stream()
                .map(p -> Judge.problem(p, mixSnapshot, latest)).toList();
        List<CheckVerdict> checkVerdicts = judgeChecks();
        return new Checklist(problemVerdicts, checkVerdicts);
    }

    /** Where a check is measured: at the end (or after its step), or from the mix to there. */
    private List<Snapshot> measuredOver(CheckItem check) {
        Snapshot end = check.measuredIn(latest);
        if (!check.isThroughout()) {
            return List.of(end);
        }
        List<Snapshot> upToEnd = new ArrayList<>();
        for (Snapshot s : snapshots.values()) {
            upToEnd.add(s);
            if (s.name().equals(end.name())) {
                break;
            }
        }
        return upToEnd;
    }

    // ---- output ---------------------------------------------------------------------------------

    /**
     * Writes the master as it stands (after every step so far) to a WAV file; a relative path goes into
     * the session's output folder. A format with another sample rate ({@code wav16().sampleRate(44_100)})
     * converts the master first, then dithers. Measures the written file.
     */
    public RenderRecord render(String path, WavOutputFormat format) throws IOException {
        Path target = context.outputDir().resolve(path);
        RenderTarget.requireExtension(target, format);
        int masterRateHz = latest.analysis().sampleRate(); // the master's, without reading its samples
        int sampleRateHz = format.sampleRateFor(masterRateHz);
        RateConversion.check(masterRateHz, sampleRateHz); // before anything is made or written
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        WriteReport written = writeMaster(target, format, sampleRateHz);
        // The written file, measured as it streams by: no second copy of the master in memory. Its bytes
        // are its content address (their SHA-256), so the measurement may come from the result cache.
        String measuredKey = context.cache().enabled()
                ? CacheKeys.derived(context.cache().namespace(), "written file", written.sha256()) : null;
        Analysis back = context.cache().get(measuredKey, Analysis.class);
        if (back == null) {
            try (WavStream stream = WavReader.open(target)) {
                back = Analysis.withoutSpectrum(stream, fraction -> { });
            }
            context.cache().put(measuredKey, back);
        }
        RenderRecord record = new RenderRecord(target, format, steps.size(), written.sha256(),
                back.integratedLufs(), back.truePeak().maxTruePeakDbtp(), back.loudnessRangeLu(),
                written.clippedSamples(), sampleRateHz);
        renders.add(record);
        if (format.warning() != null) {
            context.display().text("warning: " + target + ": " + format.warning());
        }
        context.display().rendered(this, record);
        double masterPeakDbtp = latest.analysis().truePeakDbtp();
        if (sampleRateHz != masterRateHz && record.truePeakDbtp() > masterPeakDbtp + PEAK_RISE_NOTICE_DB) {
            context.display().text(String.format(java.util.Locale.ROOT, "note: %s: converting to %s raised the true"
                    + " peak from %.2f dBTP (the master at %s) to %.2f dBTP; a lower limiter ceiling leaves room for it",
                    target, RenderRecord.kiloHertz(sampleRateHz), masterPeakDbtp,
                    RenderRecord.kiloHertz(masterRateHz), record.truePeakDbtp()));
        }
        if (written.clippedSamples() > 0) {
            context.display().text("warning: " + target + ": " + written.clippedSamples()
                    + " samples clipped at full scale (add a limiter)");
        }
        return record;
    }

    /**
     * Two snapshots by name ("mix", a step's name); or a version and a reference track's file (either side:
     * the reference becomes {@link #reference(String)} and goes on the second side, as in
     * {@link #compare(String, Reference)}).
     */
    public Comparison compare(String a, String b) throws AudioFormatException {
        if (!snapshots.containsKey(b) && snapshots.containsKey(a) && isFile(b)) {
            return compare(a, reference(b));
        }
        if (!snapshots.containsKey(a) && snapshots.containsKey(b) && isFile(a)) {
            return compare(b, reference(a));
        }
        Comparison c = Comparison.asIs(a, snapshotNamed(a), b, snapshotNamed(b));
        comparisons.add(c);
        context.display().compared(this, c);
        return c;
    }

    /**
     * A version ("mix", "master", a step's name or "step:NAME") against a reference track: with
     * {@code .levelMatched()}, the reference moved to the version's loudness; the table, the third-octave
     * differences and the findings in words ({@link Comparison#findings()}).
     */
    public Comparison compare(String version, Reference reference) {
        Snapshot snapshot;
        if (version.equals("master")) {
            snapshot = latest;
        } else if (version.startsWith("step:") && !snapshots.containsKey(version)) {
            snapshot = snapshotNamed(stepNamed(version.substring("step:".length())).name());
        } else {
            snapshot = snapshotNamed(version);
        }
        Comparison c = Comparison.againstReference(version, snapshot, reference);
        comparisons.add(c);
        context.display().compared(this, c);
        return c;
    }

    /** A step's output (or the master, or the mix) against a reference track. */
    public Comparison compare(StepRun step, Reference reference) {
        return compare(step.name(), reference);
    }

    private Snapshot snapshotNamed(String name) {
        Snapshot s = snapshots.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no snapshot or file named '" + name + "' (snapshots: "
                    + String.join(", ", snapshots.keySet()) + ")");
        }
        return s;
    }

    private boolean isFile(String name) {
        try {
            Path file = Path.of(name).isAbsolute() ? Path.of(name) : inputOrNull(name);
            return file != null && Files.isRegularFile(file);
        } catch (java.nio.file.InvalidPathException notAPath) {
            return false;
        }
    }

    /** A reference named relative to the notebook, found as the mix is; null when there is none. */
    private Path inputOrNull(String name) {
        try {
            return context.input(Path.of(name));
        } catch (java.io.UncheckedIOException | java.nio.file.InvalidPathException notThere) {
            return null;
        }
    }

    // ---- listening -------------------------------------------------------------------------------

    /**
     * A version to hear: "mix", "master" (the output of the last step so far), a step's name or its key
     * "step:NAME", or a reference's key "reference:NAME". A notebook shows a player for it; the report's player
     * has every version.
     */
    public Playback play(String version) {
        if (version.startsWith(Reference.KEY_PREFIX)) {
            return play(referenceKeyed(version));
        }
        Playback playback;
        if (version.equals(MIX)) {
            playback = new Playback(MIX, snapshots.get(MIX));
        } else if (version.equals("master")) {
            playback = new Playback("master", latest);
        } else {
            String name = version.startsWith("step:") ? version.substring("step:".length()) : version;
            playback = new Playback("step:" + stepNamed(name).name(), snapshots.get(name));
        }
        context.display().played(this, playback);
        return playback;
    }

    /** A step's output to hear. */
    public Playback play(StepRun step) {
        return play("step:" + step.name());
    }

    // ---- what the report, the session file and replay read --------------------------------------

    public Path mixPath() {
        return mixPath;
    }

    public WavContents mix() {
        return mix;
    }

    /** The SHA-256 of the mix file's bytes as read when the session opened (lowercase hex). */
    public String mixSha256() {
        return mixSha256;
    }

    /** The master as it stands: the mix after every step so far (live: do not change it). */
    public AudioBuffer master() {
        return current.get();
    }

    public double durationSeconds() {
        return mix.audio().durationSeconds();
    }

    public List<ListenNote> notes() {
        return List.copyOf(notes);
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }

    public List<Problem> problems() {
        return List.copyOf(problems.values());
    }

    public List<StepRun> steps() {
        return List.copyOf(steps);
    }

    public List<CheckItem> checks() {
        return List.copyOf(checks);
    }

    public List<RenderRecord> renders() {
        return List.copyOf(renders);
    }

    /** The comparisons asked for, in order (drawn level-matched in the report). */
    public List<Comparison> comparisons() {
        return List.copyOf(comparisons);
    }

    public Snapshot snapshot(String name) {
        Snapshot s = snapshots.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no snapshot named '" + name + "' (snapshots: "
                    + String.join(", ", snapshots.keySet()) + ")");
        }
        return s;
    }

    public List<Snapshot> snapshots() {
        return List.copyOf(snapshots.values());
    }

    public Snapshot latest() {
        return latest;
    }

    public SessionContext context() {
        return context;
    }

    /**
     * The mix and every snapshot, a line each, in whole lines within {@value #PRINTED_CHARS} characters: the
     * shell (JShell) cuts a longer value mid-word, so a long chain keeps the mix and the latest steps and
     * names how many it leaves out.
     */
    @Override
    public String toString() {
        String head = "session on " + mixPath + " (" + mix.format().description() + ", "
                + TimeSpan.format(durationSeconds()) + ")\n";
        List<String> lines = snapshots.values().stream().map(s -> "  " + s + "\n").toList();
        int budget = PRINTED_CHARS - head.length() - lines.get(0).length();
        int from = lines.size();
        while (from > 1 && budget - lines.get(from - 1).length() >= OMITTED_LINE_CHARS) {
            budget -= lines.get(--from).length();
        }
        StringBuilder sb = new StringBuilder(head).append(lines.get(0));
        if (from > 1) {
            sb.append("  ... ").append(from - 1).append(" step").append(from == 2 ? "" : "s")
                    .append(" left out (s.snapshots() lists every one)\n");
        }
        lines.subList(from, lines.size()).forEach(sb::append);
        return sb.toString();
    }

    // ---- internals ------------------------------------------------------------------------------

    private Snapshot takeSnapshot(String name, LazyAudio audio) {
        audioKeys.put(name, currentKey);
        String analysisKey = CacheKeys.derived(context.cache().namespace(), "analysis", currentKey);
        Analysis analysis = context.cache().get(analysisKey, Analysis.class);
        Map<String, BandLevel> levels = new HashMap<>();
        List<Problem> unmeasured = new ArrayList<>();
        for (Problem problem : problems.values()) {
            BandLevel cached = context.cache().get(bandLevelKey(problem.area(), currentKey), BandLevel.class);
            if (cached != null) {
                levels.put(problem.name(), cached);
            } else {
                unmeasured.add(problem);
            }
        }
        Map<String, BandLevel> measured;
        if (analysis == null) {
            measured = new HashMap<>();
            analysis = analyzeWithBands(name, audio.get(), unmeasured, measured);
            context.cache().put(analysisKey, analysis);
        } else {
            // Everything found in the cache: the audio is not even read.
            measured = unmeasured.isEmpty() ? Map.of() : measureAll(unmeasured, audio.get());
        }
        for (Problem problem : unmeasured) {
            context.cache().put(bandLevelKey(problem.area(), currentKey), measured.get(problem.name()));
        }
        levels.putAll(measured);
        Snapshot snapshot = new Snapshot(name, analysis, levels);
        snapshots.put(name, snapshot);
        return snapshot;
    }

    private void remeasure(String snapshotName, LazyAudio audio, Problem problem) {
        Snapshot old = snapshots.get(snapshotName);
        Map<String, BandLevel> levels = new HashMap<>(old.problemLevels());
        levels.put(problem.name(), measure(problem.area(), audio, audioKeys.get(snapshotName)));
        Snapshot updated = new Snapshot(old.name(), old.analysis(), levels);
        snapshots.put(snapshotName, updated);
        if (latest == old) {
            latest = updated;
        }
    }

    /**
     * A new version's analysis, and the band levels of the problems given into {@code measured}: those over the whole
     * song read from the spectrum's own transforms, the others measured beside the analysis's meters (the same
     * readings, less waiting on either's tail).
     */
    private Analysis analyzeWithBands(String name, AudioBuffer samples, List<Problem> problems,
            Map<String, BandLevel> measured) {
        Map<Boolean, List<Problem>> byCover = problems.stream()
                .collect(java.util.stream.Collectors.partitioningBy(problem -> coversWhole(problem, samples)));
        List<Problem> whole = byCover.get(true);
        List<Problem> inParts = byCover.get(false);
        BandEnergy.WholeAudio wholeBands = whole.isEmpty() ? null : new BandEnergy.WholeAudio(
                whole.stream().mapToDouble(p -> p.area().band().lowHz()).toArray(),
                whole.stream().mapToDouble(p -> p.area().band().highHz()).toArray());
        List<Map<String, BandLevel>> bands = new ArrayList<>(List.of(Map.of()));
        Analysis analysis;
        try (Progress p = context.progress().start("measuring '" + name + "'")) {
            analysis = Analysis.of(samples, p, wholeBands, () -> bands.set(0, measureAll(inParts, samples)));
        }
        measured.putAll(bands.get(0));
        BandLevel[] wholeLevels = wholeBands == null ? new BandLevel[0] : wholeBands.levels();
        for (int i = 0; i < whole.size(); i++) {
            measured.put(whole.get(i).name(), wholeLevels[i]);
        }
        return analysis;
    }

    private static boolean coversWhole(Problem problem, AudioBuffer audio) {
        TimeSpan span = problem.area().span().clampTo(audio.durationSeconds());
        return BandEnergy.coversWhole(audio, span.fromSeconds(), span.toSeconds());
    }

    /** Every problem's band level; problems over the same span share its frames (one transform per frame). */
    private static Map<String, BandLevel> measureAll(java.util.Collection<Problem> all, AudioBuffer audio) {
        Map<TimeSpan, List<Problem>> bySpan = new LinkedHashMap<>();
        for (Problem problem : all) {
            bySpan.computeIfAbsent(problem.area().span().clampTo(audio.durationSeconds()), span -> new ArrayList<>())
                    .add(problem);
        }
        Map<String, BandLevel> levels = new HashMap<>();
        bySpan.forEach((span, sharing) -> {
            double[] lowHz = sharing.stream().mapToDouble(p -> p.area().band().lowHz()).toArray();
            double[] highHz = sharing.stream().mapToDouble(p -> p.area().band().highHz()).toArray();
            BandLevel[] measured = BandEnergy.inSpan(audio, span.fromSeconds(), span.toSeconds(), lowHz, highHz);
            for (int i = 0; i < sharing.size(); i++) {
                levels.put(sharing.get(i).name(), measured[i]);
            }
        });
        return levels;
    }

    private static BandLevel measure(ProblemArea area, AudioBuffer audio) {
        TimeSpan span = area.span().clampTo(audio.durationSeconds());
        return BandEnergy.inSpan(audio, span.fromSeconds(), span.toSeconds(), area.band().lowHz(),
                area.band().highHz());
    }

    /** The span cut to the end of the mix, with a warning when it reached past it (a start past it errs). */
    private TimeSpan insideMix(TimeSpan span, String what) {
        TimeSpan inside = span.clampTo(durationSeconds());
        if (!inside.equals(span)) {
            context.display().text("warning: " + what + ": span " + span + " ends after the end of the mix ("
                    + TimeSpan.format(durationSeconds()) + "); cut to " + inside);
        }
        return inside;
    }

    private void requireInside(double seconds, String what) {
        if (seconds >= durationSeconds()) {
            throw new IllegalArgumentException(what + " at " + TimeSpan.format(seconds) + " is after the end of the mix ("
                    + TimeSpan.format(durationSeconds()) + ")");
        }
    }

    // ---- translation (#14) ---------------------------------------------------------------------------

    /**
     * The master as it stands, checked where people will play it: every platform of {@code platforms.tsv},
     * the default codecs through ffmpeg (AAC 256, MP3 320, Opus 160, Vorbis 160) and mono. The report gets a
     * Translation section; nothing changes the master.
     */
    public org.freshears.translation.TranslationReport translate() {
        org.freshears.translation.Translation translation = org.freshears.translation.Translation.defaults();
        try (Progress p = context.progress().start("translating the master")) {
            translated = translation.check(current.get(), latest.analysis(), p)
                    .withSystems(org.freshears.translation.PlaybackSystems.read(current.get(), problemBands()));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        translatedFigures.seed(latest.analysis(), translated);
        translated.summaryLines().forEach(line -> context.display().text(line));
        return translated;
    }

    // ---- translation: checks on translated figures (#14 item 7) -----------------------------------------

    /** The problem areas as the playback systems read them: plain spans and bands, cut to the audio. */
    private List<org.freshears.translation.ProblemBand> problemBands() {
        List<org.freshears.translation.ProblemBand> bands = new ArrayList<>();
        for (Problem p : problems.values()) {
            TimeSpan span = p.area().span().clampTo(current.get().durationSeconds());
            bands.add(new org.freshears.translation.ProblemBand(p.area().name(), span.fromSeconds(), span.toSeconds(),
                    p.area().band().lowHz(), p.area().band().highHz()));
        }
        return bands;
    }

    /** The translated figures of the current master, for checks (cached per master; see TranslatedFigures). */
    private final TranslatedFigures translatedFigures = new TranslatedFigures();

    /**
     * A check on a translated metric: judged on the master when the checklist is judged. Its codec or
     * platform is checked now; a condition relative to the mix is refused (the mix would need its own round
     * trip).
     */
    private CheckItem checkTranslated(String name, org.freshears.checklist.TranslatedMetric metric, Condition condition) {
        TranslatedFigures.validate(metric);
        if (condition instanceof Condition.KeptFromMix) {
            throw new IllegalArgumentException("check '" + name + "': keptFromMix compares with the mix, and "
                    + metric.label() + " is measured on the master only; hold it to a fixed value instead");
        }
        CheckItem check = new CheckItem(name, metric, condition, this::stepNamed);
        checks.add(check);
        return check;
    }

    /**
     * Every check judged. Translated metrics are measured on the master: every codec they need runs once, all
     * together; without ffmpeg those checks are not done, their evidence the one-line reason.
     */
    private List<CheckVerdict> judgeChecks() {
        List<org.freshears.checklist.TranslatedMetric> translatedMetrics = checks.stream().map(CheckItem::metric)
                .filter(m -> m instanceof org.freshears.checklist.TranslatedMetric)
                .map(m -> (org.freshears.checklist.TranslatedMetric) m).toList();
        String codecFault = null;
        if (!translatedMetrics.isEmpty()) {
            try {
                translatedFigures.prepare(current.get(), latest.analysis(), translatedMetrics,
                        () -> context.progress().start("codec round trips for the checks"));
            } catch (java.io.IOException e) {
                codecFault = e.getMessage();
            }
        }
        List<CheckVerdict> verdicts = new ArrayList<>();
        for (CheckItem c : checks) {
            if (c.metric() instanceof Metric m) {
                verdicts.add(Judge.check(c, measuredOver(c), s -> m.valueOf(s.analysis())));
            } else if (codecFault != null && c.metric() instanceof org.freshears.checklist.TranslatedMetric.ThroughCodec) {
                verdicts.add(Judge.unmeasured(c, latest, codecFault));
            } else {
                org.freshears.checklist.TranslatedMetric t = (org.freshears.checklist.TranslatedMetric) c.metric();
                double value = translatedFigures.value(t, current.get(), latest.analysis());
                verdicts.add(Judge.check(c, List.of(latest), s -> value));
            }
        }
        return verdicts;
    }

    // ---- references (#16 item 2) ----------------------------------------------------------------------

    /** The reference tracks read so far, in order. */
    private final List<Reference> references = new ArrayList<>();

    /**
     * A reference track, a record to compare with ({@code s.reference("refs/song.flac")}): found like the mix
     * (relative to the notebook's folder), read, hashed and measured as the mix is. The same file and span
     * asked for again is the same reference.
     */
    public Reference reference(String path) throws AudioFormatException {
        return reference(path, null);
    }

    /** Just a span of a reference track (its chorus), in the file's own time; the span must lie inside it. */
    public Reference reference(String path, TimeSpan span) throws AudioFormatException {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a reference needs a file's path");
        }
        Path file = referenceFile(path);
        WavContents contents;
        String sha256;
        try (Progress p = context.progress().start("reading reference " + file.getFileName())) {
            sha256 = FileHashes.sha256(file);
            // A cell run again (kernel, shell) asks for the same reference: no second decode, no second name.
            for (Reference known : references) {
                if (known.path().equals(path) && known.sha256().equals(sha256)
                        && known.span().equals(Optional.ofNullable(span))) {
                    return known;
                }
            }
            contents = readReference(file, p);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(file, "cannot read: " + e.getMessage(), e);
        }
        contents.warnings().forEach(w -> context.display().text("warning: " + file + ": " + w));
        AudioBuffer audio = contents.audio();
        double fileSeconds = audio.durationSeconds();
        if (span != null) {
            if (span.toSeconds() > fileSeconds) {
                throw new AudioFormatException(file, "the span " + span + " reaches past the end of the file ("
                        + TimeSpan.format(fileSeconds) + " long)");
            }
            int from = (int) Math.round(span.fromSeconds() * audio.sampleRate());
            int to = (int) Math.round(span.toSeconds() * audio.sampleRate());
            audio = audio.slice(from, to);
        }
        String name = uniqueReferenceName(file);
        Analysis analysis;
        try (Progress p = context.progress().start("measuring reference '" + name + "'")) {
            analysis = Analysis.of(audio, p);
        }
        if (Double.isNaN(analysis.integratedLufs())) {
            throw new AudioFormatException(file, (span == null ? "" : "the span " + span + " ")
                    + "is silent (no integrated loudness): nothing to compare with");
        }
        Reference reference = new Reference(name, path, sha256, span, fileSeconds, contents.decoding(), analysis);
        references.add(reference);
        context.display().referenced(this, reference, audio);
        return reference;
    }

    /** A reference track to hear, level-matched with the versions: in the cell's player and the report's. */
    public Playback play(Reference reference) {
        Playback playback = new Playback(reference.key(), reference.snapshot());
        context.display().played(this, playback);
        return playback;
    }

    private Reference referenceKeyed(String key) {
        return references.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reference keyed '" + key + "' (references: "
                        + String.join(", ", references.stream().map(Reference::key).toList()) + ")"));
    }

    /** The reference tracks read, in order. */
    public List<Reference> references() {
        return List.copyOf(references);
    }

    /**
     * The one place a reference file is decoded: every format the mix may be in, chosen by content (WAV, FLAC,
     * AIFF natively; MP3, AAC, Ogg and the rest through ffmpeg), as {@link #open} reads the mix.
     */
    private static WavContents readReference(Path file, Progress progress) throws AudioFormatException {
        return AudioFiles.read(file, progress);
    }

    /** The file a notebook names, found as the mix is; one not found anywhere is a one-line fault. */
    private Path referenceFile(String path) throws AudioFormatException {
        try {
            return context.input(Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            throw new AudioFormatException(Path.of(""), "'" + path + "' is not a file's path: " + e.getReason());
        } catch (java.io.UncheckedIOException e) {
            String where = e.getCause() instanceof java.nio.file.NoSuchFileException n ? n.getFile() : e.getMessage();
            if (where != null && where.startsWith(path + " ")) {
                where = where.substring(path.length() + 1); // "(looked in ...)": the file is named once
            }
            throw new AudioFormatException(Path.of(path), "reference not found " + where);
        }
    }

    /** The file's name without its extension; "song 2", "song 3" for a second and third reference of that name. */
    private String uniqueReferenceName(Path file) {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String name = base;
        for (int n = 2; nameTaken(name); n++) {
            name = base + " " + n;
        }
        return name;
    }

    private boolean nameTaken(String name) {
        return references.stream().anyMatch(r -> r.name().equals(name));
    }

    // ---- the result cache (#15 item 4) -----------------------------------------------------------------

    /** The cache key of the audio the master is now (null: not cacheable, or no cache). */
    private String currentKey;
    /** The cache key of each snapshot's audio, by snapshot name (null values: not cacheable). */
    private final Map<String, String> audioKeys = new HashMap<>();

    /**
     * The content address of a version's audio ("mix", a step's name), for results worked out from it (a
     * listening file, a chart); null when it has none (no cache, or a step that cannot be cached).
     */
    public String audioKey(String snapshotName) {
        return audioKeys.get(snapshotName);
    }

    /**
     * One step rendered on the master as it stands (which becomes its output), or found in the cache by its
     * key: then its audio is not read until something needs it ({@link LazyAudio}), and if by then the entry
     * is gone or corrupt, the step is rendered again from the version before with its resolved settings (the
     * bits a replay gives).
     */
    private StepResult renderStep(String name, List<Step> chain) {
        String namespace = context.cache().namespace();
        String key = CacheKeys.step(namespace, currentKey, chain);
        String audioKey = CacheKeys.stepAudio(namespace, key);
        StepResult result = context.cache().get(key, StepResult.class);
        if (result == null || !context.cache().holds(audioKey)) { // without its audio: rendered now, as before
            GainReductionRecorder traces = new GainReductionRecorder();
            Renderer.Rendered rendered;
            try (Progress p = context.progress().start("step '" + name + "'")) {
                // The master's loudness is measured already (its snapshot is the latest): a loudness target starts there.
                rendered = renderer.withPeakReuse(index -> peakReuse(currentKey, chain, index)).run(chain,
                        current.get(), latest.analysis().integratedLufs(), traces.andThen(ChainObserver.progress(p)));
            }
            result = new StepResult(rendered.resolved(), traces.traces());
            context.cache().put(audioKey, rendered.audio());
            context.cache().put(key, result);
            current = LazyAudio.of(rendered.audio());
        } else {
            current = cachedStepAudio(name, audioKey, result.resolved(), current);
        }
        currentKey = key;
        return result;
    }

    /** A cached step's output, read when needed; rendered from {@code input} again if the cache lost it. */
    private LazyAudio cachedStepAudio(String name, String audioKey, List<Step> resolved, LazyAudio input) {
        ResultCache cache = context.cache();
        return LazyAudio.later(() -> {
            AudioBuffer audio = cache.get(audioKey, AudioBuffer.class);
            if (audio == null) {
                try (Progress p = context.progress().start("step '" + name + "' (its cached audio is gone)")) {
                    audio = renderer.run(resolved, input.get(), ChainObserver.progress(p)).audio();
                }
                cache.put(audioKey, audio);
            }
            return audio;
        });
    }

    /**
     * The master written as {@code format} asks: from the result cache when this very master was written so
     * before (the file's bytes are a function of the master's audio and the format, its dither seed
     * included), so its samples need not be read; else converted, dithered and encoded, and kept.
     */
    private WriteReport writeMaster(Path target, WavOutputFormat format, int sampleRateHz) throws IOException {
        String key = CacheKeys.derived(context.cache().namespace(), "written wav", currentKey, format);
        WrittenWav cached = context.cache().get(key, WrittenWav.class);
        if (cached != null) {
            try (Progress p = context.progress().start("writing " + target.getFileName())) {
                return WavWriter.writeAgain(cached.bytes(), new WriteReport(target, cached.frames(),
                        cached.clippedSamples(), cached.sha256()), target, List.of(mixPath));
            }
        }
        AudioBuffer delivered = current.get();
        if (sampleRateHz != delivered.sampleRate()) {
            try (Progress p = context.progress().start("converting to " + RenderRecord.kiloHertz(sampleRateHz))) {
                delivered = RateConversion.to(sampleRateHz, delivered, p);
            }
        }
        WriteReport written;
        try (Progress p = context.progress().start("writing " + target.getFileName())) {
            written = WavWriter.write(delivered, target, format, List.of(mixPath), p);
        }
        if (key != null) {
            context.cache().put(key, new WrittenWav(Files.readAllBytes(target), written.frames(),
                    written.clippedSamples(), written.sha256()));
        }
        return written;
    }

    /**
     * Where a loudness search at step {@code index} of {@code chain}, run on the audio named {@code inputKey}, finds
     * the limiter peaks an earlier search on the same samples detected (a kernel's cell run again with another
     * target, ceiling or release), and keeps its own: under the name of the search's input (the chain's input
     * after the steps before it, named as a step of those steps would be) and the detection, in a cache in
     * memory only (the peaks are as large as the audio and grow as searches need them: not worth writing).
     */
    private PeakReuse peakReuse(String inputKey, List<Step> chain, int index) {
        ResultCache cache = context.cache();
        String namespace = cache.namespace();
        String audioKey = index == 0 ? inputKey : CacheKeys.step(namespace, inputKey, chain.subList(0, index));
        if (!cache.inMemory() || audioKey == null) {
            return PeakReuse.NONE;
        }
        return new PeakReuse() {
            @Override
            public LimiterPeaks find(LimiterPeaks.Detection detection) {
                return cache.get(CacheKeys.derived(namespace, "limiter peaks", audioKey, detection),
                        LimiterPeaks.class);
            }

            @Override
            public void keep(LimiterPeaks peaks) {
                cache.put(CacheKeys.derived(namespace, "limiter peaks", audioKey, peaks.detection()), peaks);
            }
        };
    }

    /** The cache key of a problem area's band level in a version's audio (null: that audio has no key). */
    private String bandLevelKey(ProblemArea area, String audioKey) {
        return CacheKeys.derived(context.cache().namespace(), "band level", audioKey, area.span(), area.band());
    }

    /** A problem area's band level in a version's audio, from the cache when that version has a key. */
    private BandLevel measure(ProblemArea area, LazyAudio audio, String audioKey) {
        String key = bandLevelKey(area, audioKey);
        BandLevel level = context.cache().get(key, BandLevel.class);
        if (level == null) {
            level = measure(area, audio.get());
            context.cache().put(key, level);
        }
        return level;
    }
}
