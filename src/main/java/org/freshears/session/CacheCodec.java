package org.freshears.session;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.chain.GainReductionTrace;

/**
 * Cached results as bytes, and back: records by their components (made again through their canonical
 * constructors, so every check a record makes runs again), enums by name, lists, maps, arrays, strings and
 * numbers, audio as raw floats. Reading makes only records and enums of this program (and the two classes
 * below): a class name outside {@code org.freshears} is refused, so bytes never choose what runs.
 */
final class CacheCodec {
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int INT = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int BOOLEAN = 5;
    private static final int FLOAT = 6;
    private static final int ENUM = 7;
    private static final int RECORD = 8;
    private static final int LIST = 9;
    private static final int MAP = 10;
    private static final int DOUBLES = 11;
    private static final int FLOATS = 12;
    private static final int INTS = 13;
    private static final int BYTES = 14;
    private static final int ARRAY = 15;
    private static final int AUDIO = 16;
    private static final int TRACE = 17;
    private static final int LONGS = 18;
    private static final int BOOLEANS = 19;
    private static final String OURS = "org.freshears.";
    /** Floats converted per chunk: big enough for speed, small enough not to double the audio in memory. */
    private static final int CHUNK_FLOATS = 1 << 16;

    private CacheCodec() {
    }

    /** Thrown for bytes that do not decode to what this program writes. */
    static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    /** Thrown for a value this codec cannot write (then nothing is cached). */
    static final class Unwritable extends IOException {
        Unwritable(String message) {
            super(message);
        }
    }

    static void write(Object v, DataOutputStream out) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            writeString(s, out);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeInt(Float.floatToRawIntBits(f));
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof Enum<?> e) {
            out.writeByte(ENUM);
            writeString(ownClass(e.getDeclaringClass()), out);
            writeString(e.name(), out);
        } else if (v instanceof AudioBuffer a) {
            out.writeByte(AUDIO);
            out.writeInt(a.sampleRate());
            write(a.layout(), out);
            out.writeInt(a.channels());
            out.writeInt(a.frames());
            for (float[] channel : a.planar()) {
                writeFloats(channel, out);
            }
        } else if (v instanceof GainReductionTrace t) {
            out.writeByte(TRACE);
            writeFields(t, out);
        } else if (v.getClass().isRecord()) {
            out.writeByte(RECORD);
            writeString(ownClass(v.getClass()), out);
            RecordComponent[] components = v.getClass().getRecordComponents();
            out.writeInt(components.length);
            for (RecordComponent component : components) {
                write(fieldValue(v, component.getName()), out);
            }
        } else if (v instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                write(item, out);
            }
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(e.getKey(), out);
                write(e.getValue(), out);
            }
        } else if (v instanceof double[] a) {
            out.writeByte(DOUBLES);
            out.writeInt(a.length);
            for (double d : a) {
                out.writeLong(Double.doubleToRawLongBits(d));
            }
        } else if (v instanceof float[] a) {
            out.writeByte(FLOATS);
            writeFloats(a, out);
        } else if (v instanceof int[] a) {
            out.writeByte(INTS);
            out.writeInt(a.length);
            for (int i : a) {
                out.writeInt(i);
            }
        } else if (v instanceof long[] a) {
            out.writeByte(LONGS);
            out.writeInt(a.length);
            for (long l : a) {
                out.writeLong(l);
            }
        } else if (v instanceof boolean[] a) {
            out.writeByte(BOOLEANS);
            out.writeInt(a.length);
            for (boolean b : a) {
                out.writeBoolean(b);
            }
        } else if (v instanceof byte[] a) {
            out.writeByte(BYTES);
            out.writeInt(a.length);
            out.write(a);
        } else if (v instanceof Object[] a) {
            out.writeByte(ARRAY);
            writeString(arrayClass(a.getClass().getComponentType()), out);
            out.writeInt(a.length);
            for (Object item : a) {
                write(item, out);
            }
        } else {
            throw new Unwritable("cannot cache a " + v.getClass().getName());
        }
    }

    static Object read(ByteBuffer in) throws IOException {
        try {
            return readValue(in, 0);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException | ClassCastException
                | NegativeArraySizeException | IndexOutOfBoundsException e) {
            throw new Unreadable("cannot decode: " + e);
        }
    }

    private static Object readValue(ByteBuffer in, int depth) throws IOException {
        if (depth > 64) {
            throw new Unreadable("nested too deep");
        }
        int tag = in.get();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return readString(in);
            case INT:
                return in.getInt();
            case LONG:
                return in.getLong();
            case DOUBLE:
                return Double.longBitsToDouble(in.getLong());
            case FLOAT:
                return Float.intBitsToFloat(in.getInt());
            case BOOLEAN:
                return in.get() != 0;
            case ENUM: {
                Class<?> type = ownClass(readString(in));
                if (!type.isEnum()) {
                    throw new Unreadable(type.getName() + " is not an enum");
                }
                String name = readString(in);
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(name)) {
                        return constant;
                    }
                }
                throw new Unreadable("no constant " + name + " in " + type.getName());
            }
            case AUDIO: {
                int rate = in.getInt();
                ChannelLayout layout = (ChannelLayout) readValue(in, depth + 1);
                int channels = in.getInt();
                int frames = in.getInt();
                float[][] samples = new float[channels][];
                for (int c = 0; c < channels; c++) {
                    samples[c] = readFloats(in);
                    if (samples[c].length != frames) {
                        throw new Unreadable("channel " + c + " has " + samples[c].length + " frames, not " + frames);
                    }
                }
                return new AudioBuffer(samples, rate, layout);
            }
            case TRACE:
                return readTrace(in, depth);
            case RECORD:
                return readRecord(in, depth);
            case LIST: {
                int n = count(in);
                List<Object> list = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    list.add(readValue(in, depth + 1));
                }
                return list;
            }
            case MAP: {
                int n = count(in);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(readValue(in, depth + 1), readValue(in, depth + 1));
                }
                return map;
            }
            case DOUBLES: {
                double[] a = new double[count(in)];
                in.asDoubleBuffer().get(a);
                in.position(in.position() + 8 * a.length);
                return a;
            }
            case FLOATS:
                return readFloats(in);
            case INTS: {
                int[] a = new int[count(in)];
                in.asIntBuffer().get(a);
                in.position(in.position() + 4 * a.length);
                return a;
            }
            case LONGS: {
                long[] a = new long[count(in)];
                in.asLongBuffer().get(a);
                in.position(in.position() + 8 * a.length);
                return a;
            }
            case BOOLEANS: {
                boolean[] a = new boolean[count(in)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.get() != 0;
                }
                return a;
            }
            case BYTES: {
                byte[] a = new byte[count(in)];
                in.get(a);
                return a;
            }
            case ARRAY: {
                Class<?> component = arrayComponent(readString(in));
                int n = count(in);
                Object[] a = (Object[]) java.lang.reflect.Array.newInstance(component, n);
                for (int i = 0; i < n; i++) {
                    a[i] = readValue(in, depth + 1);
                }
                return a;
            }
            default:
                throw new Unreadable("unknown tag " + tag);
        }
    }

    private static Object readRecord(ByteBuffer in, int depth) throws IOException {
        Class<?> type = ownClass(readString(in));
        if (!type.isRecord()) {
            throw new Unreadable(type.getName() + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        if (in.getInt() != components.length) {
            throw new Unreadable(type.getName() + " has " + components.length + " components now");
        }
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = readValue(in, depth + 1);
            if (values[i] instanceof List<?> list && types[i] == List.class) {
                values[i] = java.util.Collections.unmodifiableList(list);
            }
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new Unreadable("cannot make a " + type.getName() + ": " + e);
        }
    }

    /** A trace is a plain class (it records while a processor runs): every field is written. */
    private static void writeFields(GainReductionTrace t, DataOutputStream out) throws IOException {
        for (Field field : traceFields()) {
            try {
                write(field.get(t), out);
            } catch (IllegalAccessException e) {
                throw new Unwritable("cannot read " + field + ": " + e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static GainReductionTrace readTrace(ByteBuffer in, int depth) throws IOException {
        GainReductionTrace t = new GainReductionTrace(1, 0);
        for (Field field : traceFields()) {
            Object value = readValue(in, depth + 1);
            try {
                if (field.getName().equals("bands")) {
                    List<GainReductionTrace> bands = (List<GainReductionTrace>) field.get(t);
                    for (Object band : (List<Object>) value) {
                        bands.add((GainReductionTrace) band);
                    }
                } else {
                    field.set(t, value);
                }
            } catch (IllegalAccessException | IllegalArgumentException | ClassCastException e) {
                throw new Unreadable("cannot set " + field + ": " + e);
            }
        }
        return t;
    }

    private static List<Field> traceFields() {
        List<Field> fields = new ArrayList<>();
        for (Field field : GainReductionTrace.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        fields.sort(java.util.Comparator.comparing(Field::getName));
        return fields;
    }

    private static Object fieldValue(Object record, String name) throws Unwritable {
        try {
            Field field = record.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new Unwritable("cannot read " + record.getClass().getName() + "." + name + ": " + e);
        }
    }

    private static void writeFloats(float[] a, DataOutputStream out) throws IOException {
        out.writeInt(a.length);
        ByteBuffer chunk = ByteBuffer.allocate(4 * Math.min(a.length, CHUNK_FLOATS)).order(ByteOrder.BIG_ENDIAN);
        for (int from = 0; from < a.length; from += CHUNK_FLOATS) {
            int n = Math.min(CHUNK_FLOATS, a.length - from);
            chunk.clear();
            chunk.asFloatBuffer().put(a, from, n);
            out.write(chunk.array(), 0, 4 * n);
        }
    }

    private static float[] readFloats(ByteBuffer in) throws Unreadable {
        float[] a = new float[count(in)];
        in.asFloatBuffer().get(a);
        in.position(in.position() + 4 * a.length);
        return a;
    }

    private static int count(ByteBuffer in) throws Unreadable {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new Unreadable("bad length " + n);
        }
        return n;
    }

    private static void writeString(String s, DataOutputStream out) throws IOException {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(ByteBuffer in) throws Unreadable {
        byte[] bytes = new byte[count(in)];
        in.get(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String ownClass(Class<?> type) throws Unwritable {
        if (!type.getName().startsWith(OURS)) {
            throw new Unwritable("cannot cache a " + type.getName());
        }
        return type.getName();
    }

    private static Class<?> ownClass(String name) throws Unreadable {
        if (!name.startsWith(OURS)) {
            throw new Unreadable("refused class " + name);
        }
        try {
            // Not initialised here: a refused class runs no code.
            Class<?> type = Class.forName(name, false, CacheCodec.class.getClassLoader());
            if (!type.isRecord() && !type.isEnum()) {
                throw new Unreadable("refused class " + name);
            }
            return type;
        } catch (ClassNotFoundException e) {
            throw new Unreadable("no class " + name);
        }
    }

    private static String arrayClass(Class<?> component) throws Unwritable {
        if (component == double[].class || component == float[].class || component == int[].class
                || component == String.class || component == Object.class) {
            return component.getName();
        }
        return ownClass(component);
    }

    private static Class<?> arrayComponent(String name) throws Unreadable {
        return switch (name) {
            case "[D" -> double[].class;
            case "[F" -> float[].class;
            case "[I" -> int[].class;
            case "java.lang.String" -> String.class;
            case "java.lang.Object" -> Object.class;
            default -> ownClass(name);
        };
    }
}
