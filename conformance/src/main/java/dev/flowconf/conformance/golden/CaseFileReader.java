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

  private static final Pattern METHOD = Pattern.compile("[A-Z]+");

  // Unknown fields and repeated keys are errors: a typo must not silently drop part of a request.
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  record CaseFile(String description, List<String> clauses, String kind, String keepAlive,
      Integer abortAfterEvents, Integer abortAfterMs, RequestFile request) {}

  /** A header is a string, or an array of strings for a field sent more than once. */
  record RequestFile(
      String method, String path, LinkedHashMap<String, JsonNode> headers, String body, String bodyBase64) {}

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
    return new GoldenCase(caseId, description, clauses, toKind(data, request), request);
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
    if (!(parsed instanceof CaseKind.Exchange) && request.repeatsAHeaderName()) {
      throw invalid("a browser sends each header name once; only an exchange case may repeat one");
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
      throw invalid("`request.method` must be an upper-case HTTP method, got `" + method + "`");
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
    byte[] body = body(request);
    // Playwright sends `application/octet-stream` for a body without a content type, a header the
    // case would not show; so every body names its own.
    if (body.length > 0 && headers.stream().noneMatch(h -> h.name().equals("content-type"))) {
      throw invalid("a request with a body must set `content-type` in `request.headers`");
    }
    return new CaseRequest(method, path, headers, body);
  }

  private List<Header> headerFields(String name, JsonNode value) {
    if (value != null && value.isTextual()) {
      return List.of(new Header(name, value.textValue()));
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
    throw invalid("header `" + name + "` must be a string, or an array of two or more strings to send the field "
        + "that many times");
  }

  private byte[] body(RequestFile request) {
    if (request.body() != null && request.bodyBase64() != null) {
      throw invalid("give `request.body` or `request.bodyBase64`, not both");
    }
    if (request.bodyBase64() != null) {
      try {
        return Base64.getDecoder().decode(request.bodyBase64());
      } catch (IllegalArgumentException e) {
        throw invalid("`request.bodyBase64` is not base64: " + e.getMessage());
      }
    }
    return request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
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
