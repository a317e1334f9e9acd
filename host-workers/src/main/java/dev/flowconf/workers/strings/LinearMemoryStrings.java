package dev.flowconf.workers.strings;

import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.jso.JSObject;

/**
 * Java strings to JavaScript and back in one import call each, through a scratch area of the module's linear memory:
 * Java writes or reads the UTF-16 code units there, and {@code wasm-strings.mjs} (the {@code flowconfStrings}
 * imports) makes or reads the JavaScript string. Code units go across as they are, lone surrogates included. A string
 * longer than the area crosses in pieces of its size.
 *
 * <p>Written by hand because TeaVM forces it: without the builtins, TeaVM 0.16 turns a Java string into JavaScript
 * with two import calls a character and reads one back with one a character. While the module initializes that is
 * about 6,800 calls (the {@code @JSBody} sources and the JavaScript member names), and a request's URL, headers and
 * body cross the same way. {@link StringBridgePlugin} makes TeaVM's {@code stringToJs} and {@code jsToString} call
 * these two methods; nothing else calls them. They must not themselves pass a Java string to JavaScript, and they
 * cannot use TeaVM's linear-memory heap, which TeaVM sets up only after its initializer has made its strings: the
 * area is the glue's (where, and why there, is in wasm-strings.mjs).
 */
public final class LinearMemoryStrings {
    /** The area's address and size in code units, asked once; zero units until then. */
    private static int scratchAddress;
    private static int scratchUnits;

    private LinearMemoryStrings() {}

    /** TeaVM's {@code WasmGCJSRuntime.stringToJs}, by {@link StringBridgePlugin}. */
    public static JSObject toJs(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        if (length == 1) {
            return fromCharCode(text.charAt(0));
        }
        int capacity = scratchUnits();
        JSObject made = null;
        int from = 0;
        do {
            int count = Math.min(length - from, capacity);
            Address at = Address.fromInt(scratchAddress);
            for (int i = 0; i < count; i++) {
                at.add(i * 2).putChar(text.charAt(from + i));
            }
            made = appendChars(made, scratchAddress, count);
            from += count;
        } while (from < length);
        return made;
    }

    /** TeaVM's {@code WasmGCJSRuntime.jsToString}, by {@link StringBridgePlugin}: null for null and undefined. */
    public static String fromJs(JSObject text) {
        if (text == null || isUndefined(text)) {
            return null;
        }
        int length = length(text);
        if (length == 0) {
            return "";
        }
        int capacity = scratchUnits();
        char[] units = new char[length];
        for (int from = 0; from < length; from += capacity) {
            int count = Math.min(length - from, capacity);
            encodeChars(text, from, count, scratchAddress);
            Address at = Address.fromInt(scratchAddress);
            for (int i = 0; i < count; i++) {
                units[from + i] = at.add(i * 2).getChar();
            }
        }
        return new String(units);
    }

    private static int scratchUnits() {
        if (scratchUnits == 0) {
            scratchAddress = scratchAddress();
            scratchUnits = scratchSize();
        }
        return scratchUnits;
    }

    @Import(module = "flowconfStrings", name = "scratchAddress")
    private static native int scratchAddress();

    @Import(module = "flowconfStrings", name = "scratchUnits")
    private static native int scratchSize();

    /** {@code prefix} (null for none) followed by the {@code length} code units at {@code address}. */
    @Import(module = "flowconfStrings", name = "appendChars")
    private static native JSObject appendChars(JSObject prefix, int address, int length);

    /** Writes {@code count} code units of the string, from {@code from} on, to {@code address}. */
    @Import(module = "flowconfStrings", name = "encodeChars")
    private static native void encodeChars(JSObject text, int from, int count, int address);

    @Import(module = "flowconfStrings", name = "fromCharCode")
    private static native JSObject fromCharCode(char unit);

    @Import(module = "flowconfStrings", name = "length")
    private static native int length(JSObject text);

    @Import(module = "flowconfStrings", name = "isUndefined")
    private static native boolean isUndefined(JSObject value);
}
