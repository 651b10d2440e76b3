package org.freshears.findings;

import java.util.Locale;

/** How much a finding matters, most severe first (the order tables list them in). */
public enum Severity {
    /** Needs fixing before (or in) mastering: a checklist problem area. */
    PROBLEM,
    /** Worth a listen; may be intended. */
    WARNING,
    /** A fact that helps set up the chain (where the loudest section is). */
    INFO;

    /** The name in JSON and tables: {@code problem}, {@code warning}, {@code info}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
