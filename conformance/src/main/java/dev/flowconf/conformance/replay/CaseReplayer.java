package dev.flowconf.conformance.replay;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.RequestOptions;
import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.Header;
import java.io.IOException;
import java.util.List;

/**
 * Sends a case's request to a host with Playwright's APIRequestContext and records the answer; a
 * request Playwright would alter or could not send goes byte for byte over a socket instead
 * ({@link RawHttpExchange}, see {@link CaseRequest#whyOnlyARawSocketSendsIt()}).
 * Usable from any thread: the Playwright request is made on the Playwright thread, the socket one
 * on the caller's.
 */
public final class CaseReplayer {

  private static final int TIMEOUT_MS = 10_000;

  private final PlaywrightRuntime playwright;

  public CaseReplayer(PlaywrightRuntime playwright) {
    this.playwright = playwright;
  }

  /** The answer, or {@link HostUnreachable} when there was none. */
  public ObservedResponse send(Target host, CaseRequest request) {
    try {
      return request.whyOnlyARawSocketSendsIt().isPresent() ? new RawHttpExchange(TIMEOUT_MS).send(host, request)
          : playwright.call(() -> sendWithPlaywright(host, request));
    } catch (PlaywrightException | IOException e) {
      throw new HostUnreachable("request to " + host.urlOf(request.path()) + " failed: " + e.getMessage(), e);
    }
  }

  private ObservedResponse sendWithPlaywright(Target host, CaseRequest request) {
    // A fresh context per request: no cookie or connection state carries from one case to the next.
    APIRequestContext context = playwright.request().newContext(new APIRequest.NewContextOptions()
        .setTimeout(TIMEOUT_MS));
    try {
      APIResponse response = context.fetch(host.urlOf(request.path()), options(request));
      List<Header> headers = response.headersArray().stream()
          .map(h -> new Header(h.name, h.value))
          .toList();
      return new ObservedResponse(response.status(), headers, response.body());
    } finally {
      context.dispose();
    }
  }

  private static RequestOptions options(CaseRequest request) {
    RequestOptions options = RequestOptions.create()
        .setMethod(request.method())
        .setMaxRedirects(0) // a redirect is an answer to compare, not to follow
        .setFailOnStatusCode(false)
        .setTimeout(TIMEOUT_MS);
    request.headers().forEach(h -> options.setHeader(h.name(), h.value()));
    if (request.hasBody()) {
      // Always bytes: given a String with a JSON content type that does not parse (the invalid-JSON
      // cases), Playwright would re-encode it as a JSON string instead of sending it as is.
      options.setData(request.body());
    }
    return options;
  }
}
