package dev.flowconf.conformance.golden;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The optional host features cases may need, from {@code goldens/features.json} ({@code {"name":
 * "what a host with it does"}}), as test262's {@code features.txt} names the language features its
 * tests need. A target says which it has (all, unless told otherwise); a case needing one it lacks is
 * N/A there, never PASS or FAIL.
 */
public final class FeatureCatalog {

  /** The run probe, {@code GET /__flowconf/runs} (PROBE-1): every case that reads run counts needs it. */
  public static final String RUN_PROBE = "run-probe";
  /** A keep-alive interval the runner can rely on being short: every case that waits for comments needs it. */
  public static final String KEEPALIVE_INTERVAL = "keepalive-interval";

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final Map<String, String> descriptions;

  private FeatureCatalog(Map<String, String> descriptions) {
    this.descriptions = Map.copyOf(descriptions);
  }

  /** The features of a goldens directory; none when it has no {@code features.json}. */
  public static FeatureCatalog load(GoldenFiles goldens) {
    Path file = goldens.featuresFile();
    if (!Files.exists(file)) {
      return new FeatureCatalog(Map.of());
    }
    Map<String, String> read;
    try {
      read = MAPPER.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() {});
    } catch (JacksonException e) {
      throw new InvalidCaseException(file, "not a valid features file: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidCaseException(file, "cannot be read", e);
    }
    for (Map.Entry<String, String> entry : read.entrySet()) {
      if (!entry.getKey().matches("[a-z0-9]+(-[a-z0-9]+)*") || entry.getValue() == null || entry.getValue().isBlank()) {
        throw new InvalidCaseException(file, "each feature needs a lower-case-dashed name and a description, got `"
            + entry.getKey() + "`");
      }
    }
    return new FeatureCatalog(read);
  }

  public boolean knows(String feature) {
    return descriptions.containsKey(feature);
  }

  /** Every feature name, sorted. */
  public List<String> names() {
    return descriptions.keySet().stream().sorted().toList();
  }

  public String describe(String feature) {
    return descriptions.getOrDefault(feature, "(not in features.json)");
  }

  /** Fails with the names it knows when any of {@code features} is not one of them. */
  public void requireKnown(Collection<String> features, String where) {
    for (String feature : features) {
      if (!knows(feature)) {
        throw new IllegalArgumentException(where + ": unknown host feature `" + feature + "`; features.json names "
            + (descriptions.isEmpty() ? "none" : String.join(", ", names())));
      }
    }
  }
}
