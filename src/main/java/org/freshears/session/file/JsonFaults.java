package org.freshears.session.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns Jackson's binding failures into one line a user can act on, naming the place in session terms:
 * "missing field 'ratio' in step 3 ('glue') processor 1 (compressor)".
 */
final class JsonFaults {
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");
    private static final Pattern NULL_CREATOR = Pattern.compile("Null value for creator property '([^']+)'");

    private JsonFaults() {
    }

    static String notJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column "
                + at.getColumnNr();
        return "not valid JSON" + where + ": " + firstLine(e.getOriginalMessage());
    }

    static String describe(JsonMappingException e, JsonNode root) {
        List<Reference> path = e.getPath();
        if (e instanceof UnrecognizedPropertyException u) {
            List<Reference> owner = path.isEmpty() ? path : path.subList(0, path.size() - 1);
            return "unknown field '" + u.getPropertyName() + "' " + in(owner, root, true);
        }
        if (e instanceof TypedJson.Fault f) {
            return firstLine(f.getOriginalMessage()) + " " + in(path, root, false);
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = e.getCause();
            String why = firstLine(cause != null && cause.getMessage() != null ? cause.getMessage()
                    : e.getOriginalMessage());
            Class<?> type = v.getType() == null ? null : v.getType().getRawClass();
            boolean ownModel = type == SessionRecord.class || type != null && type.getEnclosingClass() == SessionRecord.class;
            // The session's own records name the step or render in their messages already.
            return ownModel ? why : "invalid " + place(path, root, true) + ": " + why;
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            return "missing field '" + missing.group(1) + "' " + in(path, root, true);
        }
        Matcher nul = NULL_CREATOR.matcher(message);
        if (nul.find()) {
            return "field '" + nul.group(1) + "' is null " + in(withoutField(path, nul.group(1)), root, true)
                    + "; every field needs a value";
        }
        if (e instanceof MismatchedInputException m && !path.isEmpty() && path.get(path.size() - 1).getFieldName() != null) {
            List<Reference> owner = path.subList(0, path.size() - 1);
            String field = path.get(path.size() - 1).getFieldName();
            JsonNode ownerNode = nodeAt(root, owner);
            if (ownerNode != null && ownerNode.isObject() && !ownerNode.has(field)) {
                return "missing field '" + field + "' " + in(owner, root, true);
            }
            JsonNode value = ownerNode == null ? null : ownerNode.get(field);
            return "field '" + field + "' " + in(owner, root, true) + ": " + expected(m, value);
        }
        return place(path, root, true) + ": " + firstLine(message);
    }

    private static String expected(MismatchedInputException m, JsonNode value) {
        Class<?> target = m.getTargetType();
        String got = value == null ? "" : ", got " + abbreviate(value.toString());
        if (target == null) {
            return firstLine(m.getOriginalMessage());
        }
        if (target.isEnum()) {
            return "expected one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + got;
        }
        if (target == double.class || target == Double.class) {
            return "expected a number" + got;
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "expected a whole number" + got;
        }
        if (target == boolean.class || target == Boolean.class) {
            return "expected true or false" + got;
        }
        if (target == String.class) {
            return "expected a string" + got;
        }
        if (List.class.isAssignableFrom(target)) {
            return "expected an array" + got;
        }
        return "expected " + (target.isRecord() ? "an object" : target.getSimpleName()) + got;
    }

    private static String abbreviate(String json) {
        return json.length() <= 40 ? json : json.substring(0, 37) + "...";
    }

    private static List<Reference> withoutField(List<Reference> path, String field) {
        if (!path.isEmpty() && field.equals(path.get(path.size() - 1).getFieldName())) {
            return path.subList(0, path.size() - 1);
        }
        return path;
    }

    /** The node a binding path points to, or null when the path leaves the tree. */
    private static JsonNode nodeAt(JsonNode root, List<Reference> path) {
        JsonNode node = root;
        for (Reference r : path) {
            if (node == null) {
                return null;
            }
            node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
        }
        return node;
    }

    private static String in(List<Reference> path, JsonNode root, boolean withType) {
        String place = place(path, root, withType);
        return place.equals("the session") ? "at the top level" : "in " + place;
    }

    /**
     * The place a path points to: "step 3 ('glue') processor 1 (compressor)", "render 2 ('master.wav')",
     * "mix.format", "step 1 ('loudness') resolved processor 1 (limiter) field limiter" ...
     */
    static String place(List<Reference> path, JsonNode root, boolean withType) {
        StringBuilder sb = new StringBuilder();
        JsonNode node = root;
        int i = 0;
        if (path.size() >= 2 && path.get(0).getFieldName() != null && path.get(1).getIndex() >= 0) {
            String list = path.get(0).getFieldName();
            int index = path.get(1).getIndex();
            node = child(child(root, list), index);
            sb.append(singular(list)).append(' ').append(index + 1).append(label(node));
            i = 2;
            if (list.equals("steps") && path.size() >= 4 && path.get(3).getIndex() >= 0
                    && ("processors".equals(path.get(2).getFieldName()) || "resolved".equals(path.get(2).getFieldName()))) {
                boolean resolved = "resolved".equals(path.get(2).getFieldName());
                int p = path.get(3).getIndex();
                node = child(child(node, path.get(2).getFieldName()), p);
                sb.append(resolved ? " resolved processor " : " processor ").append(p + 1);
                JsonNode type = node == null ? null : node.get(TypedJson.TYPE);
                if (withType && type != null && type.isTextual()) {
                    sb.append(" (").append(type.textValue()).append(')');
                }
                i = 4;
            }
        }
        StringBuilder rest = new StringBuilder();
        for (; i < path.size(); i++) {
            Reference r = path.get(i);
            if (r.getFieldName() != null) {
                rest.append(rest.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                rest.append('[').append(r.getIndex()).append(']');
            }
        }
        if (rest.length() > 0) {
            sb.append(sb.length() == 0 ? "" : " field ").append(rest);
        }
        return sb.length() == 0 ? "the session" : sb.toString();
    }

    private static JsonNode child(JsonNode node, String field) {
        return node == null ? null : node.get(field);
    }

    private static JsonNode child(JsonNode node, int index) {
        return node == null ? null : node.get(index);
    }

    private static String label(JsonNode node) {
        JsonNode name = node == null ? null : node.get("name");
        if (name == null) {
            name = node == null ? null : node.get("path");
        }
        return name != null && name.isTextual() ? " ('" + name.textValue() + "')" : "";
    }

    private static String singular(String list) {
        return switch (list) {
            case "steps" -> "step";
            case "renders" -> "render";
            case "problems" -> "problem";
            case "checks" -> "check";
            case "notes" -> "note";
            case "sections" -> "section";
            case "listeningTests" -> "listening test";
            case "references" -> "reference";
            case "trials" -> "trial";
            default -> list;
        };
    }

    static String kind(JsonNode node) {
        return node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("").strip();
        // Control characters from a binary file would garble the terminal.
        return line.replaceAll("\\p{Cntrl}", "?");
    }
}
