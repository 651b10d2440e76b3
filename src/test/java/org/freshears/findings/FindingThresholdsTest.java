package org.freshears.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every threshold can be tuned on its own: each wither changes its component and nothing else. */
class FindingThresholdsTest {
    @Test
    void eachWitherChangesExactlyItsOwnComponent() throws Exception {
        FindingThresholds defaults = FindingThresholds.DEFAULTS;
        RecordComponent[] components = FindingThresholds.class.getRecordComponents();
        int withers = 0;
        for (Method wither : FindingThresholds.class.getDeclaredMethods()) {
            if (!wither.getName().startsWith("with") || !Modifier.isPublic(wither.getModifiers())) {
                continue;
            }
            withers++;
            String name = Character.toLowerCase(wither.getName().charAt(4)) + wither.getName().substring(5);
            Class<?> type = wither.getParameterTypes()[0];
            Object value = type == int.class ? (Object) 97 : type == double.class ? (Object) 12345.5
                    : new TonalTarget(new double[] {100, 1000}, new double[] {0, -3});
            FindingThresholds tuned = (FindingThresholds) wither.invoke(defaults, value);
            for (RecordComponent c : components) {
                Object before = c.getAccessor().invoke(defaults);
                Object after = c.getAccessor().invoke(tuned);
                if (c.getName().equals(name)) {
                    assertEquals(value, after, wither.getName());
                    assertNotEquals(before, after, wither.getName() + " changed nothing");
                } else {
                    assertEquals(before, after, wither.getName() + " also changed " + c.getName());
                }
            }
        }
        Set<String> named = Arrays.stream(FindingThresholds.class.getDeclaredMethods())
                .map(Method::getName).filter(n -> n.startsWith("with") && n.length() > 4).collect(Collectors.toSet());
        assertTrue(withers >= components.length - 1, withers + " withers for " + components.length + " thresholds: "
                + named);
    }
}
