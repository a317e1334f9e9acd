package dev.flowconf.workers.strings;

import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.jso.JSObject;

/**
 * Java strings to JavaScript in one import call each, through a scratch area of the module's linear memory: Java
 * writes the UTF-16 code units there, and {@code wasm-strings.mjs} (the {@code flowconfStrings} imports) makes the
 * JavaScript string. Code units go across as they are, lone surrogates included. A string longer than the area
 * crosses in pieces of its size.
 *
 * <p>Written by hand because TeaVM forces it: without the builtins, TeaVM 0.16 turns a Java string into JavaScript
 * with two import calls a character. While the module initializes that is about 6,800 calls (the {@code @JSBody}
 * sources and the JavaScript member names). {@link StringBridgePlugin} makes TeaVM's {@code stringToJs} call
 * {@link #toJs}; nothing else calls it. It must not itself pass a Java string to JavaScript, and it cannot use TeaVM's
 * linear-memory heap, which TeaVM sets up only after its initializer has made its strings: the area is the glue's
 * (where, and why there, is in wasm-strings.mjs).
 *
 * <p>The other way, JavaScript to Java, TeaVM's {@code jsToString} asks whether the value is undefined, then the
 * string's length, then each code unit, an import call each: a request's URL, method and headers made about 150 such
 * calls. {@link StringBridgePlugin} points those calls at {@link #undefinedElseIntoScratch}, {@link #lengthInScratch}
 * and {@link #charCodeAt}: the first call writes every code unit into the area, and TeaVM's loop reads them from there
 * into the character array its string keeps (no copy more than TeaVM's own).
 */
public final class LinearMemoryStrings {
    /** The area's address and size in code units, asked once; zero units until then. */
    private static int scratchAddress;
    private static int scratchUnits;
    /** The length of the string {@link #undefinedElseIntoScratch} last took, and whether it is in the area. */
    private static int length;
    private static boolean inScratch;

    private LinearMemoryStrings() {}

    /**
     * For TeaVM's {@code WasmGCJSRuntime.jsToString}, in place of its {@code isUndefined}: true for undefined; else the
     * string's code units are written into the area when they fit, and its length kept for {@link #lengthInScratch},
     * which that method asks next. Nothing crosses between this and the {@link #charCodeAt} calls that follow.
     */
    public static boolean undefinedElseIntoScratch(JSObject text) {
        int written = charsIntoScratch(text);
        if (written < 0) {
            return true;
        }
        length = written;
        inScratch = written <= scratchUnits();
        return false;
    }

    /** For {@code jsToString}, in place of its {@code stringLength}: the length {@link #undefinedElseIntoScratch} took. */
    public static int lengthInScratch(JSObject text) {
        return length;
    }

    /** For {@code jsToString}, in place of its {@code charCodeAt}: from the area, or a call when the string did not fit. */
    public static int charCodeAt(JSObject text, int index) {
        return inScratch ? Address.fromInt(scratchAddress).add(index * 2).getChar() : jsCharCodeAt(text, index);
    }

    @Import(module = "flowconfStrings", name = "charsIntoScratch")
    private static native int charsIntoScratch(JSObject text);

    /** TeaVM's own import of it (the glue provides it, a character per call). */
    @Import(module = "wasm:js-string", name = "charCodeAt")
    private static native int jsCharCodeAt(JSObject text, int index);

    /** The area's address (for LinearMemoryBytes, which shares it). */
    static int scratchAddress() {
        scratchUnits();
        return scratchAddress;
    }

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
            made = appendChars(made, count);
            from += count;
        } while (from < length);
        return made;
    }

    private static int scratchUnits() {
        if (scratchUnits == 0) {
            scratchAddress = scratchAddressImport();
            scratchUnits = scratchSize();
        }
        return scratchUnits;
    }

    @Import(module = "flowconfStrings", name = "scratchAddress")
    private static native int scratchAddressImport();

    @Import(module = "flowconfStrings", name = "scratchUnits")
    private static native int scratchSize();

    /** {@code prefix} (null for none) followed by the area's first {@code length} code units. */
    @Import(module = "flowconfStrings", name = "appendChars")
    private static native JSObject appendChars(JSObject prefix, int length);

    @Import(module = "flowconfStrings", name = "fromCharCode")
    private static native JSObject fromCharCode(char unit);
}
