package dev.flowconf.workers.fetch;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** A Fetch header list. Iteration yields lower-case names, as the Fetch standard requires. */
@JSClass
public final class Headers implements JSObject {
    public Headers() {}

    /** Adds a field occurrence; unlike {@code set}, keeps earlier ones with the same name. */
    public native void append(String name, String value);

    /** The field's value (repeated fields joined with ", "), or null when the request has none. */
    public native String get(String name);

    /** Visits every entry in iteration order (the same entries {@code entries()} yields). */
    public native void forEach(Visitor visitor);

    /** The callback of {@code Headers.forEach}; JS passes the value first. */
    @JSFunctor
    public interface Visitor extends JSObject {
        void visit(String value, String name);
    }
}
