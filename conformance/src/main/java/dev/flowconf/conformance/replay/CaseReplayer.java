package dev.flowconf.conformance.replay;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.RequestOptions;
import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.Header;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends a case's request to a host with Playwright's APIRequestContext and records the answer; a
 * request Playwright would alter or could not send goes byte for byte over a socket instead
 * ({@link RawHttpExchange}, see {@link CaseRequest#whyOnlyARawSocketSendsIt()}). Over http, Playwright talks to the
 * host through an {@link ExchangeGuard}, which names a broken answer in one line and bounds it in time and size.
 * Usable from any thread: the Playwright request is made on a Playwright thread, the socket one on the caller's.
 */
public final class CaseReplayer {

  /** The default bound on one exchange, from the request's first byte to the answer's last. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final PlaywrightRuntime playwright;
  private final Duration timeout;

  public CaseReplayer(PlaywrightRuntime playwright) {
    this(playwright, DEFAULT_TIMEOUT);
  }

  public CaseReplayer(PlaywrightRuntime playwright, Duration timeout) {
    this.playwright = playwright;
    this.timeout = timeout;
  }

  /** The answer, or an {@link ExchangeFailure} naming why there was none to judge. */
  public ObservedResponse send(Target host, CaseRequest request) {
    String url = host.urlOf(request.path());
    try {
      if (request.whyOnlyARawSocketSendsIt().isPresent()) {
        return new RawHttpExchange(timeout).send(host, request);
      }
      if (!url.startsWith("http:")) {
        return playwright.call(() -> sendWithPlaywright(url, Optional.empty(), request, timeout));
      }
      try (ExchangeGuard guard = ExchangeGuard.start(url, request.method(), timeout)) {
        ObservedResponse answer = null;
        PlaywrightException clientFailure = null;
        try {
          // Playwright's own timeout comes after the relay's, which names the fault.
          answer = playwright.call(() -> sendWithPlaywright(guard.url(), Optional.of(guard.authority()), request,
              timeout.plusSeconds(2)));
        } catch (PlaywrightException e) {
          clientFailure = e;
        }
        Optional<ExchangeFailure> fault = guard.failure();
        if (fault.isPresent()) {
          throw fault.get();
        }
        if (clientFailure != null) {
          throw ExchangeFailure.brokenAnswer("Playwright could not read the answer: " + firstLine(clientFailure), "");
        }
        return answer;
      }
    } catch (ExchangeFailure e) {
      throw e.at(request.method() + " " + url);
    } catch (PlaywrightException e) {
      throw ExchangeFailure.noAnswer("Playwright could not send the request: " + firstLine(e), request.method() + " " + url);
    } catch (IOException e) {
      throw ExchangeFailure.noAnswer("the request could not be sent: " + e.getMessage(), request.method() + " " + url);
    }
  }

  /** Playwright's message without its call log: the first line says what went wrong. */
  public static String firstLine(PlaywrightException e) {
    String message = String.valueOf(e.getMessage()).strip();
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end).strip();
  }

  private ObservedResponse sendWithPlaywright(String url, Optional<String> hostHeader, CaseRequest request,
      Duration clientTimeout) {
    // A fresh context per request: no cookie or connection state carries from one case to the next.
    APIRequestContext context = playwright.request().newContext(new APIRequest.NewContextOptions()
        .setTimeout(clientTimeout.toMillis()));
    try {
      RequestOptions options = options(request, clientTimeout);
      if (hostHeader.isPresent() && request.headers().stream().noneMatch(h -> h.name().equalsIgnoreCase("host"))) {
        options.setHeader("host", hostHeader.get());
      }
      APIResponse response = context.fetch(url, options);
      List<Header> headers = response.headersArray().stream()
          .map(h -> new Header(h.name, h.value))
          .toList();
      return new ObservedResponse(response.status(), headers, response.body());
    } finally {
      context.dispose();
    }
  }

  private static RequestOptions options(CaseRequest request, Duration clientTimeout) {
    RequestOptions options = RequestOptions.create()
        .setMethod(request.method())
        .setMaxRedirects(0) // a redirect is an answer to compare, not to follow
        .setFailOnStatusCode(false)
        .setTimeout(clientTimeout.toMillis());
    request.headers().forEach(h -> options.setHeader(h.name(), h.value()));
    if (request.hasBody()) {
      // Always bytes: given a String with a JSON content type that does not parse (the invalid-JSON
      // cases), Playwright would re-encode it as a JSON string instead of sending it as is.
      options.setData(request.body());
    }
    return options;
  }
}
