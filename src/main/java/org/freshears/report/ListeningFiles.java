package org.freshears.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.Dither;
import org.freshears.audio.FlacEncoder;
import org.freshears.io.AtomicFile;
import org.freshears.io.TaskResult;
import org.freshears.measure.LoudnessMeter;
import org.freshears.measure.LoudnessReport;
import org.freshears.session.Progress;
import org.freshears.session.Reference;
import org.freshears.session.Session;
import org.freshears.session.StepRun;
import org.freshears.translation.PlaybackSystem;

/**
 * What the report's player plays, written beside the report into {@value #FOLDER}/ as each version is made:
 * the mix when the session opens, each step's output when the step runs (the only moment it is in memory),
 * and the master at the end when the last step's file does not already hold it.
 *
 * <p>Format: 16-bit FLAC with TPDF dither (lossless, so an A/B hears what the chain did and nothing a codec
 * did; a lossy codec would smear exactly the differences being judged), carried in a one-line script,
 * {@code freshEarsListening("key", "<base64 FLAC>")}: a page opened from disk may not read the files beside
 * it (fetch and XMLHttpRequest are refused on file://, and a media element's sound reaches Web Audio as
 * silence), but it may load a script, so the player works from a double-clicked, zipped-and-sent folder.
 *
 * <p>Budget: all listening files together at most {@value #BUDGET_TIMES_MIX} times the size of the mix's
 * file. The mix and the master are always written whole. A step is written whole when it fits; else only the
 * loudest {@value #EXCERPT_SECONDS} s of the song (the same span for every such step, so two of them still
 * A/B), when that fits; else not at all. The master is the last step's file when that is whole; else it is
 * written at the end, and if the total went over, the steps' excerpts and then the earliest steps are
 * removed until it fits. The player says what was left out and why.
 *
 * <p>Encoding a version (0.75 s of two cores for 4 minutes of stereo) runs on a thread of its own while the
 * notebook goes on (the next step renders): the versions are encoded and written one after another, in the
 * order they were made, so the budget decides as it would in one thread. A step's output waits as it is (a
 * version never changes once made: the next step renders over a copy); at most {@value #VERSIONS_WAITING} wait,
 * and audio too large to keep alive lightly is encoded at once. {@link #finish} and {@link #current} wait for the
 * queue; a failure there is thrown by the next call, naming the file.
 *
 * <p>Made again: the result cache keeps each version's FLAC as the base64 its file holds, so a version found
 * there is not encoded; a file whose bytes are already in place (or in the previous run's folder) is kept or
 * linked, not written ({@link ListeningFileWriter}); a step run again unchanged in the kernel keeps its file
 * without its FLAC even being read. A file written again replaces its bytes in the budget.
 */
public final class ListeningFiles {
    static final String FOLDER = "listen";
    static final int BUDGET_TIMES_MIX = 3;
    static final double EXCERPT_SECONDS = 30;
    /** The function each listening file calls; the player defines it. */
    static final String CALLBACK = "freshEarsListening";
    /** Fixed, so the same run writes the same bytes. */
    private static final long DITHER_SEED = 0x4C495354454E4CL;
    /** Steps' outputs waiting to be encoded, at most: what they keep alive stays a few times the mix. */
    static final int VERSIONS_WAITING = 2;
    private static final String ENCODING_THREAD = "freshears-listening-files";

    /**
     * One playable version.
     *
     * @param key "mix", "step:NAME" or "master" (the keys of the ABX result file)
     * @param label what the player's button says
     * @param file the file relative to the report's folder ('/'-separated), or null when not written
     * @param integratedLufs its integrated loudness as the session measured it (NaN: silence)
     * @param fromSeconds where in the song the file starts (0 unless an excerpt)
     * @param toSeconds where it ends
     * @param bytes the file's size
     * @param why null when written whole, else why it is an excerpt or missing
     */
    public record Version(String key, String label, String file, double integratedLufs, double fromSeconds,
            double toSeconds, long bytes, String why) {
    }

    private final Session session;
    private final Path folder;
    private final ListeningFileWriter writer;
    private final String prefix;
    private final long budgetBytes;
    private final Map<String, Version> versions = new LinkedHashMap<>();
    private long usedBytes;
    /** The last step's whole FLAC when the budget had no room for it: the master's file, if it stays last. */
    private StepRun lastStepUnwritten;
    private Body lastStepWholeFlac;
    /** The encoding queue (one thread, in order), made when first needed; what was queued, oldest first. */
    private java.util.concurrent.ExecutorService encoder;
    private final java.util.ArrayDeque<java.util.concurrent.Future<?>> queued = new java.util.ArrayDeque<>();
    /** The last work queued for each version's key (guarded by {@link #queued}). */
    private final Map<String, java.util.concurrent.Future<?>> lastQueued = new java.util.HashMap<>();
    /** Work queued while the queue is held ({@link #holdUntilShown}), in order (guarded by {@link #queued}). */
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;
    private final java.util.concurrent.Semaphore waiting = new java.util.concurrent.Semaphore(VERSIONS_WAITING);

    /**
     * @param session the session whose versions are written
     * @param folder the report's folder (the run's staging folder while it runs)
     * @param prefix "" for a notebook's first session, "2-" for the second...
     */
    public ListeningFiles(Session session, Path folder, String prefix) {
        this(session, folder, prefix, null);
    }

    /**
     * @param previousRun the output folder of the run this one replaces (its staging folder's sibling), whose
     *                    listening files with exactly the bytes this run makes are linked instead of written;
     *                    null when there is none
     */
    public ListeningFiles(Session session, Path folder, String prefix, Path previousRun) {
        this.session = session;
        this.folder = folder;
        this.writer = new ListeningFileWriter(folder, previousRun);
        this.prefix = prefix;
        long mixBytes;
        try {
            mixBytes = Files.size(session.mixPath());
        } catch (IOException e) {
            // The mix was read moments ago; if its size cannot be read now, budget on its audio as 24-bit PCM.
            mixBytes = (long) session.mix().audio().frames() * session.mix().audio().channels() * 3;
        }
        this.budgetBytes = BUDGET_TIMES_MIX * mixBytes;
    }

    /** The mix, whole: called when the session opens. */
    public void mixOpened() {
        AudioBuffer mix = session.mix().audio(); // never changed: the session renders on a copy
        double lufs = session.snapshot(Session.MIX).analysis().integratedLufs();
        String audioKey = session.audioKey(Session.MIX);
        inOrder(Session.MIX, () -> {
            Version v = store(Session.MIX, "Mix", "mix", body(mix, audioKey), lufs, 0, mix.durationSeconds(), null);
            synchronized (this) {
                versions.put(Session.MIX, v);
            }
        });
    }

    /** A step's output, while it is the session's master: whole, as an excerpt, or not, by the budget. */
    public void stepRan(StepRun step) {
        awaitDone(); // an earlier version that failed to write fails this step's cell, naming its file
        double lufs = step.after().analysis().integratedLufs();
        String audioKey = session.audioKey(step.name()); // read now: the session moves on while this is queued
        if (unchanged(step, audioKey, lufs)) {
            return; // its file is there, as made from the same samples: neither read from the cache nor written
        }
        Body cachedWhole = cachedBody(audioKey);
        if (cachedWhole != null && wholeFitting(step, cachedWhole, lufs)) {
            return; // the step's samples are not needed (a cached step's are read only when something needs them)
        }
        AudioBuffer master = session.master();
        double[] span = excerptSpan();
        if (cachedWhole != null) {
            // A run again whose whole file the budget may turn away: only the excerpt's span is copied, not the
            // whole song.
            Excerpt excerpt = excerpt(master, span);
            AudioBuffer excerptAudio = excerpt.isWhole() ? null : master.slice(excerpt.from(), excerpt.to());
            double seconds = master.durationSeconds();
            inOrder(stepKey(step), () -> encodeStep(step, seconds, cachedWhole, excerpt, () -> excerptAudio, audioKey,
                    lufs));
            return;
        }
        boolean queue = queueable(master);
        if (queue && !waiting.tryAcquire()) {
            releaseHeld(); // the versions waiting may be held ones: they must run to make room
            waiting.acquireUninterruptibly(); // released when encoded: the versions kept alive stay few
        }
        Runnable encode = () -> {
            try {
                encodeStep(step, master, audioKey, span, lufs);
            } finally {
                if (queue) {
                    waiting.release();
                }
            }
        };
        if (queue) {
            inOrder(stepKey(step), encode);
        } else {
            await(); // too large to keep alive beside the next step's: encoded now, after what is queued
            encode.run();
        }
    }

    private void encodeStep(StepRun step, AudioBuffer audio, String audioKey, double[] span, double lufs) {
        Excerpt excerpt = excerpt(audio, span);
        encodeStep(step, audio.durationSeconds(), body(audio, audioKey), excerpt,
                () -> audio.slice(excerpt.from(), excerpt.to()), audioKey, lufs);
    }

    /**
     * Writes a step's whole file if it fits, else its excerpt's (made when needed, unless the span is the whole
     * song) if that fits, else records it as missing.
     */
    private void encodeStep(StepRun step, double seconds, Body whole, Excerpt excerpt,
            java.util.function.Supplier<AudioBuffer> excerptAudio, String audioKey, double lufs) {
        String key = stepKey(step);
        String label = stepLabel(step);
        String name = stepFileName(step);
        synchronized (this) {
            lastStepUnwritten = null;
            lastStepWholeFlac = null;
            if (fits(name, fileBytes(key, whole)))  {
                versions.put(key, store(key, label, name, whole, lufs, 0, seconds, null));
                return;
            }
            lastStepUnwritten = step;
            lastStepWholeFlac = whole;
        }
        if (!excerpt.isWhole()) {
            int from = excerpt.from();
            int to = excerpt.to();
            AudioBuffer audio = excerptAudio.get();
            Body flac = body(audio, audioKey, from, to);
            synchronized (this) {
                if (fits(name, fileBytes(key, flac))) {
                    versions.put(key, store(key, label, name, flac, lufs, from / (double) audio.sampleRate(),
                            to / (double) audio.sampleRate(), "only the loudest "
                                    + Figures.fixed(EXCERPT_SECONDS, 0) + " s: the listening files' size budget"));
                    return;
                }
            }
        }
        synchronized (this) {
            versions.put(key, missing(key, label, lufs));
        }
    }

    /**
     * A step's whole file, its FLAC found in the result cache, when it fits the budget (decided after what is
     * queued, as {@link #encodeStep} decides): written without the step's audio. False otherwise, and nothing done.
     */
    private boolean wholeFitting(StepRun step, Body whole, double lufs) {
        String key = stepKey(step);
        await();
        synchronized (this) {
            if (!fits(stepFileName(step), fileBytes(key, whole))) {
                return false;
            }
            lastStepUnwritten = null;
            lastStepWholeFlac = null;
        }
        double seconds = step.after().analysis().durationSeconds(); // the step's audio's, as measured
        inOrder(key, () -> {
            Version v = store(key, stepLabel(step), stepFileName(step), whole, lufs, 0, seconds, null);
            synchronized (this) {
                versions.put(key, v);
            }
        });
        return true;
    }

    private static String stepLabel(StepRun step) {
        return step.index() + " " + step.name();
    }

    private static String stepFileName(StepRun step) {
        return "step-" + step.index() + "-" + ChartKey.slug(step.name());
    }

    /** A step's excerpt, frames [from, to) of the song; whole when the span is the song's whole length. */
    private record Excerpt(int from, int to, boolean isWhole) {
    }

    private static Excerpt excerpt(AudioBuffer audio, double[] span) {
        int from = (int) Math.round(span[0] * audio.sampleRate());
        int to = (int) Math.min(audio.frames(), Math.round(span[1] * audio.sampleRate()));
        return new Excerpt(from, to, !(span[1] - span[0] < audio.durationSeconds()));
    }

    /** Kept alive for the queue when that is light: under an eighth of the heap this JVM may use. */
    private static boolean queueable(AudioBuffer audio) {
        long bytes = (long) audio.frames() * audio.channels() * Float.BYTES;
        return bytes <= Runtime.getRuntime().maxMemory() / 8;
    }

    /** Runs the work on the encoding thread after what is already queued; it writes the version {@code key}. */
    private void inOrder(String key, Runnable work) {
        synchronized (queued) {
            if (encoder == null) {
                encoder = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, ENCODING_THREAD);
                    thread.setDaemon(true); // a run that ends on a failure does not wait for it
                    return thread;
                });
            }
            java.util.concurrent.FutureTask<?> task = new java.util.concurrent.FutureTask<>(work, null);
            queued.add(task);
            lastQueued.put(key, task);
            if (holding) {
                held.add(task);
            } else {
                encoder.execute(task);
            }
        }
    }

    /**
     * Holds the versions queued from now on until {@link #releaseHeld} (a kernel showing a step's charts the moment
     * its statement ends: encoding then would take a core from drawing them). Anything that waits for the queue
     * releases it first, so nothing waits on a held version.
     */
    public void holdUntilShown() {
        synchronized (queued) {
            holding = true;
        }
    }

    /** Releases the held work if {@code task} is part of it: about to be waited for, it must run. */
    private void releaseIfHeld(java.util.concurrent.Future<?> task) {
        if (task != null && held.contains(task)) {
            releaseHeld();
        }
    }

    /** Starts encoding what was held, in the order it was queued, before anything queued later. */
    public void releaseHeld() {
        synchronized (queued) {
            holding = false;
            for (Runnable task : held) {
                encoder.execute(task); // made by the first work queued, which any held work was
            }
            held.clear();
        }
    }

    /**
     * Waits until the work queued last for version {@code key}, if any, is done, without waiting for the work of
     * other versions (a kernel's cell run again must not wait for the last cell's new master to be encoded before
     * it can keep its unchanged first step). False when that work failed: its failure is thrown, in queue order,
     * by the next wait for the queue.
     */
    private boolean awaitQueuedFor(String key) {
        java.util.concurrent.Future<?> last;
        synchronized (queued) {
            last = lastQueued.get(key);
            releaseIfHeld(last);
        }
        return last == null || TaskResult.failureOf(last) == null;
    }

    /** Waits until every version made so far is encoded and written (its failure thrown, naming the file). */
    public void awaitWritten() {
        await();
    }

    /** Collects the queued work that has finished, throwing its failure, without waiting for the rest. */
    private void awaitDone() {
        while (true) {
            synchronized (queued) {
                java.util.concurrent.Future<?> oldest = queued.peek();
                if (oldest == null || !oldest.isDone()) {
                    return;
                }
            }
            awaitOldest();
        }
    }

    /**
     * Waits until every queued version is written. A failure is thrown as it happened (the message names the
     * file: "cannot write listen/step-2-glue.flac.js: No space left on device"), once.
     */
    private void await() {
        while (awaitOldest()) {
            // the next
        }
    }


    /** Waits for the oldest queued work, if any (false: none was queued), throwing its failure. */
    private boolean awaitOldest() {
        java.util.concurrent.Future<?> next;
        synchronized (queued) {
            next = queued.poll();
            releaseIfHeld(next);
        }
        if (next == null) {
            return false;
        }
        Throwable cause = TaskResult.failureOf(next);
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        if (cause != null) {
            throw new IllegalStateException("writing a listening file failed: " + cause, cause);
        }
        return true;
    }

    /**
     * A reference track as read (its span, if one was given), keyed "reference:NAME": the player's timeline is
     * the mix's, so a reference plays from 0:00 for at most the mix's length (a longer one: its loudest stretch
     * of that length); when that does not fit the budget, its loudest {@value #EXCERPT_SECONDS} s, lined up with
     * the mix's loudest (chorus against chorus); else not at all. Level-matched by its integrated loudness as
     * measured, like every version.
     */
    public void referenceRead(Reference reference, AudioBuffer audio) {
        awaitDone();
        // The reference's own audio: nothing renders over it.
        inOrder("reference:" + reference.name(), () -> encodeReference(reference, audio));
    }

    private void encodeReference(Reference reference, AudioBuffer audio) {
        String key = reference.key();
        String label = "Reference: " + reference.name();
        String name = "reference-" + ChartKey.slug(reference.name());
        double lufs = reference.analysis().integratedLufs();
        LoudnessReport loudness = reference.analysis().loudness();
        double seconds = audio.durationSeconds();
        double[] fits = loudestSpan(loudness, seconds, Math.min(seconds, session.durationSeconds()));
        Body flac = body(slice(audio, fits), null);
        synchronized (this) {
            if (fits(name, fileBytes(key, flac))) {
                double length = fits[1] - fits[0];
                versions.put(key, store(key, label, name, flac, lufs, 0, length, length < seconds
                        ? "a reference longer than the mix: its loudest " + Figures.clock(length) + " ("
                                + within(reference, fits) + ")" : null));
                return;
            }
        }
        // The fallback is shorter than what did not fit (a mix under 30 s already gave its whole length).
        double[] loudest = loudestSpan(loudness, seconds, Math.min(fits[1] - fits[0], EXCERPT_SECONDS));
        double length = loudest[1] - loudest[0];
        if (length < fits[1] - fits[0]) {
            Body excerpt = body(slice(audio, loudest), null);
            synchronized (this) {
                if (fits(name, fileBytes(key, excerpt))) {
                    double at = Math.max(0, Math.min(excerptSpan()[0], session.durationSeconds() - length));
                    versions.put(key, store(key, label, name, excerpt, lufs, at, at + length,
                            "only the reference's loudest " + Figures.fixed(length, 0) + " s ("
                                    + within(reference, loudest) + "): the listening files' size budget"));
                    return;
                }
            }
        }
        synchronized (this) {
            versions.put(key, missing(key, label, lufs));
        }
    }

    /** Where a stretch of what was read lies in the reference's file ("1:10.0\u20131:40.0 of the file"). */
    private static String within(Reference reference, double[] span) {
        double offset = reference.span().map(org.freshears.checklist.TimeSpan::fromSeconds).orElse(0.0);
        return Figures.clock(offset + span[0]) + "\u2013" + Figures.clock(offset + span[1]) + " of the file";
    }

    private static AudioBuffer slice(AudioBuffer audio, double[] span) {
        int from = (int) Math.round(span[0] * audio.sampleRate());
        int to = (int) Math.min(audio.frames(), Math.round(span[1] * audio.sampleRate()));
        return from == 0 && to == audio.frames() ? audio : audio.slice(from, to);
    }

    /**
     * Every version in order (mix, steps, master), the master written if the last step's file does not
     * hold it whole, then the budget kept by removing excerpts and early steps.
     */
    public List<Version> finish() {
        await();
        synchronized (this) {
            return finishWritten();
        }
    }

    private List<Version> finishWritten() {
        List<StepRun> steps = session.steps();
        Version master;
        if (steps.isEmpty()) {
            master = alias(versions.get(Session.MIX), "Master (the mix: no step ran)");
        } else {
            Version last = versions.get(stepKey(steps.get(steps.size() - 1)));
            if (last != null && last.file() != null && last.why() == null) {
                master = alias(last, "Master");
            } else {
                if (last != null) {
                    remove(last);
                }
                // The last step's whole file the budget turned away holds the master's audio: no second encoding.
                Body flac = lastStepUnwritten == steps.get(steps.size() - 1) ? lastStepWholeFlac
                        : body(session.master(), session.audioKey(session.latest().name()));
                master = store("master", "Master", "master", flac, session.latest().analysis().integratedLufs(), 0,
                        session.master().durationSeconds(), null);
            }
        }
        List<String> removable = new ArrayList<>();
        versions.values().stream().filter(v -> v.why() != null && v.file() != null).forEach(v -> removable.add(v.key()));
        versions.values().stream().filter(v -> v.key().startsWith("step:") && v.why() == null && v.file() != null
                && !v.file().equals(master.file())).forEach(v -> removable.add(v.key()));
        for (String key : removable) {
            if (usedBytes <= budgetBytes) {
                break;
            }
            Version v = versions.get(key);
            remove(v);
            versions.put(key, missing(key, v.label(), v.integratedLufs()));
        }
        List<Version> all = new ArrayList<>(versions.values().stream()
                .filter(v -> !v.key().startsWith(Reference.KEY_PREFIX)).toList());
        all.add(master);
        // The references after the master: the chain's versions first, then what they are held against.
        versions.values().stream().filter(v -> v.key().startsWith(Reference.KEY_PREFIX)).forEach(all::add);
        if (session.translated().isPresent()) {
            all.addAll(previews());
        }
        return all;
    }

    /**
     * After {@code s.translate()}: the master as each playback system (phone, laptop, earbuds, car, club)
     * would sound, keyed "preview:SYSTEM". Only the loudest {@value #EXCERPT_SECONDS} s (the steps' excerpt
     * span): the point is to hear what the system does to the balance, which a chorus shows, and five whole
     * songs would not fit the budget. Each is written while the budget has room, after mix, steps and master.
     *
     * <p>Level matching: a preview's loudness is given for the whole song, as the master's plus how much the
     * system changed the excerpt's loudness, so the player plays it at the master's loudness as a listener
     * turning the phone up would, and what differs is the balance.
     */
    private List<Version> previews() {
        AudioBuffer masterAudio = session.master();
        double[] span = excerptSpan();
        int rate = masterAudio.sampleRate();
        int from = (int) Math.round(span[0] * rate);
        int to = (int) Math.min(masterAudio.frames(), Math.round(span[1] * rate));
        AudioBuffer excerpt = masterAudio.slice(from, to);
        double excerptLufs = LoudnessMeter.integratedLufs(excerpt);
        double masterLufs = session.latest().analysis().integratedLufs();
        List<Version> previews = new ArrayList<>();
        for (PlaybackSystem system : PlaybackSystem.values()) {
            AudioBuffer heard = system.preview(excerpt);
            double lufs = masterLufs + (LoudnessMeter.integratedLufs(heard) - excerptLufs);
            String key = system.previewKey();
            String label = "Preview: " + system.title();
            Body flac = body(heard, null);
            String name = "preview-" + system.key();
            if (fits(name, fileBytes(key, flac))) {
                previews.add(store(key, label, name, flac, lufs, from / (double) rate,
                        to / (double) rate, "a preview: the master's loudest " + Figures.fixed(EXCERPT_SECONDS, 0)
                                + " s through an approximation of " + system.title()));
            } else {
                previews.add(missing(key, label, lufs));
            }
        }
        return previews;
    }

    /**
     * A version as written so far, for a notebook cell's player: "master" is the last step's file (or the
     * mix's) until {@link #finish}. Null when the key names nothing written.
     */
    public Version current(String key) {
        await();
        synchronized (this) {
            return written(key);
        }
    }

    private Version written(String key) {
        if (key.equals("master")) {
            List<StepRun> steps = session.steps();
            Version latest = versions.get(steps.isEmpty() ? Session.MIX : stepKey(steps.get(steps.size() - 1)));
            return latest == null ? null : alias(latest, "Master");
        }
        return versions.get(key);
    }

    /** The budget, bytes: {@value #BUDGET_TIMES_MIX} times the mix's file. */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** The version key of a step: "step:" and its name as written. */
    public static String stepKey(StepRun step) {
        return "step:" + step.name();
    }

    // ---- internals ------------------------------------------------------------------------------

    /**
     * A version's FLAC in base64: a listening file is this between its call's head and tail.
     *
     * @param base64 the FLAC in base64 (ASCII)
     * @param cacheKey the result cache's key of these bytes, what they are made from; null when not keyed
     */
    private record Body(byte[] base64, String cacheKey) {
    }

    /**
     * Writes the base64 FLAC in the one call the player answers; a file already there with these bytes (or the
     * previous run's) is kept or linked instead ({@link ListeningFileWriter}).
     */
    private Version store(String key, String label, String name, Body body, double lufs, double fromSeconds,
            double toSeconds, String why) {
        String relative = relativeFile(name);
        byte[] head = head(key);
        byte[] tail = TAIL.getBytes(StandardCharsets.UTF_8);
        // No bar from the encoding thread: it would interleave with the running cell's bars on one line.
        boolean queuedWork = Thread.currentThread().getName().equals(ENCODING_THREAD);
        try (Progress p = queuedWork ? Progress.NONE : session.context().progress().start("writing " + relative)) {
            writer.write(relative, contentKey(key, body.cacheKey()), head, body.base64(), tail);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + ": " + e.getMessage(), e);
        }
        long bytes = fileBytes(key, body);
        synchronized (this) {
            usedBytes += bytes - writtenBytes(relative); // a file written again replaces its bytes
        }
        return new Version(key, label, relative, lufs, fromSeconds, toSeconds, bytes, why);
    }

    /**
     * A step run again (a kernel's cell run again) whose whole file is there, made from the same samples and
     * untouched since: its version stands as it was (same file, same size, so the budget decides as before),
     * without reading its FLAC from the cache or writing anything. Decided after what is queued.
     */
    private boolean unchanged(StepRun step, String audioKey, double lufs) {
        if (audioKey == null || !session.context().cache().enabled()) {
            return false;
        }
        String key = stepKey(step);
        String relative = relativeFile(stepFileName(step));
        String contentKey = contentKey(key, flacKey(audioKey));
        synchronized (this) {
            Version v = versions.get(key);
            if (v == null || !relative.equals(v.file()) || v.why() != null) {
                return false; // never written whole under this name: nothing to keep
            }
        }
        if (!awaitQueuedFor(key)) {
            return false; // its last write failed: the step is written again, and the failure thrown in turn
        }
        synchronized (this) {
            Version v = versions.get(key);
            if (v == null || !relative.equals(v.file()) || v.why() != null || !writer.holds(relative, contentKey)) {
                return false;
            }
            versions.put(key, new Version(key, stepLabel(step), relative, lufs, 0,
                    step.after().analysis().durationSeconds(), v.bytes(), null));
            lastStepUnwritten = null;
            lastStepWholeFlac = null;
        }
        return true;
    }

    private String relativeFile(String name) {
        return FOLDER + "/" + prefix + name + ".flac.js";
    }

    /** What a listening file's bytes are made from: its version key and its FLAC's cache key (null: not keyed). */
    private static String contentKey(String versionKey, String cacheKey) {
        return cacheKey == null ? null : versionKey + "\n" + cacheKey;
    }

    /** Whether a file of this many bytes fits the budget in place of the version's file of that name, if any. */
    private boolean fits(String name, long bytes) {
        return usedBytes - writtenBytes(relativeFile(name)) + bytes <= budgetBytes;
    }

    /** The bytes counted for a file written so far (0: none): a file written again replaces them. */
    private long writtenBytes(String relative) {
        for (Version v : versions.values()) {
            if (relative.equals(v.file())) {
                return v.bytes();
            }
        }
        return 0;
    }

    /**
     * The base64 FLAC of a version's audio (or a span of it), from the session's result cache when the version
     * has a key: the encoder and its seeded dither make the same bytes from the same samples every time, and
     * what is kept is what the file holds, so a run again encodes nothing.
     */
    private Body body(AudioBuffer audio, String audioKey, Object... span) {
        Body cached = cachedBody(audioKey, span);
        if (cached != null) {
            return cached;
        }
        byte[] base64 = base64(new FlacEncoder(Dither.tpdf(DITHER_SEED)).encodeFile(audio));
        if (audioKey == null) {
            return new Body(base64, null);
        }
        String cacheKey = flacKey(audioKey, span);
        session.context().cache().put(cacheKey, base64);
        return new Body(base64, session.context().cache().enabled() ? cacheKey : null);
    }

    /** The file in base64, made from its parts: no flat copy of it is made first. */
    static byte[] base64(FlacEncoder.EncodedFile flac) {
        byte[] base64 = new byte[Math.toIntExact((flac.length() + 2) / 3 * 4)];
        ByteBuffer into = ByteBuffer.wrap(base64);
        try (java.io.OutputStream out = Base64.getEncoder().wrap(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                into.put((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                into.put(b, off, len);
            }
        })) {
            flac.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // never: the bytes go to an array
        }
        if (into.hasRemaining()) {
            throw new IllegalStateException("base64 of " + flac.length() + " bytes came out short");
        }
        return base64;
    }

    /** The base64 FLAC of a version's audio (or a span of it) from the result cache; null when not there. */
    private Body cachedBody(String audioKey, Object... span) {
        org.freshears.session.ResultCache cache = session.context().cache();
        if (!cache.enabled() || audioKey == null) {
            return null;
        }
        String cacheKey = flacKey(audioKey, span);
        byte[] base64 = cache.get(cacheKey, byte[].class);
        return base64 == null ? null : new Body(base64, cacheKey);
    }

    /** The result cache's key of a version's base64 FLAC (or a span's). */
    private String flacKey(String audioKey, Object... span) {
        return org.freshears.session.CacheKeys.derived(session.context().cache().namespace(), "listening flac base64",
                audioKey, DITHER_SEED, List.of(span));
    }

    private static final String TAIL = "\");\n";

    private static byte[] head(String key) {
        return (CALLBACK + "(" + jsString(key) + ", \"").getBytes(StandardCharsets.UTF_8);
    }

    /** The size of a listening file: the call around the FLAC in base64. */
    private static long fileBytes(String key, Body body) {
        return head(key).length + (long) body.base64().length + TAIL.length();
    }

    private Version missing(String key, String label, double lufs) {
        return new Version(key, label, null, lufs, 0, 0, 0, "not written: the listening files' size budget ("
                + BUDGET_TIMES_MIX + "\u00d7 the mix's file)");
    }

    private static Version alias(Version of, String label) {
        return new Version("master", label, of.file(), of.integratedLufs(), of.fromSeconds(), of.toSeconds(),
                of.bytes(), of.why());
    }

    private void remove(Version v) {
        if (v.file() == null) {
            return;
        }
        try {
            Files.deleteIfExists(folder.resolve(v.file()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + v.file() + ": " + e.getMessage(), e);
        }
        usedBytes -= v.bytes();
    }

    /** The loudest stretch of the mix by momentary loudness (power mean): where the chain works hardest. */
    private double[] excerptSpan() {
        return loudestSpan(session.snapshot(Session.MIX).analysis().loudness(), session.durationSeconds(),
                EXCERPT_SECONDS);
    }

    /** The loudest {@code seconds} of audio of that length by momentary loudness (power mean); all of it if shorter. */
    private static double[] loudestSpan(LoudnessReport loudness, double duration, double seconds) {
        if (duration <= seconds) {
            return new double[] {0, duration};
        }
        double[] momentary = loudness.momentaryLufs();
        double hop = LoudnessReport.windowEndSeconds(0); // 100 ms
        int window = (int) Math.round(seconds / hop);
        double best = Double.NEGATIVE_INFINITY;
        int bestStart = 0;
        double sum = 0;
        for (int i = 0; i < momentary.length; i++) {
            sum += power(momentary[i]);
            if (i >= window) {
                sum -= power(momentary[i - window]);
            }
            if (i >= window - 1 && sum > best) {
                best = sum;
                bestStart = i - window + 1;
            }
        }
        double from = Math.max(0, Math.min(duration - seconds, bestStart * hop));
        return new double[] {from, from + seconds};
    }

    private static double power(double lufs) {
        return Double.isFinite(lufs) ? StrictMath.pow(10, lufs / 10) : 0;
    }

    static String jsString(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20 || c == '<' || c == '>' || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
