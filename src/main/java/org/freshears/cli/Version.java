package org.freshears.cli;

/** The tool's version, from the jar manifest when packaged. */
public final class Version {
    public static final String TOOL = detect();

    private Version() {
    }

    private static String detect() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
