package dev.flowconf.conformance.replay;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A host under test: a short name (it becomes part of received file names, so it is kept to
 * lower-case letters, digits and dashes), the base URL that case paths are appended to, the optional
 * host features it has, and, for a host made of several processes, the path prefixes that other
 * processes serve ({@link PathRoute}; the longest matching prefix wins).
 */
public record Target(String name, URI baseUrl, HostFeatures features, List<PathRoute> routes) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  public Target {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(features, "features");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "host name `" + name + "` must be lower-case letters, digits and dashes");
    }
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("host `" + name + "` needs an http(s) URL, got `" + baseUrl + "`");
    }
    routes = routes.stream().sorted(Comparator.comparingInt((PathRoute r) -> r.prefix().length()).reversed()).toList();
    if (routes.stream().map(PathRoute::prefix).distinct().count() < routes.size()) {
      throw new IllegalArgumentException("host `" + name + "` routes a prefix twice: " + routes);
    }
  }

  /** One process with every host feature. */
  public Target(String name, URI baseUrl) {
    this(name, baseUrl, HostFeatures.all(), List.of());
  }

  /** Parses {@code NAME=URL}, the form the command line takes. */
  public static Target parse(String nameEqualsUrl) {
    int equals = nameEqualsUrl.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException("expected NAME=URL, got `" + nameEqualsUrl + "`");
    }
    return new Target(nameEqualsUrl.substring(0, equals), URI.create(nameEqualsUrl.substring(equals + 1)));
  }

  public Target withFeatures(HostFeatures features) {
    return new Target(name, baseUrl, features, routes);
  }

  /** This target with {@code added} routes; an added prefix replaces one already routed. */
  public Target withRoutes(List<PathRoute> added) {
    List<PathRoute> kept = routes.stream()
        .filter(route -> added.stream().noneMatch(a -> a.prefix().equals(route.prefix())))
        .toList();
    return new Target(name, baseUrl, features, Stream.concat(kept.stream(), added.stream()).toList());
  }

  /**
   * The URL of a case path (with its query, if any) on this host: the longest route prefix that takes
   * it decides, else the base URL, whose own path prefix is kept.
   */
  public String urlOf(String path) {
    for (PathRoute route : routes) {
      if (route.takes(path)) {
        return route.urlOf(path);
      }
    }
    String base = baseUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }

  /** The scheme, host and port that serve {@code path}: where a page must come from to fetch it without CORS. */
  public String originOf(String path) {
    URI served = routes.stream().filter(route -> route.takes(path)).findFirst().map(PathRoute::url).orElse(baseUrl);
    return served.getScheme() + "://" + served.getRawAuthority();
  }
}
