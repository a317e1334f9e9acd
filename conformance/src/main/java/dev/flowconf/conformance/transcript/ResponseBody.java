package dev.flowconf.conformance.transcript;

import dev.flowconf.conformance.golden.Header;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Shows a response body: an event stream (by its content type) as its events, one strict JSON value
 * re-laid out with the host's tokens, anything else as text.
 */
final class ResponseBody {

  /** Past this a body (say, a host echoing 10 MB) is shown by size, SHA-256 and edges ({@link LongContent}). */
  static final int SHOWN_WHOLE_BYTES = 64 * 1024;

  private ResponseBody() {}

  static boolean isEventStream(List<Header> headers) {
    return headers.stream()
        .filter(header -> header.name().equals("content-type"))
        .anyMatch(header -> header.value().split(";", 2)[0].strip().toLowerCase(Locale.ROOT)
            .equals("text/event-stream"));
  }

  /** The body, ending in a line feed; for an event stream its events, then {@code end of stream}. */
  static String render(List<Header> headers, byte[] body, boolean keepAliveRequired) {
    if (isEventStream(headers)) {
      EventStreamText stream = EventStreamText.parse(text(body));
      return "body: event stream\n" + stream.render() + "end of stream\n"
          + (keepAliveRequired ? keepAliveLine(stream) : "");
    }
    if (body.length == 0) {
      return "body: empty\n";
    }
    if (body.length > SHOWN_WHOLE_BYTES) {
      return "body: " + LongContent.summary(body) + "\n";
    }
    Optional<VerbatimJson> json = strictUtf8(body).flatMap(VerbatimJson::parse);
    if (json.isPresent()) {
      return "body: JSON, " + (json.get().compact() ? "compact" : "not compact") + ", " + byteCount(body.length)
          + "\n" + JsonLayout.of(json.get()) + "\n";
    }
    return "body: text, " + byteCount(body.length) + "\n" + VisibleText.ofBytes(body) + "\n";
  }

  /** Shown only for cases that require keep-alive comments: whether any came is stable, how many is not. */
  private static String keepAliveLine(EventStreamText stream) {
    return "keep-alive comments: " + (stream.keepAliveComments() > 0 ? "present" : "none") + "\n";
  }

  /** The text of an event stream; bytes that are not UTF-8 become {@code \xNN}, which no JSON line can hold. */
  private static String text(byte[] body) {
    return strictUtf8(body).orElseGet(() -> VisibleText.ofBytes(body));
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
