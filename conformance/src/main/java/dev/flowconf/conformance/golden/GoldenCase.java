package dev.flowconf.conformance.golden;

import java.util.List;
import java.util.Objects;

/**
 * One golden case: its id ({@code <topic>/<case-name>}), what it shows, the SPEC.md clause ids it
 * covers, the optional host features it needs (names from {@code goldens/features.json}; a target
 * without one of them gets N/A), what kind of check it is, and the request to send. The expected
 * outcome lives in the approved transcript beside it.
 */
public record GoldenCase(String id, String description, List<String> clauses, List<String> features, CaseKind kind,
    CaseRequest request) {

  public GoldenCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    clauses = List.copyOf(clauses);
    features = List.copyOf(features);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(request, "request");
  }

  /** A case that needs no optional host feature. */
  public GoldenCase(String id, String description, List<String> clauses, CaseKind kind, CaseRequest request) {
    this(id, description, clauses, List.of(), kind, request);
  }

  /** How a failure of this case on a host is introduced: {@code echo/s1-happy-path @ workers [ECHO-1 …]}. */
  public String labelOn(String host) {
    return id + " @ " + host + " [" + String.join(" ", clauses) + "]";
  }
}
