package org.freshears.demo;

/** The kinds of section in the demo song's form. */
public enum SectionKind {
    INTRO, VERSE, CHORUS, OUTRO;

    /** Lower-case name for printing ("chorus"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
