package org.freshears.session.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * Values of an open family (steps, conditions, expectations) written as {@code {"type": "bell", ...every
 * record component...}}. The type name is looked up in an explicit {@link TypeRegistry}; the rest of the
 * object is bound to that record's canonical constructor, which validates it. Nothing else is ever
 * instantiated, whatever the file says.
 */
final class TypedJson {
    static final String TYPE = "type";

    private TypedJson() {
    }

    static <T> JsonSerializer<T> serializer(TypeRegistry<T> registry, ObjectMapper plain) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                ObjectNode node = plain.createObjectNode();
                node.put(TYPE, registry.nameOf(value));
                JsonNode body = plain.valueToTree(value);
                if (body.has(TYPE)) {
                    throw new IllegalStateException(value.getClass().getName() + " has a component named '" + TYPE
                            + "', which the session format reserves");
                }
                node.setAll((ObjectNode) body);
                requireFinite(node, value);
                node.serialize(gen, provider);
            }
        };
    }

    static <T> JsonDeserializer<T> deserializer(TypeRegistry<T> registry, ObjectReader strict) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonNode node = ctxt.readTree(p);
                if (!node.isObject()) {
                    throw new Fault(p, registry.kind() + " must be an object with a '" + TYPE + "', got "
                            + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT), null);
                }
                JsonNode type = node.get(TYPE);
                if (type == null) {
                    throw new Fault(p, "missing field '" + TYPE + "'", null);
                }
                Class<? extends T> target = type.isTextual() ? registry.classOf(type.textValue()) : null;
                if (target == null) {
                    throw new Fault(p, "unknown " + registry.kind() + " " + (type.isTextual() ? "'" + type.textValue()
                            + "'" : type.toString()) + " (known: " + String.join(", ", registry.names()) + ")",
                            type.isTextual() ? type.textValue() : null);
                }
                ObjectNode body = ((ObjectNode) node).deepCopy();
                body.remove(TYPE);
                return strict.treeToValue(body, target);
            }
        };
    }

    /** JSON has no NaN or infinity; a step record never holds one (its constructor refuses it). */
    private static void requireFinite(JsonNode node, Object value) {
        if (node.isDouble() || node.isFloat()) {
            if (!Double.isFinite(node.doubleValue())) {
                throw new IllegalStateException("cannot save " + value + ": it holds " + node.doubleValue()
                        + ", which JSON cannot represent");
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            requireFinite(field.getValue(), value);
        }
        if (node.isArray()) {
            node.forEach(n -> requireFinite(n, value));
        }
    }

    /** A typed value the registry cannot bind: no type, or one it does not know. */
    static final class Fault extends JsonMappingException {
        private static final long serialVersionUID = 1L;
        /** The unknown type name, if there was one. */
        final transient String unknownType;

        Fault(JsonParser p, String message, String unknownType) {
            super(p, message);
            this.unknownType = unknownType;
        }
    }
}
