package dev.flowconf.conformance.isolation;

import dev.flowconf.conformance.replay.Target;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Request number {@code index} of an isolation run: its own user ({@code x-auth-user:
 * {"sub":"user-<index>",…}}), its own {@code x-isolation-tag} header, query and payload, all carrying
 * the index and the run's nonce, so an answer holding anything of another request (or of another run)
 * can be told apart. Which route it goes to cycles with the index, so the routes interleave.
 */
public record IdentityRequest(int index, Route route, String nonce) {

  /** The routes whose answers show what the host took from the request (SPEC.md §1). */
  public enum Route {
    /** The metadata the host built: auth user, {@code x-*} headers, query (META-*). No deadline. */
    META("/meta"),
    /** The payload as the host parsed it (ECHO-RAW-1). No deadline. */
    HARNESS_ECHO("/harness/echo"),
    /**
     * s1: the payload's value, trimmed and lower-cased, and the auth user as a node sees it (ECHO-1).
     * s1 has a 250 ms deadline, so a busy host may answer 504 (ENV-504-1): a failed request, not a leak.
     */
    ECHO("/echo");

    public final String path;

    Route(String path) {
      this.path = path;
    }

    /** The route served at {@code path}. */
    public static Route at(String path) {
      for (Route route : values()) {
        if (route.path.equals(path)) {
          return route;
        }
      }
      throw new IllegalArgumentException("no isolation route at `" + path + "`; they are /meta, /harness/echo, /echo");
    }
  }

  public static final String TAG_HEADER = "x-isolation-tag";

  /** {@code count} requests, {@code routes} taken in turn (for all three: META, HARNESS_ECHO, ECHO, META, …). */
  public static List<IdentityRequest> interleaved(int count, String nonce, List<Route> routes) {
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("no route to send requests to");
    }
    List<IdentityRequest> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      requests.add(new IdentityRequest(i, routes.get(i % routes.size()), nonce));
    }
    return requests;
  }

  public String user() {
    return "user-" + index;
  }

  public String email() {
    return user() + "@isolation.test";
  }

  /** The {@code x-auth-user} header: JSON, so it becomes the extension {@code auth.user} (META-AUTH-1). */
  public String authUserHeader() {
    return "{\"sub\":\"" + user() + "\",\"email\":\"" + email() + "\"}";
  }

  public String tag() {
    return "tag-" + index + "-" + nonce;
  }

  /** Plain tokens only, so its form decoding (META-QUERY-1) is the text itself. */
  public String rawQuery() {
    return "who=" + user() + "&n=" + index + "&tag=" + tag();
  }

  /** s1 reads {@code value}; the other routes see the same object. */
  public String payload() {
    return "{\"n\":" + index + ",\"nonce\":\"" + nonce + "\",\"user\":\"" + user() + "\",\"value\":\"" + echoValue()
        + "\"}";
  }

  /** Padded and mixed-case, so s1's trim and lower-case have work to do. */
  String echoValue() {
    return "  Isolation " + user().toUpperCase(Locale.ROOT) + " " + nonce.toUpperCase(Locale.ROOT) + "  ";
  }

  /** How the request reads in a report: {@code #17 POST /meta as user-17}. */
  public String describe() {
    return "#" + index + " POST " + route.path + " as " + user();
  }

  HttpRequest toHttp(Target target, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(target.urlOf(route.path + "?" + rawQuery())))
        .timeout(timeout)
        .header("content-type", "application/json")
        .header("x-auth-user", authUserHeader())
        .header(TAG_HEADER, tag())
        .POST(HttpRequest.BodyPublishers.ofString(payload()))
        .build();
  }
}
