package dev.flowconf.conformance.golden;

import java.util.Locale;
import java.util.Objects;

/** One HTTP header field. Names are lower-cased because HTTP treats them case-insensitively. */
public record Header(String name, String value) {

  public Header {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    name = name.toLowerCase(Locale.ROOT);
  }
}
