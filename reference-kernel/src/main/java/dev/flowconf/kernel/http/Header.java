package dev.flowconf.kernel.http;

/** One header field occurrence. */
public final class Header {
    private final String name;
    private final String value;

    public Header(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String name() { return name; }
    public String value() { return value; }
}
