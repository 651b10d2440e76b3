package org.freshears.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ffmpeg} executable, found and asked its version once. It is a guest: started with an argument
 * list (never a shell), without stdin, with a time limit, its stderr kept so a failure can say what ffmpeg
 * said. It writes only the files its arguments name; {@link ScratchFolder} keeps those out of the user's way.
 */
public final class Ffmpeg {
    /** The environment variable that names the executable, when it is not {@code ffmpeg} on the PATH. */
    public static final String ENVIRONMENT_VARIABLE = "FRESHEARS_FFMPEG";
    /** Generous for a song (an encode of 5 minutes takes seconds); a hung process cannot hold a run forever. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    /** What is kept of stderr: enough for ffmpeg's error, bounded so a chatty process cannot fill the heap. */
    private static final int STDERR_LIMIT_BYTES = 64 * 1024;
    /** The prefixes of a logged line: an optional "[component @ 0x...]" and a "[level]". */
    private static final Pattern TAGS = Pattern.compile("(?:\\[([^\\]]+?) @ 0x[0-9a-f]+\\]\\s*)?(?:\\[(?:info|warning|error|fatal|panic|verbose)\\]\\s*)?");
    private static final Pattern VERSION = Pattern.compile("^ffmpeg version (\\S+)");
    private static final String INSTALL_HINT = "install it (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install "
            + "ffmpeg) or set " + ENVIRONMENT_VARIABLE + " to its path";

    private final Path executable;
    private final String version;
    private final String versionText;

    private Ffmpeg(Path executable, String version, String versionText) {
        this.executable = executable;
        this.version = version;
        this.versionText = versionText;
    }

    /** ffmpeg as this process's environment names it: {@value #ENVIRONMENT_VARIABLE}, else the PATH. */
    public static Ffmpeg locate() throws FfmpegException {
        return locate(System.getenv());
    }

    /**
     * ffmpeg as the given environment names it. Refused, in one line saying how to install it, when it is
     * not there, cannot run or does not answer {@code -version} like ffmpeg.
     */
    public static Ffmpeg locate(Map<String, String> environment) throws FfmpegException {
        return locate(environment, "the codec round trips");
    }

    /**
     * ffmpeg as the given environment names it, for the purpose given ("decoding MP3"), which the refusal
     * names when it is missing.
     */
    public static Ffmpeg locate(Map<String, String> environment, String neededFor) throws FfmpegException {
        String named = environment.get(ENVIRONMENT_VARIABLE);
        Path executable;
        if (named != null && !named.isBlank()) {
            executable = Path.of(named);
            if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
                throw new FfmpegException(ENVIRONMENT_VARIABLE + "=" + named + ": no such executable; " + INSTALL_HINT);
            }
        } else {
            executable = onPath(environment.get("PATH"));
            if (executable == null) {
                throw new FfmpegException("ffmpeg not found on the PATH (needed for " + neededFor + "); "
                        + INSTALL_HINT);
            }
        }
        Result answer;
        try {
            answer = execute(executable, List.of("-version"), VERSION_TIMEOUT);
        } catch (FfmpegException e) {
            throw new FfmpegException(executable + " -version: " + e.getMessage() + "; " + INSTALL_HINT, e);
        }
        if (answer.exitCode() != 0) {
            throw new FfmpegException(executable + " -version failed (exit " + answer.exitCode() + lastLine(answer)
                    + "); " + INSTALL_HINT);
        }
        String text = answer.stdout();
        Matcher m = VERSION.matcher(text.lines().findFirst().orElse(""));
        if (!m.find()) {
            throw new FfmpegException(executable + " does not answer -version like ffmpeg (\""
                    + text.lines().findFirst().orElse("").strip() + "\"); " + INSTALL_HINT);
        }
        return new Ffmpeg(executable, m.group(1), text);
    }

    private static Path onPath(String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public Path executable() {
        return executable;
    }

    /** The version ffmpeg gives, e.g. {@code 5.1.6-0+deb12u1}. */
    public String version() {
        return version;
    }

    /**
     * The version of one of ffmpeg's libraries as {@code -version} lists it ({@code libavcodec} gives
     * {@code 59.37.100}), or null when it lists none.
     */
    public String libraryVersion(String library) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(library) + "\\s+([\\d. ]+?)\\s*/").matcher(versionText);
        return m.find() ? m.group(1).replace(" ", "") : null;
    }

    /**
     * Runs ffmpeg with these arguments after {@code -nostdin -hide_banner -nostats -loglevel error}, waiting at
     * most {@code timeout}. Refused with ffmpeg's own last line of stderr when it exits other than 0.
     */
    public void run(List<String> arguments, Duration timeout) throws FfmpegException {
        List<String> all = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error"));
        all.addAll(arguments);
        Result result = execute(executable, all, timeout);
        if (result.exitCode() != 0) {
            throw new FfmpegException("ffmpeg failed (exit " + result.exitCode() + lastLine(result) + ")");
        }
    }

    /**
     * Runs ffmpeg like {@link #run}, but logging at {@code level+info}: every line of stderr is returned,
     * each tagged with its level ({@code [info]}, {@code [warning]}, {@code [error]}), so a caller can read
     * what ffmpeg said about its input (durations, streams) and whether it met errors it went on past.
     */
    public String runLogged(List<String> arguments, Duration timeout) throws FfmpegException {
        List<String> all = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "level+info"));
        all.addAll(arguments);
        Result result = execute(executable, all, timeout);
        if (result.exitCode() != 0) {
            // The first error says why (an MP4's "moov atom not found"); the last only that the input failed.
            String first = result.stderr().lines().filter(l -> l.contains("[error]") || l.contains("[fatal]"))
                    .map(Ffmpeg::untagged).findFirst().map(l -> ": " + l).orElse(lastLine(result));
            throw new FfmpegException("ffmpeg failed (exit " + result.exitCode() + first + ")");
        }
        return result.stderr();
    }

    /** "ffmpeg 5.1.9-0+deb12u1", for a sentence. */
    public String describe() {
        return "ffmpeg " + version;
    }

    /** ffmpeg's version and its codec library's, as a decode records them: "5.1.9-0+deb12u1, libavcodec 59.37.100". */
    public String describeVersions() {
        String codecs = libraryVersion("libavcodec");
        return codecs == null ? version : version + ", libavcodec " + codecs;
    }

    @Override
    public String toString() {
        return "ffmpeg " + version + " (" + executable + ")";
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static String lastLine(Result result) {
        List<String> lines = result.stderr().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> errors = lines.stream().filter(l -> l.contains("[error]") || l.contains("[fatal]")).toList();
        List<String> pick = errors.isEmpty() ? lines : errors;
        return pick.isEmpty() ? "" : ": " + untagged(pick.get(pick.size() - 1));
    }

    /** "[mp3float @ 0x55d0] [error] Header missing" -> "mp3float: Header missing"; untagged lines as they are. */
    public static String untagged(String line) {
        Matcher m = TAGS.matcher(line.strip());
        m.lookingAt(); // both prefixes are optional: this always matches, perhaps nothing
        String component = m.group(1);
        String text = line.strip().substring(m.end()).strip();
        return component == null ? text : component + ": " + text;
    }

    private static Result execute(Path executable, List<String> arguments, Duration timeout) throws FfmpegException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            throw new FfmpegException("cannot start " + executable + ": " + e.getMessage(), e);
        }
        StreamCollector out = new StreamCollector(process.getInputStream());
        StreamCollector err = new StreamCollector(process.getErrorStream());
        out.start();
        err.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new FfmpegException("ffmpeg did not finish within " + describe(timeout) + " and was stopped");
            }
            out.join();
            err.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FfmpegException("interrupted while ffmpeg ran", e);
        }
        return new Result(process.exitValue(), out.text(), err.text());
    }

    private static String describe(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Drains one of the process's streams, keeping the first {@value #STDERR_LIMIT_BYTES} bytes. */
    private static final class StreamCollector extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        StreamCollector(InputStream in) {
            super("freshears-ffmpeg-stream");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    int room = STDERR_LIMIT_BYTES - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(room, n));
                    }
                }
            } catch (IOException e) {
                // the process ended or was stopped: what was read is what there is
            }
        }

        String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
