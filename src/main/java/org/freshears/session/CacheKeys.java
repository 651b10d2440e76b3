package org.freshears.session;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.freshears.chain.Step;

/**
 * The content addresses of cached results: SHA-256 over what a result depends on.
 *
 * <p>A version of the audio is named by its derivation instead of its samples: the mix by its file's
 * SHA-256 and how it was decoded, each step's output by its input's key and the step's canonical settings.
 * That names the same thing as hashing the samples would: decoding and rendering are deterministic (the
 * render path is plain IEEE arithmetic and StrictMath, bit-identical on every JDK, pinned by the golden
 * tests), so the samples are a function of the file's bytes, the decoder and each setting in order, and two
 * equal derivations give equal samples. Hashing 4 minutes of stereo floats (92 MB per version) would cost
 * more time than a cached step saves. The converse does not hold (two derivations may give equal
 * samples), which only costs a miss. Every key also holds the {@linkplain ResultCache#namespace program
 * build} and the measuring algorithms' versions, so a changed algorithm never reads an old result.
 */
public final class CacheKeys {
    /** The algorithms whose results are cached, by their recorded versions. */
    static final String ALGORITHMS = String.join("; ", org.freshears.measure.LoudnessMeter.ALGORITHM_VERSION,
            org.freshears.measure.TruePeakMeter.ALGORITHM_VERSION,
            org.freshears.measure.SpectrumAnalyzer.ALGORITHM_VERSION,
            org.freshears.measure.BandEnergy.ALGORITHM_VERSION);

    private CacheKeys() {
    }

    /** The mix, decoded: its file's SHA-256 and the decoder's description of what it read. */
    public static String mix(String namespace, String fileSha256, String decodedAs) {
        return of(namespace, ALGORITHMS, "mix", fileSha256, decodedAs);
    }

    /**
     * A step's output: its input's key and its settings as written. Null (not cacheable) when the input has
     * no key or a setting depends on more than the audio: a codec-safe limiter asks ffmpeg, whose version is
     * not in the settings, and a setting of a type without a canonical form (a file) may name changing bytes.
     */
    public static String step(String namespace, String inputKey, List<? extends Step> written) {
        if (inputKey == null) {
            return null;
        }
        StringBuilder settings = new StringBuilder();
        for (Step step : written) {
            if (!step.dependsOnSettingsAlone()) {
                return null;
            }
            if (!canonical(step, settings)) {
                return null;
            }
            settings.append('\n');
        }
        return of(namespace, ALGORITHMS, "step", inputKey, settings.toString());
    }

    /** A step's output audio, kept apart from its resolved settings so it is read only when needed. */
    public static String stepAudio(String namespace, String stepKey) {
        return derived(namespace, "step audio", stepKey);
    }

    /**
     * A result worked out from one version of the audio ("analysis", "flac"...) with further settings (each
     * a record, enum, string, number or list of them). Null when the audio has no key or a setting has no
     * canonical form.
     */
    public static String derived(String namespace, String kind, String audioKey, Object... settings) {
        if (audioKey == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Object setting : settings) {
            if (!canonical(setting, text)) {
                return null;
            }
            text.append('\n');
        }
        return of(namespace, ALGORITHMS, kind, audioKey, text.toString());
    }

    /**
     * The fact that a notebook's code cells compile, in order, after these imports, against this build (the
     * namespace names it): the cells' sources exactly, so any edit is a new key.
     */
    public static String cellsCompile(String namespace, List<String> imports, List<String> cellSources) {
        List<String> parts = new java.util.ArrayList<>(List.of(namespace, "cells compile", String.join("\n", imports)));
        parts.addAll(cellSources); // each length-prefixed by of(): no two lists of cells hash alike
        return of(parts.toArray(String[]::new));
    }

    /**
     * The imports a notebook's code cells use among the imports offered (the notebook package's ImportsInUse),
     * which also depends on the classes of the Java runtime the names are looked up in: {@code runtime} names it
     * (its version and home), and the namespace names this build.
     */
    public static String importsInUse(String namespace, String runtime, List<String> imports,
            List<String> cellSources) {
        List<String> parts = new java.util.ArrayList<>(List.of(namespace, "imports in use", runtime,
                String.join("\n", imports)));
        parts.addAll(cellSources);
        return of(parts.toArray(String[]::new));
    }

    /**
     * How a notebook's code cells are cut into the snippets JShell evaluates, which depends on the cells and on the
     * grammar of the Java runtime ({@code runtime} names it) and of this build (the namespace).
     */
    public static String cellSnippets(String namespace, String runtime, List<String> cellSources) {
        List<String> parts = new java.util.ArrayList<>(List.of(namespace, "cell snippets", runtime));
        parts.addAll(cellSources);
        return of(parts.toArray(String[]::new));
    }

    /**
     * A value's canonical text: a record as its class name and every component by name, doubles exactly
     * ({@link Double#toString} round-trips; -0.0 and 0.0 differ, as they may in a render), strings quoted.
     * False when some part has no canonical form.
     */
    static boolean canonical(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (value instanceof Double || value instanceof Float || value instanceof Integer
                || value instanceof Long || value instanceof Boolean || value instanceof Short
                || value instanceof Byte) {
            out.append(value.getClass().getSimpleName().charAt(0)).append(value);
        } else if (value instanceof Character c) {
            out.append("c").append((int) c);
        } else if (value instanceof Enum<?> e) {
            out.append(e.getDeclaringClass().getName()).append('.').append(e.name());
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (Object item : list) {
                if (!canonical(item, out)) {
                    return false;
                }
                out.append(',');
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map && map.size() <= 1) {
            // Only an empty or single-entry map has an order to rely on.
            out.append('{');
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!canonical(e.getKey(), out) || !canonical(e.getValue(), out.append('='))) {
                    return false;
                }
            }
            out.append('}');
        } else if (value instanceof double[] a) {
            out.append("D[");
            for (double d : a) {
                out.append(d).append(',');
            }
            out.append(']');
        } else if (value.getClass().isRecord()) {
            out.append(value.getClass().getName()).append('(');
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object part;
                try {
                    java.lang.reflect.Field field = value.getClass().getDeclaredField(component.getName());
                    field.setAccessible(true);
                    part = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return false;
                }
                out.append(component.getName()).append('=');
                if (!canonical(part, out)) {
                    return false;
                }
                out.append(';');
            }
            out.append(')');
        } else {
            return false;
        }
        return true;
    }

    /** SHA-256 of the parts, each length-prefixed so no two lists of parts run together alike. */
    static String of(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
