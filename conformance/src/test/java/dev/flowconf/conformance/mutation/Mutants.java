package dev.flowconf.conformance.mutation;

import static dev.flowconf.conformance.mutation.CheckKind.CANCELLATION_PROBE;
import static dev.flowconf.conformance.mutation.CheckKind.COMPARED_HEADER;
import static dev.flowconf.conformance.mutation.CheckKind.ENVELOPE;
import static dev.flowconf.conformance.mutation.CheckKind.ERROR_EVENT;
import static dev.flowconf.conformance.mutation.CheckKind.JSON_BODY;
import static dev.flowconf.conformance.mutation.CheckKind.KEEP_ALIVE;
import static dev.flowconf.conformance.mutation.CheckKind.SSE_FRAMING;
import static dev.flowconf.conformance.mutation.CheckKind.SSE_ORDER;
import static dev.flowconf.conformance.mutation.CheckKind.STATUS;

import dev.flowconf.conformance.mutation.Behaviour.Answers;
import dev.flowconf.conformance.mutation.Behaviour.HoldsUntilTheClientLeaves;
import dev.flowconf.conformance.mutation.Behaviour.OnClientLeaving;
import dev.flowconf.conformance.mutation.Behaviour.Runs;
import dev.flowconf.conformance.mutation.Behaviour.StreamsUntilTheClientLeaves;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The catalogue of broken hosts. Each differs from the host that answers exactly as the case's
 * approved transcript says in one place, and the runner must fail each one, showing that place.
 */
final class Mutants {

  private static final String NODE_FAILURE = "data: {\"error\":\"node `fails` failed: boom\"}\n";

  static final List<Mutant> ALL = List.of(
      // name, check kind, case, how it violates, the one change, what the runner's diff must show
      new Mutant("status-200-for-400", STATUS, "echo/s1-invalid-json",
          "answers a parse error 200 instead of 400",
          answer(a -> a.withStatus(200)), "+<<< 200"),
      new Mutant("status-404-for-405", STATUS, "routing/wrong-method",
          "answers a wrong method 404 instead of 405",
          answer(a -> a.withStatus(404)), "+<<< 404"),
      new Mutant("status-500-for-sse-error", STATUS, "sse/preflight-error-for-sse-client",
          "sends the SSE error event with status 500 instead of 200",
          answer(a -> a.withStatus(500)), "+<<< 500"),

      new Mutant("content-type-charset", COMPARED_HEADER, "echo/s1-happy-path",
          "content-type `application/json; charset=utf-8`",
          answer(a -> a.withHeader("content-type", "application/json; charset=utf-8")),
          "+content-type: application/json; charset=utf-8"),
      new Mutant("stream-without-cache-control", COMPARED_HEADER, "harness/stream-three-chunks",
          "streams without `cache-control: no-cache`",
          answer(a -> a.withoutHeader("cache-control")), "-cache-control: no-cache"),
      new Mutant("allow-get-post", COMPARED_HEADER, "routing/wrong-method",
          "`allow: GET, POST` on a POST-only path",
          answer(a -> a.withHeader("allow", "GET, POST")), "+allow: GET, POST"),
      new Mutant("eventsource-given-json", COMPARED_HEADER, "sse/eventsource-stream",
          "serves the EventSource stream as `application/json`",
          answer(a -> a.withHeader("content-type", "application/json")), "+connection failed"),

      new Mutant("value-not-lower-cased", JSON_BODY, "echo/s1-happy-path",
          "a value changed: `HeLLo` for `hello`",
          answer(a -> a.replacingOnce("\"hello\"", "\"HeLLo\"")), "+  \"value\": \"HeLLo\""),
      new Mutant("decimal-1-10", JSON_BODY, "harness/echo-decimals",
          "writes `1.1` as `1.10`",
          answer(a -> a.replacingOnce("[1.1,", "[1.10,")), "+  1.10,"),
      new Mutant("u64-rounded", JSON_BODY, "harness/echo-integer-edges",
          "rounds u64 max as a double would (18446744073709552000)",
          answer(a -> a.replacingOnce("18446744073709551615", "18446744073709552000")),
          "+  \"u64_max\": 18446744073709552000,"),
      new Mutant("keys-in-utf16-order", JSON_BODY, "harness/echo-key-order",
          "keys out of order: 😀 before Ａ (UTF-16, not code-point order)",
          answer(a -> a.replacingOnce("\"Ａ\":11,\"😀\":10", "\"😀\":10,\"Ａ\":11")), "+  \"😀\": 10,"),
      new Mutant("json-not-compact", JSON_BODY, "flows/s4-preflight-kv",
          "non-compact JSON: `{\"key\": \"k\", \"n\": [1, 2]}`",
          answer(a -> a.replacingOnce("{\"key\":\"k\",\"n\":[1,2]}", "{\"key\": \"k\", \"n\": [1, 2]}")),
          "+body: JSON, not compact"),

      new Mutant("envelope-without-code", ENVELOPE, "flows/s4-preflight-cap101",
          "the CAP101 envelope lacks `code`",
          answer(a -> a.replacingOnce("\"code\":\"CAP101\",", "")), "-  \"code\": \"CAP101\","),
      new Mutant("envelope-details-out-of-order", ENVELOPE, "errors/invalid-if",
          "`details` holds `kind` before `id`",
          answer(a -> a.replacingOnce("{\"id\":\"if:trigger:0\",\"kind\":\"if\"}", "{\"kind\":\"if\",\"id\":\"if:trigger:0\"}")),
          "+    \"kind\": \"if\","),
      new Mutant("envelope-hints-repeated", ENVELOPE, "flows/s6-spill-no-blob",
          "`details.hints` not unique (no case has two distinct hints to reorder)",
          answer(a -> a.replacingOnce("[\"resource::blob::write\"]", "[\"resource::blob::write\",\"resource::blob::write\"]")),
          "+      \"resource::blob::write\","),
      new Mutant("envelope-extra-code", ENVELOPE, "errors/node-failure",
          "adds a `code` where upstream has none",
          answer(a -> a.replacingOnce("{\"error\"", "{\"code\":\"NODE_FAILED\",\"error\"")),
          "+  \"code\": \"NODE_FAILED\","),
      new Mutant("sse-envelope-without-details", ENVELOPE, "sse/unsupported-error-for-sse-client",
          "the CTRL901 envelope in the error event lacks `details`",
          answer(a -> a.replacingOnce(",\"details\":{\"id\":\"rate_limit:0\",\"kind\":\"rate_limit\"}", "")),
          "-  \"details\": {"),

      new Mutant("events-swapped", SSE_ORDER, "flows/s2-site-stream-post",
          "sends update_1 before update_0",
          answer(a -> a.swappingEvents(1, 2)), "+  \"stage\": \"update_1\","),
      new Mutant("eventsource-events-swapped", SSE_ORDER, "sse/eventsource-site-alpha",
          "EventSource gets update_0 before the snapshot",
          answer(a -> a.swappingEvents(0, 1)), "+  \"stage\": \"update_0\","),

      new Mutant("data-without-space", SSE_FRAMING, "harness/stream-three-chunks",
          "`data:{…}` without the space",
          answer(a -> a.replacingOnce("data: {\"chunk\":0}", "data:{\"chunk\":0}")), "+data:{\"chunk\":0}"),
      new Mutant("blank-line-missing", SSE_FRAMING, "harness/stream-three-chunks",
          "no blank line between the second and third event",
          answer(a -> a.replacingOnce("{\"chunk\":1}\n\n", "{\"chunk\":1}\n")), "-\n data: {"),
      new Mutant("crlf-line-endings", SSE_FRAMING, "harness/stream-three-chunks",
          "ends lines with CRLF",
          answer(a -> a.replacingEvery("\n", "\r\n")), "+data: {\"chunk\":0}\\u{000D}"),
      new Mutant("eventsource-id-field", SSE_FRAMING, "sse/eventsource-stream",
          "an `id:` field on the second event, read by EventSource",
          answer(a -> a.replacingOnce("data: {\"chunk\":1}", "id: 7\ndata: {\"chunk\":1}")), "+id: 7"),

      new Mutant("error-event-line-missing", ERROR_EVENT, "sse/preflight-error-for-sse-client",
          "the error envelope comes without `event: error`",
          answer(a -> a.replacingOnce("event: error\n", "")), "-event: error"),
      new Mutant("data-before-event-line", ERROR_EVENT, "sse/node-failure-for-sse-client",
          "writes `data:` before `event: error`",
          answer(a -> a.replacingOnce("event: error\n" + NODE_FAILURE, NODE_FAILURE + "event: error\n")),
          "}\n+event: error"),
      new Mutant("item-error-as-data", ERROR_EVENT, "sse/stream-item-error",
          "a failed stream item sent as a plain `data:` event",
          answer(a -> a.replacingOnce("event: error\n", "")), "-event: error"),

      new Mutant("keep-alive-missing", KEEP_ALIVE, "sse/site-stream-keep-alive",
          "no keep-alive comment in 120 ms pauses",
          answer(a -> a.replacingEvery(": keepalive\n\n", "")), "+keep-alive comments: none"),
      new Mutant("keep-alive-other-comment", KEEP_ALIVE, "sse/site-stream-keep-alive",
          "`: ping` instead of `: keepalive`",
          answer(a -> a.replacingEvery(": keepalive\n", ": ping\n")), "+: ping"),

      new Mutant("aborted-stream-stays-active", CANCELLATION_PROBE, "cancellation/cancel-stream-abort",
          "counts the aborted stream cancelled but its run stays active",
          onClientLeaving(OnClientLeaving.KEEPS_IT_ACTIVE), "+active: never 0"),
      new Mutant("aborted-value-not-cancelled", CANCELLATION_PROBE, "cancellation/slow-value-abort",
          "never shows the aborted value run cancelled (books it completed, as if it never noticed)",
          onClientLeaving(OnClientLeaving.BOOKS_IT_COMPLETED), "+cancelled: did not grow"),
      new Mutant("probe-keys-unsorted", CANCELLATION_PROBE, "cancellation/cancel-stream-abort",
          "the run probe writes its counts with keys out of order",
          probeKeysUnsorted(), "+run probe: answered {\"started\":"));

  private Mutants() {}

  /** Changes the answer: the whole of a finite one, or the head of an endless stream. */
  private static UnaryOperator<Behaviour> answer(UnaryOperator<Answer> change) {
    return behaviour -> {
      if (behaviour instanceof Answers answers) {
        return new Answers(change.apply(answers.answer()));
      }
      if (behaviour instanceof StreamsUntilTheClientLeaves streams) {
        return new StreamsUntilTheClientLeaves(change.apply(streams.head()), streams.runs());
      }
      throw new IllegalStateException("a held value run has no answer to change");
    };
  }

  private static UnaryOperator<Behaviour> onClientLeaving(OnClientLeaving how) {
    return runs(runs -> new Runs(how, runs.probeKeysSorted()));
  }

  private static UnaryOperator<Behaviour> probeKeysUnsorted() {
    return runs(runs -> new Runs(runs.onClientLeaving(), false));
  }

  private static UnaryOperator<Behaviour> runs(UnaryOperator<Runs> change) {
    return behaviour -> {
      if (behaviour instanceof StreamsUntilTheClientLeaves streams) {
        return new StreamsUntilTheClientLeaves(streams.head(), change.apply(streams.runs()));
      }
      if (behaviour instanceof HoldsUntilTheClientLeaves holds) {
        return new HoldsUntilTheClientLeaves(change.apply(holds.runs()));
      }
      throw new IllegalStateException("a finite answer has no runs to change");
    };
  }
}
