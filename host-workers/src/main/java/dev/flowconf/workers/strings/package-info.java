/**
 * How the Worker's Java strings cross to JavaScript in TeaVM's Wasm GC build. A Worker's Wasm module is compiled by
 * the platform, so it never gets V8's {@code js-string} builtins, and TeaVM's fallback crosses one character per
 * import call (two, this way). {@link dev.flowconf.workers.strings.LinearMemoryStrings} crosses a whole string per
 * call instead; {@link dev.flowconf.workers.strings.StringBridgePlugin} is the TeaVM plugin that routes TeaVM's own
 * conversion to it while the module is compiled. The JavaScript build never reaches either.
 */
package dev.flowconf.workers.strings;
