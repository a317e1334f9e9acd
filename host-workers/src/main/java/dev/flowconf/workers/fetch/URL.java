package dev.flowconf.workers.fetch;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** The WHATWG URL parser, used only for the pathname so that it matches what JS sees exactly. */
@JSClass
public final class URL implements JSObject {
    public URL(String href) {}

    @JSProperty
    public native String getPathname();
}
