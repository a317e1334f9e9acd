package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The value model: kinds, accessors, structural equality and the sorted object. */
class JsonValueTests {

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("null", JsonNull.INSTANCE),
                Arguments.of("boolean", JsonBool.TRUE),
                Arguments.of("number", JsonNumber.ofU64(1)),
                Arguments.of("string", JsonString.of("s")),
                Arguments.of("array", JsonArray.of(List.of())),
                Arguments.of("object", JsonObject.empty()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void kinds(String kind, JsonValue value) {
        assertEquals(kind.equals("null"), value.isNull());
        assertEquals(kind.equals("boolean"), value.isBoolean());
        assertEquals(kind.equals("number"), value.isNumber());
        assertEquals(kind.equals("string"), value.isString());
        assertEquals(kind.equals("array"), value.isArray());
        assertEquals(kind.equals("object"), value.isObject());
        checkAccessor(value.isBoolean(), value::asBoolean);
        checkAccessor(value.isNumber(), value::asNumber);
        checkAccessor(value.isString(), value::asString);
        checkAccessor(value.isArray(), value::asArray);
        checkAccessor(value.isObject(), value::asObject);
    }

    private static void checkAccessor(boolean allowed, Runnable accessor) {
        if (allowed) {
            accessor.run();
        } else {
            assertThrows(IllegalStateException.class, accessor::run);
        }
    }

    @Test
    void numberKindsFollowSerde() {
        assertEquals(JsonNumber.Kind.U64, JsonNumber.ofI64(5).kind());
        assertEquals(JsonNumber.ofU64(5), JsonNumber.ofI64(5));
        assertEquals(JsonNumber.Kind.I64, JsonNumber.ofI64(-5).kind());
        assertEquals(-5, JsonNumber.ofI64(-5).longBits());
        assertTrue(JsonNumber.ofI64(-5).isIntegral());
        assertFalse(JsonNumber.ofF64(1.0).isIntegral());
        assertNotEquals(JsonNumber.ofU64(1), JsonNumber.ofF64(1.0));
        assertThrows(IllegalStateException.class, () -> JsonNumber.ofF64(1.5).longBits());
        assertEquals(1.5, JsonNumber.ofF64(1.5).doubleValue());
    }

    @Test
    void zeroFloatsAreEqualLikeSerdeButPrintTheirSign() {
        JsonNumber plus = JsonNumber.ofF64(0.0);
        JsonNumber minus = JsonNumber.ofF64(-0.0);
        assertEquals(plus, minus);
        assertEquals(plus.hashCode(), minus.hashCode());
        assertEquals("-0.0", minus.toString());
    }

    @Test
    void structuralEquality() throws JsonParseException {
        JsonValue a = JsonParser.parse("{\"x\":[1,-2,3.5,\"s\",null,true],\"y\":{}}");
        JsonValue b = JsonObject.builder()
                .put("y", JsonObject.empty())
                .put("x", JsonArray.of(List.of(JsonNumber.ofU64(1), JsonNumber.ofI64(-2), JsonNumber.ofF64(3.5),
                        JsonString.of("s"), JsonNull.INSTANCE, JsonBool.of(true))))
                .build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, JsonParser.parse("{\"x\":[1,-2,3.5,\"s\",null,false],\"y\":{}}"));
    }

    @Test
    void arraysAreImmutableCopies() {
        List<JsonValue> source = new ArrayList<>(List.of(JsonBool.TRUE));
        JsonArray array = JsonArray.of(source);
        source.add(JsonBool.FALSE);
        assertEquals(1, array.size());
        assertSame(JsonBool.TRUE, array.get(0));
        assertThrows(UnsupportedOperationException.class, () -> array.items().add(JsonNull.INSTANCE));
    }

    @Test
    void objectBuilderKeepsLastPutAndSortsByCodePoint() {
        JsonObject object = JsonObject.builder()
                .put("\uFF21", JsonNumber.ofU64(1))
                .put("\uD83D\uDE00", JsonNumber.ofU64(2))
                .put("a", JsonNumber.ofU64(3))
                .put("a", JsonNumber.ofU64(4))
                .build();
        assertEquals(List.of("a", "\uFF21", "\uD83D\uDE00"), object.keys());
        assertEquals(JsonNumber.ofU64(4), object.get("a"));
        assertEquals(3, object.size());
        assertTrue(object.has("a"));
        assertFalse(object.has("b"));
        assertNull(object.get("b"));
    }

    @Test
    void withAndWithoutReturnCopies() {
        JsonObject original = JsonObject.builder().put("a", JsonBool.TRUE).build();
        JsonObject added = original.with("b", JsonBool.FALSE);
        JsonObject replaced = original.with("a", JsonNull.INSTANCE);
        JsonObject removed = added.without("a");
        assertEquals("{\"a\":true}", original.toString());
        assertEquals("{\"a\":true,\"b\":false}", added.toString());
        assertEquals("{\"a\":null}", replaced.toString());
        assertEquals("{\"b\":false}", removed.toString());
        assertSame(original, original.without("zzz"));
        assertEquals(JsonObject.empty(), original.without("a"));
    }

    @Test
    void builderCanBeReusedWithoutChangingBuiltObjects() {
        JsonObject.Builder builder = JsonObject.builder().put("a", JsonBool.TRUE);
        JsonObject first = builder.build();
        builder.put("b", JsonBool.TRUE);
        assertEquals(1, first.size());
        assertEquals(2, builder.build().size());
    }
}
