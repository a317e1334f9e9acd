package dev.flowconf.conformance.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowconf.conformance.golden.FeatureCatalog;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.HostFeatures;
import dev.flowconf.conformance.replay.PathRoute;
import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a kind of target is, from a profile file: which optional host features it has and which path
 * prefixes other processes serve. {@code --profile axum=axum} reads {@code goldens/profiles/axum.json};
 * anything with a slash or ending {@code .json} is a file path.
 *
 * <pre>
 * {"description": "…",
 *  "features": ["run-probe"],                                  (absent: every feature)
 *  "routes": {"/preflight/kv": "http://127.0.0.1:9104/preflight"}}  (absent: one process)
 * </pre>
 */
record TargetProfile(Path file, String description, HostFeatures features, List<PathRoute> routes) {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  record ProfileFile(String description, List<String> features, LinkedHashMap<String, String> routes) {}

  /** The profile {@code reference} names: a file path, or a name under {@code goldens/profiles/}. */
  static TargetProfile load(String reference, GoldenFiles goldens, FeatureCatalog catalog) {
    Path file = reference.contains("/") || reference.endsWith(".json")
        ? Path.of(reference)
        : goldens.profilesDir().resolve(reference + ".json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no profile " + file + (reference.contains("/") ? ""
          : "; the profiles are " + known(goldens)));
    }
    ProfileFile data;
    try {
      data = MAPPER.readValue(file.toFile(), ProfileFile.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(file + ": not a valid profile: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (data.description() == null || data.description().isBlank()) {
      throw new IllegalArgumentException(file + ": `description` must say what the target is");
    }
    HostFeatures features = HostFeatures.all();
    if (data.features() != null) {
      catalog.requireKnown(data.features(), file + ": `features`");
      features = HostFeatures.only(new LinkedHashSet<>(data.features()));
    }
    List<PathRoute> routes = new ArrayList<>();
    if (data.routes() != null) {
      data.routes().forEach((prefix, url) -> {
        try {
          routes.add(new PathRoute(prefix, URI.create(url)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": `routes`: " + e.getMessage(), e);
        }
      });
    }
    return new TargetProfile(file, data.description(), features, routes);
  }

  /** {@code target} as this profile describes it: its features, and its routes added. */
  Target applyTo(Target target) {
    return target.withFeatures(features).withRoutes(routes);
  }

  private static String known(GoldenFiles goldens) {
    try (var files = Files.list(goldens.profilesDir())) {
      List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
      return names.isEmpty() ? "none" : String.join(", ", names);
    } catch (IOException e) {
      return "none (no " + goldens.profilesDir() + ")";
    }
  }
}
