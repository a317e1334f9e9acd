package dev.flowconf.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A target of several processes: which prefix takes a path, and what URL it becomes. */
class PathRouteTests {

  // As upstream's Axum host is served: one example per process, two of them under another path.
  private static final Target SPLIT = new Target("axum", URI.create("http://127.0.0.1:9101")).withRoutes(List.of(
      PathRoute.parse("/spill=http://127.0.0.1:9107"),
      PathRoute.parse("/spill/no-blob=http://127.0.0.1:9108/spill"),
      PathRoute.parse("/preflight/kv=http://127.0.0.1:9105/preflight"),
      PathRoute.parse("/api/=http://127.0.0.1:9200/")));

  @ParameterizedTest
  @CsvSource({
      "/echo,                 http://127.0.0.1:9101/echo",
      "/spill,                http://127.0.0.1:9107/spill",
      "/spill?x=1,            http://127.0.0.1:9107/spill?x=1",
      "/spill/no-blob,        http://127.0.0.1:9108/spill",
      "/spill/no-blob?a=b,    http://127.0.0.1:9108/spill?a=b",
      "/spill/other,          http://127.0.0.1:9107/spill/other",
      "/spilled,              http://127.0.0.1:9101/spilled",
      "/preflight/kv,         http://127.0.0.1:9105/preflight",
      "/preflight,            http://127.0.0.1:9101/preflight",
      "/api/meta,             http://127.0.0.1:9200/meta"})
  void theLongestPrefixOfWholeSegmentsDecidesAndAUrlPathReplacesThePrefix(String path, String url) {
    assertEquals(url, SPLIT.urlOf(path));
  }

  @Test
  void aPageComesFromTheOriginThatServesThePath() {
    assertEquals("http://127.0.0.1:9108", SPLIT.originOf("/spill/no-blob"));
    assertEquals("http://127.0.0.1:9101", SPLIT.originOf("/echo"));
  }

  @Test
  void aLaterRouteForTheSamePrefixReplacesTheEarlierOne() {
    Target moved = SPLIT.withRoutes(List.of(PathRoute.parse("/spill=http://127.0.0.1:9999")));

    assertEquals("http://127.0.0.1:9999/spill", moved.urlOf("/spill"));
    assertEquals(4, moved.routes().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"spill=http://h", "/spill", "/spill=ftp://h", "/spill=http://h/x?y=1", "/spill=h:1"})
  void rejectsWhatIsNotAPrefixAndAnHttpUrl(String argument) {
    assertThrows(IllegalArgumentException.class, () -> PathRoute.parse(argument));
  }

  @Test
  void aTargetHasEveryFeatureUnlessToldOtherwise() {
    assertEquals(List.of(), SPLIT.features().missing(List.of("run-probe", "meta")));
    assertEquals(List.of("run-probe"), SPLIT.withFeatures(HostFeatures.only(Set.of("meta")))
        .features().missing(List.of("run-probe", "meta")));
  }
}
