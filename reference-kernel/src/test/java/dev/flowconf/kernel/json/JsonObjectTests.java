package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** serde_json's BTreeMap semantics on two sorted arrays: key order, the last put wins, copies on write. */
class JsonObjectTests {

    @Test
    void keysComeOutInCodePointOrderWhateverOrderTheyWentIn() {
        JsonObject o = JsonObject.builder().put("b", JsonNumber.ofU64(2)).put("a", JsonNumber.ofU64(1))
                .put("\uD83D\uDE00", JsonNumber.ofU64(4)).put("\uFFFF", JsonNumber.ofU64(3)).build();
        // U+FFFF before U+1F600: code points, not UTF-16 units
        assertEquals(List.of("a", "b", "\uFFFF", "\uD83D\uDE00"), o.keys());
        assertEquals("{\"a\":1,\"b\":2,\"\uFFFF\":3,\"\uD83D\uDE00\":4}", JsonWriter.toJson(o));
    }

    @Test
    void theLastPutOfAKeyWinsInOrderOrNot() {
        JsonObject inOrder = JsonObject.builder().put("a", JsonString.of("1")).put("a", JsonString.of("2")).build();
        assertEquals("{\"a\":\"2\"}", JsonWriter.toJson(inOrder));
        JsonObject shuffled = JsonObject.builder().put("b", JsonString.of("1")).put("a", JsonString.of("x"))
                .put("b", JsonString.of("2")).put("a", JsonString.of("y")).put("b", JsonString.of("3")).build();
        assertEquals("{\"a\":\"y\",\"b\":\"3\"}", JsonWriter.toJson(shuffled));
        assertEquals(2, shuffled.size());
    }

    @Test
    void aBuilderUsedAfterBuildLeavesTheBuiltObjectAlone() {
        JsonObject.Builder b = JsonObject.builder().put("a", JsonBool.TRUE);
        JsonObject first = b.build();
        JsonObject second = b.put("a", JsonBool.FALSE).put("0", JsonNull.INSTANCE).build();
        assertEquals("{\"a\":true}", JsonWriter.toJson(first));
        assertEquals("{\"0\":null,\"a\":false}", JsonWriter.toJson(second));
    }

    @Test
    void lookupsCopiesAndEquality() {
        JsonObject o = JsonObject.builder().put("k", JsonString.of("v")).put("j", JsonNull.INSTANCE).build();
        assertEquals(JsonString.of("v"), o.get("k"));
        assertNull(o.get("missing"));
        assertEquals("{\"j\":null,\"k\":\"v\",\"l\":true}", JsonWriter.toJson(o.with("l", JsonBool.TRUE)));
        assertEquals("{\"k\":\"v\"}", JsonWriter.toJson(o.without("j")));
        assertSame(o, o.without("missing"));
        assertEquals(o, JsonObject.builder().put("j", JsonNull.INSTANCE).put("k", JsonString.of("v")).build());
        assertEquals(o.hashCode(), JsonObject.builder().put("j", JsonNull.INSTANCE).put("k", JsonString.of("v")).build()
                .hashCode());
        assertSame(JsonObject.empty(), JsonObject.builder().build());
    }

    @Test
    void oneHundredThousandKeysInAnyOrderAreSortedOnce() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) keys.add("k" + i);
        Collections.shuffle(keys, new Random(7));
        JsonObject.Builder b = JsonObject.builder();
        for (String k : keys) b.put(k, JsonNumber.ofU64(1));
        JsonObject o = b.build(); // an insertion per put would move ~2.5e9 references here
        assertEquals(100_000, o.size());
        assertEquals("k0", o.keys().get(0));
        assertEquals(JsonNumber.ofU64(1), o.get("k99999"));
    }
}
