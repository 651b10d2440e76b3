package org.freshears.report;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A step's settings as a reader wants them: {@code Limiter(ceilingDbtp -1, releaseMs 100, inputGainDb 7.152)}
 * rather than the record's {@code inputGainDb=7.151734120861} — numbers to at most 3 decimals (a thousandth
 * of a dB or Hz is below anything audible; the session file keeps the exact values).
 */
final class SettingsText {
    private static final int DECIMALS = 3;

    private SettingsText() {
    }

    static String of(Object value) {
        if (value instanceof org.freshears.chain.MatchEq || value instanceof org.freshears.chain.MatchEqCurve) {
            return value.toString(); // hundreds of points: its own summary names the settings and the extremes
        }
        if (value instanceof Record r) {
            return ofRecord(r);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SettingsText::of).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return String.valueOf(d);
            }
            BigDecimal rounded = BigDecimal.valueOf(d).setScale(DECIMALS, java.math.RoundingMode.HALF_EVEN)
                    .stripTrailingZeros();
            String s = rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        return String.valueOf(value);
    }

    private static String ofRecord(Record r) {
        StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('(');
        RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Object v;
            try {
                v = components[i].getAccessor().invoke(r);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // A record we may not read (not public): its own toString still shows every parameter.
                return r.toString();
            }
            sb.append(i == 0 ? "" : ", ").append(components[i].getName()).append(' ').append(of(v));
        }
        return sb.append(')').toString();
    }
}
