package dev.flowconf.conformance.replay;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The optional host features a target has (see {@code goldens/features.json}): every one, which is
 * what a target claims unless told otherwise, or exactly a listed set.
 */
public final class HostFeatures {

  private static final HostFeatures ALL = new HostFeatures(Optional.empty());

  private final Optional<Set<String>> only;

  private HostFeatures(Optional<Set<String>> only) {
    this.only = only;
  }

  public static HostFeatures all() {
    return ALL;
  }

  public static HostFeatures only(Set<String> features) {
    return new HostFeatures(Optional.of(Set.copyOf(features)));
  }

  /** The features of {@code needed} this target lacks, in their order; empty when it has them all. */
  public List<String> missing(List<String> needed) {
    return only.map(has -> needed.stream().filter(feature -> !has.contains(feature)).toList()).orElse(List.of());
  }

  public boolean isAll() {
    return only.isEmpty();
  }

  @Override
  public String toString() {
    return only.map(has -> has.isEmpty() ? "none" : String.join(",", new TreeSet<>(has))).orElse("all");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HostFeatures that && only.equals(that.only);
  }

  @Override
  public int hashCode() {
    return only.hashCode();
  }
}
