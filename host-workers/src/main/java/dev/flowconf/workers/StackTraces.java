package dev.flowconf.workers;

import org.teavm.jso.JSExceptions;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSError;

/** Renders a failure as one string, for a single console.error call in the workerd log. */
final class StackTraces {
    private StackTraces() {}

    /**
     * The Java cause chain, then the JS stack. TeaVM keeps no Java frames without debug information
     * (getStackTrace() is empty), but each Java throwable carries a JS Error whose stack points into the
     * bundle; a JS error (e.g. a RangeError from the Response constructor) is that Error itself.
     */
    static String render(Throwable failure) {
        StringBuilder text = new StringBuilder();
        text.append(failure);
        for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
            text.append("\nCaused by: ").append(cause);
        }
        JSObject js = JSExceptions.getJSException(failure);
        if (js instanceof JSError) {
            text.append("\nJS stack (names are minified): ").append(((JSError) js).getStack());
        }
        return text.toString();
    }
}
