package dev.flowconf.conformance.replay;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A host under test: a short name (it becomes part of received file names, so it is kept to
 * lower-case letters, digits and dashes) and the base URL that case paths are appended to.
 */
public record Target(String name, URI baseUrl) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  public Target {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "host name `" + name + "` must be lower-case letters, digits and dashes");
    }
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("host `" + name + "` needs an http(s) URL, got `" + baseUrl + "`");
    }
  }

  /** Parses {@code NAME=URL}, the form the command line takes. */
  public static Target parse(String nameEqualsUrl) {
    int equals = nameEqualsUrl.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException("expected NAME=URL, got `" + nameEqualsUrl + "`");
    }
    return new Target(nameEqualsUrl.substring(0, equals), URI.create(nameEqualsUrl.substring(equals + 1)));
  }

  /** The URL of a case path on this host; a base URL with a path prefix keeps it. */
  public String urlOf(String path) {
    String base = baseUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }
}
