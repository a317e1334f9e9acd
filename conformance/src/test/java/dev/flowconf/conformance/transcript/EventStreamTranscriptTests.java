package dev.flowconf.conformance.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.Header;
import dev.flowconf.conformance.replay.ObservedResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamTranscriptTests {

  private static final List<Header> SSE_HEADERS = List.of(
      new Header("Cache-Control", "no-cache"), new Header("Content-Type", "text/event-stream"));

  @Test
  void showsEachEventWithItsJsonLaidOutThenTheEndOfStream() {
    assertEquals("""
        <<< 200
        content-type: text/event-stream
        cache-control: no-cache

        body: event stream
        data: {
          "chunk": 0
        }

        event: error
        data: {
          "error": "node `stream` failed: boom"
        }

        end of stream
        """, response(false, SSE_HEADERS,
        "data: {\"chunk\":0}\n\nevent: error\ndata: {\"error\":\"node `stream` failed: boom\"}\n\n"));
  }

  @Test
  void leavesKeepAliveCommentsOutAndCountsThemOnlyWhenTheCaseRequiresThem() {
    String withKeepAlives = ": keepalive\n\ndata: 1\n\n: keepalive\n\n: keepalive\n\ndata: 2\n\n";
    String without = "data: 1\n\ndata: 2\n\n";

    assertEquals(response(false, SSE_HEADERS, without), response(false, SSE_HEADERS, withKeepAlives),
        "SSE-KEEPALIVE-1: how many keep-alives came depends on timing, so it never shows");
    assertEquals("end of stream\nkeep-alive comments: present\n", tail(response(true, SSE_HEADERS, withKeepAlives)));
    assertEquals("end of stream\nkeep-alive comments: none\n", tail(response(true, SSE_HEADERS, without)));
  }

  @Test
  void showsWrongFramingAsSentSoItNeverLooksApproved() {
    assertEquals("""
        body: event stream
        data:{"chunk":0}

        data: {"chunk": 1}
        data: {
          "chunk": 2
        }

        :keepalive

        data: 3\\u{000D}
        : keepalive
        data: {
          "chunk": 4
        }
        (no line feed after the last line)
        end of stream
        """, body(response(false, SSE_HEADERS, "data:{\"chunk\":0}\n\ndata: {\"chunk\": 1}\ndata: {\"chunk\":2}\n\n"
        + ":keepalive\n\ndata: 3\r\n: keepalive\ndata: {\"chunk\":4}")));
  }

  @Test
  void showsAStreamWithoutEventsAsJustItsEnd() {
    assertEquals("body: event stream\nend of stream\n", body(response(false, SSE_HEADERS, "")));
  }

  @Test
  void showsTheComparedHeadersInOneOrderSoAMissingOrExtraOneShows() {
    String json = "{\"status\":\"ok\"}";

    assertEquals("<<< 200\ncontent-type: text/event-stream\n\n",
        head(response(false, List.of(new Header("content-type", "text/event-stream")), "")),
        "SSE-HEADERS-1: without cache-control the line is simply absent");
    assertEquals("<<< 200\ncontent-type: application/json\ncache-control: no-store\ncache-control: private\n\n",
        head(response(false, List.of(new Header("cache-control", "no-store"), new Header("content-type",
            "application/json"), new Header("cache-control", "private")), json)));
  }

  private static String response(boolean keepAliveRequired, List<Header> headers, String body) {
    GoldenCase golden = new GoldenCase("sse/x", "d", List.of("SSE-DATA-1"), new CaseKind.Exchange(keepAliveRequired),
        new CaseRequest("GET", "/stream", List.of(), new byte[0]));
    String transcript = ExchangeTranscript.render(golden,
        new ObservedResponse(200, headers, body.getBytes(StandardCharsets.UTF_8)));
    return transcript.substring(transcript.indexOf("<<< "));
  }

  private static String head(String response) {
    return response.substring(0, response.indexOf("\n\n") + 2);
  }

  private static String body(String response) {
    return response.substring(response.indexOf("\n\n") + 2);
  }

  private static String tail(String response) {
    return response.substring(response.indexOf("end of stream"));
  }
}
