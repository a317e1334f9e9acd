package dev.flowconf.conformance.replay;

import java.net.URI;
import java.util.Objects;

/**
 * One part of a target made of several processes: requests whose path starts with {@code prefix} go
 * to {@code url} instead of the target's base URL. As with nginx's {@code proxy_pass}, a URL without
 * a path keeps the request's path, and a URL with one (even {@code /}) has it replace the prefix:
 * {@code /preflight/kv=http://127.0.0.1:9104/preflight} sends {@code /preflight/kv?x=1} as
 * {@code /preflight?x=1}. A prefix matches whole path segments: {@code /spill} takes {@code /spill},
 * {@code /spill/no-blob} and {@code /spill?x}, not {@code /spilled}.
 */
public record PathRoute(String prefix, URI url) {

  public PathRoute {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(url, "url");
    if (!prefix.startsWith("/")) {
      throw new IllegalArgumentException("a route prefix starts with `/`, got `" + prefix + "`");
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
      throw new IllegalArgumentException("route `" + prefix + "` needs an http(s) URL, got `" + url + "`");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("route `" + prefix + "`: the URL may not carry a query or fragment: `" + url + "`");
    }
  }

  /** Parses {@code PREFIX=URL}. */
  public static PathRoute parse(String prefixEqualsUrl) {
    int equals = prefixEqualsUrl.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException("expected PREFIX=URL, got `" + prefixEqualsUrl + "`");
    }
    return new PathRoute(prefixEqualsUrl.substring(0, equals), URI.create(prefixEqualsUrl.substring(equals + 1)));
  }

  /** Whether this route takes {@code path} (which may carry a query). */
  public boolean takes(String path) {
    if (!path.startsWith(prefix)) {
      return false;
    }
    if (path.length() == prefix.length() || prefix.endsWith("/")) {
      return true;
    }
    char next = path.charAt(prefix.length());
    return next == '/' || next == '?';
  }

  /** The URL {@code path} goes to; only for a path this route {@link #takes}. */
  public String urlOf(String path) {
    String origin = url.getScheme() + "://" + url.getRawAuthority();
    String replacement = url.getRawPath();
    if (replacement == null || replacement.isEmpty()) {
      return origin + path;
    }
    return origin + replacement + path.substring(prefix.length());
  }

  @Override
  public String toString() {
    return prefix + "=" + url;
  }
}
