package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writing then parsing gives the value back. serde without float_roundtrip does not read every ryu text back to
 * the same double (rules §1.3: ~30 % are an ulp off), so the identity is asserted for values whose doubles it
 * does read back exactly, and every other double is held to serde's own procedure instead.
 * Samples come from a printed seed; {@code -Dflowconf.seed=<seed>} replays them (see {@link JsonArbitraries}).
 */
// Samples drawn at run time from a fresh seed: the generated TeaVM runner replays recorded arguments, not a Random.
@Tag("jvm-only")
@ExtendWith(JsonArbitraries.ReplayHint.class)
class JsonRoundTripPropertyTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void parsingWhatWasWrittenGivesTheSameValueAndTheSameBytes(JsonValue value) throws JsonParseException {
        byte[] written = JsonWriter.toBytes(value);
        JsonValue parsed = JsonParser.parse(written);
        assertEquals(value, parsed, () -> TestBytes.show(written));
        assertArrayEquals(written, JsonWriter.toBytes(parsed), () -> TestBytes.show(written));
    }

    static Stream<Arguments> parsingWhatWasWrittenGivesTheSameValueAndTheSameBytes() {
        return JsonArbitraries.samples(JsonRoundTripPropertyTests.class,
                "parsingWhatWasWrittenGivesTheSameValueAndTheSameBytes", 1000, JsonArbitraries::exactlyReadableValue);
    }

    /** Not an identity in general: the double read back is the one serde's procedure computes from the text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void anyWrittenDoubleIsReadBackAsSerdeWouldReadIt(double d) throws JsonParseException {
        String text = JsonNumbers.formatF64(d);
        double expected = SerdeNumberModel.read(text).number.doubleValue();
        double actual = JsonParser.parse(text).asNumber().doubleValue();
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> text + " read as " + actual + ", serde reads " + expected);
    }

    static Stream<Arguments> anyWrittenDoubleIsReadBackAsSerdeWouldReadIt() {
        return JsonArbitraries.samples(JsonRoundTripPropertyTests.class, "anyWrittenDoubleIsReadBackAsSerdeWouldReadIt",
                2000, JsonArbitraries::anyDouble);
    }

    /** The exact subset really is exact, sign of zero included: guards the generator the first property relies on. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void theExactlyReadableDoublesComeBackBitForBit(double d) throws JsonParseException {
        String text = JsonNumbers.formatF64(d);
        assertEquals(Double.doubleToRawLongBits(d),
                Double.doubleToRawLongBits(JsonParser.parse(text).asNumber().doubleValue()), text);
    }

    static Stream<Arguments> theExactlyReadableDoublesComeBackBitForBit() {
        return JsonArbitraries.samples(JsonRoundTripPropertyTests.class, "theExactlyReadableDoublesComeBackBitForBit",
                1000, JsonArbitraries::exactlyReadableDouble);
    }
}
