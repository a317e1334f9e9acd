package dev.flowconf.conformance.transcript;

import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.Header;
import dev.flowconf.conformance.replay.ObservedResponse;
import dev.flowconf.conformance.transcript.JsonTokenizer.JsonText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Renders one exchange as the text an approved transcript holds: the case header, the request as
 * sent, and the normalized response (status, compared headers, body). Deterministic: nothing in it
 * depends on time, port or host name.
 */
public final class TranscriptRenderer {

  /** The response headers a transcript shows, in this order; all others (date, server, …) vary by host. */
  public static final List<String> COMPARED_HEADERS = List.of("content-type", "allow");

  public String render(GoldenCase golden, ObservedResponse response) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(golden.id()).append(" — ").append(VisibleText.ofText(golden.description())).append('\n');
    out.append("# clauses: ").append(String.join(" ", golden.clauses())).append("\n\n");
    appendRequest(golden.request(), out);
    out.append('\n');
    appendResponse(response, out);
    return out.toString();
  }

  private static void appendRequest(CaseRequest request, StringBuilder out) {
    out.append(">>> ").append(request.method()).append(' ').append(VisibleText.ofText(request.path())).append('\n');
    request.headers().forEach(header -> appendHeader(header, out));
    out.append('\n');
    out.append(request.hasBody() ? VisibleText.ofBytes(request.body()) : "(no body)").append('\n');
  }

  private static void appendResponse(ObservedResponse response, StringBuilder out) {
    out.append("<<< ").append(response.status()).append('\n');
    for (String name : COMPARED_HEADERS) {
      response.headers().stream()
          .filter(header -> header.name().equals(name))
          .forEach(header -> appendHeader(header, out));
    }
    out.append('\n');
    appendBody(response.body(), out);
  }

  private static void appendHeader(Header header, StringBuilder out) {
    out.append(header.name()).append(": ").append(VisibleText.ofText(header.value())).append('\n');
  }

  private static void appendBody(byte[] body, StringBuilder out) {
    if (body.length == 0) {
      out.append("body: empty\n");
      return;
    }
    Optional<JsonText> json = strictUtf8(body).flatMap(JsonTokenizer::tokenize);
    if (json.isPresent()) {
      out.append("body: JSON, ").append(json.get().compact() ? "compact" : "not compact").append(", ")
          .append(byteCount(body.length)).append('\n')
          .append(JsonReindenter.reindent(json.get().tokens())).append('\n');
    } else {
      out.append("body: text, ").append(byteCount(body.length)).append('\n')
          .append(VisibleText.ofBytes(body)).append('\n');
    }
  }

  private static Optional<String> strictUtf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty(); // JSON must be UTF-8 (RFC 8259 §8.1); show it as text with \xNN bytes
    }
  }

  private static String byteCount(int n) {
    return n == 1 ? "1 byte" : n + " bytes";
  }
}
