package org.freshears.translation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The platform rules of {@code platforms.tsv} (a data file, not code: each row cites its source and the
 * date it was checked). A platform's first row is its default mode: {@code spotify} is Spotify's normal
 * mode, {@code spotify:loud} its loud one.
 */
public final class PlatformRules {
    static final String RESOURCE = "platforms.tsv";
    private static final String[] HEADER = {"platform", "mode", "referenceLufs", "positiveGain", "peakCeilingDbtp",
        "checked", "verification", "source", "notes"};
    private static final PlatformRules BUNDLED = load();

    private final Map<String, PlatformRule> byName;

    private PlatformRules(Map<String, PlatformRule> byName) {
        this.byName = byName;
    }

    /** The rules bundled with Fresh Ears. */
    public static PlatformRules bundled() {
        return BUNDLED;
    }

    /** Every rule, in the file's order. */
    public List<PlatformRule> all() {
        return List.copyOf(byName.values());
    }

    /** Every name a rule answers to ({@code spotify}, {@code spotify:loud}, ...), in the file's order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** A platform's default mode: {@code rule("spotify")}; a mode: {@code rule("spotify:loud")}. */
    public PlatformRule rule(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        PlatformRule rule = byName.get(key);
        if (rule == null && key.contains(":")) { // the default mode by its own name: spotify:normal
            PlatformRule first = byName.get(key.substring(0, key.indexOf(':')));
            rule = first != null && key.equals(first.platform() + ":" + first.mode()) ? first : null;
        }
        if (rule == null) {
            throw new IllegalArgumentException("unknown platform \"" + name.strip() + "\"; valid: "
                    + String.join(", ", byName.keySet()));
        }
        return rule;
    }

    /**
     * The rules a comma-separated list names. A bare platform name brings all its modes ({@code spotify}:
     * normal, loud and quiet); {@code spotify:loud} one.
     */
    public List<PlatformRule> select(String commaSeparated) {
        List<PlatformRule> chosen = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            List<PlatformRule> modes = name.contains(":") ? List.of(rule(name))
                    : byName.values().stream().filter(r -> r.platform().equals(name)).toList();
            if (modes.isEmpty()) {
                rule(name); // refuses, listing the valid names
            }
            for (PlatformRule r : modes) {
                if (!chosen.contains(r)) {
                    chosen.add(r);
                }
            }
        }
        return chosen;
    }

    private static PlatformRules load() {
        try (InputStream in = PlatformRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses the file's text; a malformed row is refused naming its line. */
    static PlatformRules parse(String text) {
        Map<String, PlatformRule> rules = new LinkedHashMap<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (!headerSeen) {
                if (!List.of(cells).equals(List.of(HEADER))) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected the header "
                            + String.join(" ", HEADER));
                }
                headerSeen = true;
                continue;
            }
            if (cells.length != HEADER.length) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + cells.length + " cells, expected "
                        + HEADER.length);
            }
            try {
                PositiveGain gain = PositiveGain.parse(cells[3]);
                PlatformRule rule = new PlatformRule(cells[0], cells[1], Double.parseDouble(cells[2]), gain,
                        cells[4].isEmpty() ? Double.NaN : Double.parseDouble(cells[4]), cells[5], cells[6], cells[7],
                        cells[8]);
                boolean first = rules.values().stream().noneMatch(r -> r.platform().equals(rule.platform()));
                if (rules.putIfAbsent(rule.name(first), rule) != null) {
                    throw new IllegalArgumentException("a second row for " + rule.name(first));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return new PlatformRules(rules);
    }
}
