package dev.flowconf.conformance.cli;

import dev.flowconf.conformance.golden.FeatureCatalog;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.HostFeatures;
import dev.flowconf.conformance.replay.PathRoute;
import dev.flowconf.conformance.replay.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Applies {@code --profile NAME=PROFILE}, then {@code --features NAME=LIST}, then
 * {@code --route NAME:PREFIX=URL} to the {@code --target}s, in that order, so a flag overrides the
 * profile. Each must name a target; each mistake is an IllegalArgumentException that says which.
 */
final class TargetOptions {

  private TargetOptions() {}

  static List<Target> apply(List<Target> targets, List<String> profiles, List<String> featureLists,
      List<String> routes, GoldenFiles goldens, FeatureCatalog catalog) {
    Map<String, Target> byName = new LinkedHashMap<>();
    targets.forEach(target -> byName.put(target.name(), target));
    each(byName, profiles, "--profile", "NAME=PROFILE", '=',
        (target, value) -> TargetProfile.load(value, goldens, catalog).applyTo(target));
    each(byName, featureLists, "--features", "NAME=LIST", '=',
        (target, value) -> target.withFeatures(features(value, catalog)));
    each(byName, routes, "--route", "NAME:PREFIX=URL", ':',
        (target, value) -> target.withRoutes(List.of(PathRoute.parse(value))));
    return new ArrayList<>(byName.values());
  }

  /** One line for the run's output: what a target that is not simply one full-featured process is. */
  static String describe(Target target) {
    StringBuilder line = new StringBuilder("target ").append(target.name()).append(": ").append(target.baseUrl())
        .append(", features: ").append(target.features());
    if (!target.routes().isEmpty()) {
      line.append(", routes: ").append(String.join(" ", target.routes().stream().map(PathRoute::toString).toList()));
    }
    return line.toString();
  }

  private static void each(Map<String, Target> byName, List<String> options, String option, String form,
      char separator, BiFunction<Target, String, Target> change) {
    for (String given : options) {
      int at = given.indexOf(separator);
      if (at < 1) {
        throw new IllegalArgumentException(option + " expects " + form + ", got `" + given + "`");
      }
      String name = given.substring(0, at);
      Target target = byName.get(name);
      if (target == null) {
        throw new IllegalArgumentException(option + " `" + given + "` names no --target; the targets are "
            + String.join(", ", byName.keySet()));
      }
      try {
        byName.put(name, change.apply(target, given.substring(at + 1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(option + " `" + given + "`: " + e.getMessage(), e);
      }
    }
  }

  private static HostFeatures features(String list, FeatureCatalog catalog) {
    if (list.equals("none")) {
      return HostFeatures.only(Set.of());
    }
    List<String> names = Arrays.stream(list.split(",", -1)).map(String::trim).toList();
    catalog.requireKnown(names, "features");
    return HostFeatures.only(new LinkedHashSet<>(names));
  }
}
