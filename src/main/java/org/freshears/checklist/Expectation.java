package org.freshears.checklist;

import java.util.Locale;

/**
 * What must be measured for a problem area to count as fixed. Levels are the band's level in the
 * problem's span relative to the integrated loudness of the version (dB), as a listener hears it with the
 * versions at matched loudness: making the master louder neither hides nor fakes a fix, and a step that
 * touched only other bands moves it only by the loudness it changed.
 */
public sealed interface Expectation {

    /** The default: at least 1 dB less, level-matched, than in the mix. */
    Expectation DEFAULT = new ReduceBy(1.0);

    boolean met(double mixMatchedDb, double masterMatchedDb);

    String describe();

    /** The level-matched band level must fall by at least {@code db} from the mix. */
    record ReduceBy(double db) implements Expectation {
        public ReduceBy {
            if (!(db > 0) || !Double.isFinite(db)) {
                throw new IllegalArgumentException("reduceBy needs a reduction > 0 dB, got " + db);
            }
        }

        @Override
        public boolean met(double mixMatchedDb, double masterMatchedDb) {
            return mixMatchedDb - masterMatchedDb >= db;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "at least %.1f dB less than in the mix", db);
        }
    }

    /** The level-matched band level must end at or below {@code db} (band dBFS minus the version's LUFS). */
    record AtMostDb(double db) implements Expectation {
        public AtMostDb {
            if (!Double.isFinite(db)) {
                throw new IllegalArgumentException("atMostDb needs a finite level, got " + db);
            }
        }

        @Override
        public boolean met(double mixMatchedDb, double masterMatchedDb) {
            return masterMatchedDb <= db;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "at most %.1f dB against the loudness", db);
        }
    }
}
