/**
 * The few Workers runtime APIs the host touches, bound by hand because TeaVM's jso-apis has none of them
 * (it covers the DOM, XHR, typed arrays and the reading side of streams, but not Request, Response, Headers,
 * a constructible ReadableStream, AbortSignal or the cloudflare:workers module).
 * Each type declares only what the host calls; anything else stays JS.
 */
package dev.flowconf.workers.fetch;
