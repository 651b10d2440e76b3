package org.freshears.session.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.freshears.checklist.CheckMetric;
import org.freshears.checklist.Condition;
import org.freshears.checklist.Expectation;

/**
 * The condition and expectation kinds a session file may name, and how a check's metric is written: by its
 * {@link CheckMetric#fileName} ({@code TRUE_PEAK_DBTP}, {@code TRUE_PEAK_DBTP through aac:256}). Names are file
 * format: never rename one. Reading a metric names it only: nothing is measured, so no ffmpeg is needed.
 */
final class ChecklistTypes {
    static final TypeRegistry<Condition> CONDITIONS = new TypeRegistry<>("condition type", conditions());
    static final TypeRegistry<Expectation> EXPECTATIONS = new TypeRegistry<>("expectation type", expectations());

    static final JsonSerializer<CheckMetric> METRIC_SERIALIZER = new JsonSerializer<>() {
        @Override
        public void serialize(CheckMetric metric, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(metric.fileName());
        }
    };

    static final JsonDeserializer<CheckMetric> METRIC_DESERIALIZER = new JsonDeserializer<>() {
        @Override
        public CheckMetric deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() != JsonToken.VALUE_STRING) {
                throw new TypedJson.Fault(in, "metric must be a string such as \"TRUE_PEAK_DBTP\", got "
                        + in.currentToken(), null);
            }
            try {
                return CheckMetric.parse(in.getText());
            } catch (IllegalArgumentException e) {
                throw new TypedJson.Fault(in, e.getMessage(), null);
            }
        }
    };

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
