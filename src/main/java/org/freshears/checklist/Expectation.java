package org.freshears.checklist;

import java.util.Locale;

/**
 * What must be measured for a problem area to count as fixed. Levels are the band's energy relative to
 * the whole spectrum in the problem's span (dB), so making the master louder neither hides nor fakes a
 * fix.
 */
public sealed interface Expectation {

    /** The default: at least 1 dB less, relative to the whole spectrum, than in the mix. */
    Expectation DEFAULT = new ReduceBy(1.0);

    boolean met(double mixRelativeDb, double masterRelativeDb);

    String describe();

    /** The relative band level must fall by at least {@code db} from the mix. */
    record ReduceBy(double db) implements Expectation {
        public ReduceBy {
            if (!(db > 0) || !Double.isFinite(db)) {
                throw new IllegalArgumentException("reduceBy needs a reduction > 0 dB, got " + db);
            }
        }

        @Override
        public boolean met(double mixRelativeDb, double masterRelativeDb) {
            return mixRelativeDb - masterRelativeDb >= db;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "at least %.1f dB less than in the mix", db);
        }
    }

    /** The relative band level must end at or below {@code db}. */
    record AtMostDb(double db) implements Expectation {
        public AtMostDb {
            if (!Double.isFinite(db)) {
                throw new IllegalArgumentException("atMostDb needs a finite level, got " + db);
            }
        }

        @Override
        public boolean met(double mixRelativeDb, double masterRelativeDb) {
            return masterRelativeDb <= db;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "at most %.1f dB relative to the whole spectrum", db);
        }
    }
}
