/**
 * The few Fetch API types the Workers host touches, bound by hand because TeaVM's jso-apis has none
 * (it covers the DOM, XHR, typed arrays and streams, but not Request, Response or Headers).
 * Each type declares only what the host calls; anything else stays JS.
 */
package dev.flowconf.workers.fetch;
