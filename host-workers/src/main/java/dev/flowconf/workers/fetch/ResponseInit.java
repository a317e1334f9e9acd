package dev.flowconf.workers.fetch;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSObjects;

/** The plain {@code {status, headers}} dictionary the Response constructor takes. */
public interface ResponseInit extends JSObject {
    @JSProperty
    void setStatus(int status);

    @JSProperty
    void setHeaders(JSObject headers);

    static ResponseInit create(int status, JSObject headers) {
        ResponseInit init = JSObjects.create();
        init.setStatus(status);
        init.setHeaders(headers);
        return init;
    }
}
