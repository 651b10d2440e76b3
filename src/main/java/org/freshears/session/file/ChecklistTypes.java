package org.freshears.session.file;

import java.util.LinkedHashMap;
import java.util.Map;
import org.freshears.checklist.Condition;
import org.freshears.checklist.Expectation;

/** The condition and expectation kinds a session file may name. Names are file format: never rename one. */
final class ChecklistTypes {
    static final TypeRegistry<Condition> CONDITIONS = new TypeRegistry<>("condition type", conditions());
    static final TypeRegistry<Expectation> EXPECTATIONS = new TypeRegistry<>("expectation type", expectations());

    private ChecklistTypes() {
    }

    private static Map<String, Class<? extends Condition>> conditions() {
        Map<String, Class<? extends Condition>> m = new LinkedHashMap<>();
        m.put("within", Condition.Within.class);
        m.put("atMost", Condition.AtMost.class);
        m.put("atLeast", Condition.AtLeast.class);
        m.put("between", Condition.Between.class);
        m.put("keptFromMix", Condition.KeptFromMix.class);
        return m;
    }

    private static Map<String, Class<? extends Expectation>> expectations() {
        Map<String, Class<? extends Expectation>> m = new LinkedHashMap<>();
        m.put("reduceBy", Expectation.ReduceBy.class);
        m.put("atMostDb", Expectation.AtMostDb.class);
        return m;
    }
}
