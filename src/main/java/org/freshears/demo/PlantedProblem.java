package org.freshears.demo;

/**
 * A flaw put into the demo mix on purpose, for a mastering pass to find: where (seconds, end
 * exclusive), in which band (Hz), and how it was made.
 */
public record PlantedProblem(String name, double startSeconds, double endSeconds, double lowHz, double highHz,
        String detail) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%-22s %6.2f s - %6.2f s  %5.0f - %5.0f Hz  %s", name,
                startSeconds, endSeconds, lowHz, highHz, detail);
    }
}
