package dev.flowconf.conformance.isolation;

import dev.flowconf.conformance.replay.Target;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Fires interleaved requests of distinct users at one host, {@code inFlight} at a time, then holds
 * each answer to its own request ({@link IdentityMatch}) and every {@code /meta} run id to being
 * unique. A host that keeps per-connection or per-isolate state across requests (a cached auth
 * context, a reused buffer, a shared run id) shows it here: with fewer requests in flight than
 * requests, the client reuses its connections for other users.
 *
 * <p>Bounded: each request has {@link #REQUEST_TIMEOUT} for its head and twice that in all, and at most
 * {@code inFlight} wait at once.
 */
public final class IsolationCheck {

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private record Exchange(IdentityRequest request, HttpResponse<String> response, Throwable error) {}

  /** The routes without a deadline: what they answer never depends on how busy the host is. */
  public static final List<IdentityRequest.Route> UNTIMED_ROUTES =
      List.of(IdentityRequest.Route.META, IdentityRequest.Route.HARNESS_ECHO);

  private final int requests;
  private final int inFlight;
  private final List<IdentityRequest.Route> routes;

  public IsolationCheck(int requests, int inFlight, List<IdentityRequest.Route> routes) {
    if (requests < 1 || inFlight < 1) {
      throw new IllegalArgumentException("requests and in-flight must be at least 1, got " + requests + " and " + inFlight);
    }
    this.requests = requests;
    this.inFlight = inFlight;
    this.routes = List.copyOf(routes);
  }

  public IsolationOutcome run(Target target) throws InterruptedException {
    // A fresh nonce per run: an answer replayed from an earlier run (a cache) is someone else's too.
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    List<IdentityRequest> plan = IdentityRequest.interleaved(requests, HexFormat.of().formatHex(random), routes);
    // One client per run: its connection pool (HTTP/1.1, reused across users) belongs to this host only.
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(REQUEST_TIMEOUT)
        .build();
    long startedAt = System.nanoTime();
    Semaphore slots = new Semaphore(inFlight);
    List<CompletableFuture<Exchange>> answers = new ArrayList<>(plan.size());
    for (IdentityRequest request : plan) {
      slots.acquire();
      answers.add(http.sendAsync(request.toHttp(target, REQUEST_TIMEOUT),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
          // the request timeout ends at the answer's head; this bounds a body that never ends
          .orTimeout(2 * REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .handle((response, error) -> {
            slots.release();
            return new Exchange(request, response, error);
          }));
    }
    List<Exchange> exchanges = answers.stream().map(CompletableFuture::join).toList();
    Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
    return judge(target, exchanges, took);
  }

  private IsolationOutcome judge(Target target, List<Exchange> exchanges, Duration took) {
    List<String> mismatches = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Map<String, IdentityRequest> runIds = new HashMap<>();
    for (Exchange exchange : exchanges) {
      IdentityRequest request = exchange.request();
      if (exchange.error() != null) {
        failures.add(request.describe() + ": no answer: " + exchange.error());
        continue;
      }
      String body = exchange.response().body();
      if (exchange.response().statusCode() != 200) {
        failures.add(request.describe() + ": answered " + exchange.response().statusCode() + " "
            + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
        continue;
      }
      List<String> differences = new ArrayList<>(IdentityMatch.differences(request, body));
      if (request.route() == IdentityRequest.Route.META) {
        Optional<String> runId = IdentityMatch.runId(body);
        if (runId.isEmpty()) {
          differences.add("labels.lf.run_id is missing");
        } else {
          IdentityRequest earlier = runIds.putIfAbsent(runId.get(), request);
          if (earlier != null) {
            differences.add("labels.lf.run_id " + runId.get() + " is also the run id of " + earlier.describe());
          }
        }
      }
      if (!differences.isEmpty()) {
        mismatches.add(request.describe() + ": " + String.join("; ", differences));
      }
    }
    return new IsolationOutcome(target, exchanges.size(), routes, inFlight, mismatches, failures, took);
  }
}
