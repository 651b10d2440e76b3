package org.freshears.checklist;

/**
 * What a check measures: a snapshot's own figure ({@link Metric}), or a figure of the master as it will be
 * heard ({@link TranslatedMetric}: through a codec, on a streaming platform, folded to mono).
 */
public sealed interface CheckMetric permits Metric, TranslatedMetric {

    String label();

    String unit();

    /** The value with its unit, as evidence: {@code -14.03 LUFS}; "none" for NaN. */
    String format(double value);

    /**
     * The name session.json records: a {@link Metric}'s constant ({@code TRUE_PEAK_DBTP}), a translated
     * metric's form ({@code TRUE_PEAK_DBTP through aac:256}). File format: never change one.
     */
    String fileName();

    /** The metric a session file names ({@link #fileName}); refused, listing the forms, when it names none. */
    static CheckMetric parse(String fileName) {
        for (Metric m : Metric.values()) {
            if (m.name().equals(fileName)) {
                return m;
            }
        }
        return TranslatedMetric.parse(fileName);
    }
}
