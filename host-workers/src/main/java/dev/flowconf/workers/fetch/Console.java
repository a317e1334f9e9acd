package dev.flowconf.workers.fetch;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSObject;

/** The global {@code console}: one call per message keeps a stack trace together in the workerd log. */
@JSClass(name = "console")
public final class Console implements JSObject {
    private Console() {}

    public static native void error(String message);
}
