package dev.flowconf.conformance.golden;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads one {@code *.case.json} file into a {@link GoldenCase}, rejecting anything ambiguous. */
final class CaseFileReader {

  /** An HTTP method is a token (RFC 9110 §9.1); one that is not upper-case goes over a raw socket. */
  private static final Pattern METHOD = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** What a generated body or header value may come to: enough for any limit, small enough for a typo. */
  private static final int MAX_GENERATED_BYTES = 64 * 1024 * 1024;

  // Unknown fields and repeated keys are errors: a typo must not silently drop part of a request.
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  record CaseFile(String description, List<String> clauses, List<String> features, String kind, String keepAlive,
      Integer abortAfterEvents, Integer abortAfterMs, RequestFile request) {}

  /**
   * A header is a string, an array of strings for a field sent more than once, or a {@link Repetition}
   * for a long value. At most one body source: {@code body}, {@code bodyBase64} or {@code bodyRepeat}.
   */
  record RequestFile(String method, String path, LinkedHashMap<String, JsonNode> headers, String body,
      String bodyBase64, Repetition bodyRepeat) {}

  /**
   * Generated text, for what a case file could not hold readably (a 10 MB body, a 64 KiB header):
   * {@code prefix}, then {@code repeat} {@code times} times, then {@code suffix}; sent as UTF-8.
   */
  record Repetition(String prefix, String repeat, Integer times, String suffix) {}

  private final Path file;

  private CaseFileReader(Path file) {
    this.file = file;
  }

  static GoldenCase read(Path file, String caseId) {
    return new CaseFileReader(file).toGoldenCase(caseId, parse(file));
  }

  private static CaseFile parse(Path file) {
    try {
      return MAPPER.readValue(file.toFile(), CaseFile.class);
    } catch (JacksonException e) {
      throw new InvalidCaseException(file, "not a valid case file: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidCaseException(file, "cannot be read", e);
    }
  }

  private GoldenCase toGoldenCase(String caseId, CaseFile data) {
    String description = required(data.description(), "description");
    if (description.isBlank() || description.contains("\n") || description.contains("\r")) {
      throw invalid("`description` must be one line of text");
    }
    List<String> clauses = required(data.clauses(), "clauses");
    if (clauses.isEmpty() || clauses.stream().anyMatch(c -> c == null || c.isBlank())) {
      throw invalid("`clauses` must list at least one clause id, none blank");
    }
    CaseRequest request = toRequest(required(data.request(), "request"));
    CaseKind kind = toKind(data, request);
    return new GoldenCase(caseId, description, clauses, features(data.features(), kind), kind, request);
  }

  /**
   * The optional host features the case needs, each named once. What its kind needs in any case must
   * be listed too, so that the case file alone says where it applies: a check that reads the run
   * counters needs {@code run-probe}, one that waits for keep-alive comments {@code keepalive-interval}.
   */
  private List<String> features(List<String> features, CaseKind kind) {
    List<String> listed = features == null ? List.of() : features;
    if (listed.stream().anyMatch(f -> f == null || f.isBlank()) || listed.stream().distinct().count() < listed.size()) {
      throw invalid("`features` must name each feature once, none blank");
    }
    if (kind.readsRunCounts() && !listed.contains(FeatureCatalog.RUN_PROBE)) {
      throw invalid("this `kind` reads the run probe: `features` must list `" + FeatureCatalog.RUN_PROBE + "`");
    }
    if (kind instanceof CaseKind.Exchange exchange && exchange.keepAliveRequired()
        && !listed.contains(FeatureCatalog.KEEPALIVE_INTERVAL)) {
      throw invalid("`keepAlive` needs a shortened interval: `features` must list `"
          + FeatureCatalog.KEEPALIVE_INTERVAL + "`");
    }
    return listed;
  }

  private CaseKind toKind(CaseFile data, CaseRequest request) {
    String kind = data.kind() == null ? "exchange" : data.kind();
    CaseKind parsed = switch (kind) {
      case "exchange" -> new CaseKind.Exchange(keepAliveRequired(data.keepAlive()));
      case "browser-eventsource" -> new CaseKind.BrowserEventSource();
      case "abort-stream" -> new CaseKind.AbortStream(positive(data.abortAfterEvents(), "abortAfterEvents"));
      case "abort-value" -> new CaseKind.AbortValue(positive(data.abortAfterMs(), "abortAfterMs"));
      default -> throw invalid("`kind` must be exchange, browser-eventsource, abort-stream or abort-value, got `"
          + kind + "`");
    };
    onlyFor(data.keepAlive(), "keepAlive", parsed instanceof CaseKind.Exchange);
    onlyFor(data.abortAfterEvents(), "abortAfterEvents", parsed instanceof CaseKind.AbortStream);
    onlyFor(data.abortAfterMs(), "abortAfterMs", parsed instanceof CaseKind.AbortValue);
    if (!(parsed instanceof CaseKind.Exchange)) {
      request.whyOnlyARawSocketSendsIt().ifPresent(why -> {
        throw invalid("only an `exchange` case can send this request: " + why);
      });
    }
    if (parsed instanceof CaseKind.BrowserEventSource
        && (!request.method().equals("GET") || !request.headers().isEmpty() || request.hasBody())) {
      throw invalid("an EventSource sends a plain GET: no other method, no headers, no body");
    }
    return parsed;
  }

  private boolean keepAliveRequired(String keepAlive) {
    if (keepAlive != null && !keepAlive.equals("required")) {
      throw invalid("`keepAlive` can only be `required`, got `" + keepAlive + "`");
    }
    return keepAlive != null;
  }

  private int positive(Integer value, String field) {
    if (required(value, field) < 1) {
      throw invalid("`" + field + "` must be at least 1, got " + value);
    }
    return value;
  }

  private void onlyFor(Object value, String field, boolean allowed) {
    if (value != null && !allowed) {
      throw invalid("`" + field + "` does not apply to this `kind`");
    }
  }

  private CaseRequest toRequest(RequestFile request) {
    String method = required(request.method(), "request.method");
    if (!METHOD.matcher(method).matches()) {
      throw invalid("`request.method` must be an HTTP method (a token such as `POST`), got `" + method + "`");
    }
    String path = required(request.path(), "request.path");
    if (!path.startsWith("/")) {
      throw invalid("`request.path` must start with `/`, got `" + path + "`");
    }
    List<Header> headers = new ArrayList<>();
    if (request.headers() != null) {
      for (Map.Entry<String, JsonNode> entry : request.headers().entrySet()) {
        List<Header> fields = headerFields(entry.getKey(), entry.getValue());
        if (headers.stream().anyMatch(h -> h.name().equals(fields.get(0).name()))) {
          throw invalid("header `" + fields.get(0).name() + "` is given more than once");
        }
        headers.addAll(fields);
      }
    }
    return new CaseRequest(method, path, headers, body(request));
  }

  private List<Header> headerFields(String name, JsonNode value) {
    if (value != null && value.isTextual()) {
      return List.of(new Header(name, value.textValue()));
    }
    if (value != null && value.isObject()) {
      return List.of(new Header(name, generated(repetition(value, name), "request.headers." + name)));
    }
    if (value != null && value.isArray() && value.size() >= 2) {
      List<Header> fields = new ArrayList<>();
      for (JsonNode element : value) {
        if (!element.isTextual()) {
          throw invalid("header `" + name + "`: every value of a repeated field must be a string");
        }
        fields.add(new Header(name, element.textValue()));
      }
      return fields;
    }
    throw invalid("header `" + name + "` must be a string, an array of two or more strings to send the field "
        + "that many times, or {\"repeat\": …, \"times\": …} to generate a long value");
  }

  private byte[] body(RequestFile request) {
    List<String> given = new ArrayList<>();
    if (request.body() != null) given.add("`body`");
    if (request.bodyBase64() != null) given.add("`bodyBase64`");
    if (request.bodyRepeat() != null) given.add("`bodyRepeat`");
    if (given.size() > 1) {
      throw invalid("give one body source (`body`, `bodyBase64` or `bodyRepeat`), not " + String.join(" and ", given));
    }
    if (request.bodyBase64() != null) {
      try {
        return Base64.getDecoder().decode(request.bodyBase64());
      } catch (IllegalArgumentException e) {
        throw invalid("`request.bodyBase64` is not base64: " + e.getMessage());
      }
    }
    if (request.bodyRepeat() != null) {
      return generated(request.bodyRepeat(), "request.bodyRepeat").getBytes(StandardCharsets.UTF_8);
    }
    return request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
  }

  private Repetition repetition(JsonNode value, String header) {
    try {
      return MAPPER.treeToValue(value, Repetition.class);
    } catch (JacksonException e) {
      throw invalid("`request.headers." + header + "` is not a repetition: " + e.getOriginalMessage());
    }
  }

  /** The text a repetition at {@code field} stands for, after checking it says what it must. */
  private String generated(Repetition repetition, String field) {
    if (repetition.repeat() == null || repetition.repeat().isEmpty()) {
      throw invalid("`" + field + ".repeat` must be a non-empty string");
    }
    int times = required(repetition.times(), field + ".times");
    if (times < 1) {
      throw invalid("`" + field + ".times` must be at least 1, got " + times);
    }
    String prefix = repetition.prefix() == null ? "" : repetition.prefix();
    String suffix = repetition.suffix() == null ? "" : repetition.suffix();
    long bytes = utf8Length(prefix) + (long) times * utf8Length(repetition.repeat()) + utf8Length(suffix);
    if (bytes > MAX_GENERATED_BYTES) {
      throw invalid("`" + field + "` makes " + bytes + " bytes, more than the " + MAX_GENERATED_BYTES
          + " a case may send");
    }
    return prefix + repetition.repeat().repeat(times) + suffix;
  }

  private static long utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private <T> T required(T value, String field) {
    if (value == null) {
      throw invalid("`" + field + "` is missing");
    }
    return value;
  }

  private InvalidCaseException invalid(String problem) {
    return new InvalidCaseException(file, problem);
  }
}
