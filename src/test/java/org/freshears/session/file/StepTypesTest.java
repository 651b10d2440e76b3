package org.freshears.session.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.freshears.chain.Step;
import org.freshears.checklist.Condition;
import org.freshears.checklist.Expectation;
import org.junit.jupiter.api.Test;

/** The registry of step types is complete, and every step type survives record -> JSON -> record. */
class StepTypesTest {

    @Test
    void theRegistryNamesEveryStepRecordInTheChainPackage() throws Exception {
        Set<String> found = new TreeSet<>();
        for (Class<?> c : chainClasses()) {
            if (Step.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                assertTrue(c.isRecord(), c + " is a step but not a record: sessions can only save records");
                found.add(c.getName());
            }
        }
        Set<String> registered = StepTypes.all().values().stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(found, registered, "every step record needs a registry entry (and nothing else may have one)");
        assertEquals(21, found.size(), "the step types known when this test was written: " + found);
    }

    @Test
    void theChecklistRegistriesNameEveryPermittedSubclass() {
        assertEquals(Set.of(Condition.class.getPermittedSubclasses()),
                Set.copyOf(ChecklistTypes.CONDITIONS.entries().values()));
        assertEquals(Set.of(Expectation.class.getPermittedSubclasses()),
                Set.copyOf(ChecklistTypes.EXPECTATIONS.entries().values()));
    }

    @Test
    void theSamplesCoverEveryRegisteredType() {
        Set<String> sampled = StepSamples.all().stream().map(StepTypes::nameOf).collect(Collectors.toSet());
        assertEquals(StepTypes.all().keySet(), sampled);
    }

    @Test
    void everyStepTypeRoundTripsThroughJsonToAnEqualRecord() throws Exception {
        for (Step step : StepSamples.all()) {
            String json = SessionJson.MAPPER.writeValueAsString(step);
            Step back = SessionJson.MAPPER.readValue(json, Step.class);
            assertEquals(step, back, json);
            assertEquals(step.getClass(), back.getClass());
            // Exact doubles: 0.1 + 0.2 and 1/3 come back to the bit.
            assertEquals(json, SessionJson.MAPPER.writeValueAsString(back));
        }
    }

    @Test
    void aStepIsWrittenAsItsTypeThenEveryRecordComponentInOrder() throws Exception {
        for (Step step : StepSamples.all()) {
            JsonNode node = SessionJson.MAPPER.valueToTree(step);
            List<String> expected = new ArrayList<>(List.of("type"));
            Arrays.stream(step.getClass().getRecordComponents()).map(RecordComponent::getName).forEach(expected::add);
            assertEquals(expected, fieldNames(node), step.toString());
            assertEquals(StepTypes.nameOf(step), node.get("type").textValue());
            assertNestedRecordsComplete(step, node);
        }
    }

    @Test
    void numbersAreWrittenExactlyAndTheSameOnEveryJdk() throws Exception {
        // Schubfach shortest digits (Jackson's writer), not the JDK's Double.toString (which changed in 19).
        String json = SessionJson.MAPPER.writeValueAsString(StepSamples.all().get(16));
        assertEquals("{\"type\":\"limiter\",\"ceilingDbtp\":-1.2,\"releaseMs\":150.0,\"lookaheadMs\":4.0,"
                + "\"oversampling\":8,\"inputGainDb\":0.30000000000000004}", json);
        assertEquals("{\"type\":\"gain\",\"gainDb\":2.0E-5}", SessionJson.MAPPER.writeValueAsString(
                new org.freshears.chain.Gain(2.0E-5)));
    }

    /** Nested records (a loudness target's limiter, a multiband's bands) carry every component, no type. */
    private static void assertNestedRecordsComplete(Object value, JsonNode node) throws Exception {
        for (RecordComponent rc : value.getClass().getRecordComponents()) {
            Object v = rc.getAccessor().invoke(value);
            JsonNode n = node.get(rc.getName());
            if (v instanceof Record) {
                List<String> names = Arrays.stream(v.getClass().getRecordComponents()).map(RecordComponent::getName)
                        .toList();
                assertEquals(names, fieldNames(n), rc.getName() + " of " + value);
                assertNestedRecordsComplete(v, n);
            } else if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Record r) {
                        assertEquals(Arrays.stream(r.getClass().getRecordComponents()).map(RecordComponent::getName)
                                .toList(), fieldNames(n.get(i)), rc.getName() + "[" + i + "] of " + value);
                    }
                }
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }

    /** Every class compiled into org/freshears/chain (nested ones included), from the class output folder. */
    private static List<Class<?>> chainClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Step.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path folder = root.resolve("org/freshears/chain");
        assertTrue(Files.isDirectory(folder), "expected compiled classes in " + folder);
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String simple = f.getFileName().toString().replace(".class", "");
                classes.add(Class.forName("org.freshears.chain." + simple, false, Step.class.getClassLoader()));
            }
        }
        return classes;
    }
}
