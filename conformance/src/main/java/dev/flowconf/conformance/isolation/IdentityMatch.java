package dev.flowconf.conformance.isolation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether one answer carries exactly its own request's identity: for {@code /meta} the auth user,
 * the request's {@code x-*} headers and its query; for {@code /echo} the user and the value; for
 * {@code /harness/echo} the payload. JSON is compared as trees (key order is JSON-KEYS-1's business,
 * not this check's). Only fields the request set are compared, so a host behind a proxy that adds
 * its own {@code x-*} headers still passes.
 */
public final class IdentityMatch {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int SHOWN_CHARS = 160;

  private IdentityMatch() {}

  /** What in {@code body} is not the request's own; empty when everything is. */
  public static List<String> differences(IdentityRequest request, String body) {
    JsonNode answer;
    try {
      answer = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return List.of("body is not JSON: " + shown(body));
    }
    List<String> differences = new ArrayList<>();
    switch (request.route()) {
      case META -> {
        compare(differences, "extensions.auth.user", expectedUser(request), answer.path("extensions").path("auth.user"));
        JsonNode headers = answer.path("extensions").path("http.headers");
        compare(differences, "extensions.http.headers.x-auth-user", values(request.authUserHeader()),
            headers.path("x-auth-user"));
        compare(differences, "extensions.http.headers." + IdentityRequest.TAG_HEADER, values(request.tag()),
            headers.path(IdentityRequest.TAG_HEADER));
        compare(differences, "extensions.http.query", expectedQuery(request), answer.path("extensions").path("http.query"));
        compare(differences, "labels.http.query_raw", NODES.textNode(request.rawQuery()),
            answer.path("labels").path("http.query_raw"));
      }
      case HARNESS_ECHO -> compare(differences, "body", parse(request.payload()), answer);
      case ECHO -> {
        ObjectNode expected = NODES.objectNode();
        expected.set("user", expectedUser(request));
        expected.put("value", request.echoValue().strip().toLowerCase(Locale.ROOT));
        compare(differences, "body", expected, answer);
      }
    }
    return differences;
  }

  /** A {@code /meta} answer's {@code lf.run_id} (META-LF-2), which no other run may share. */
  public static Optional<String> runId(String metaBody) {
    try {
      JsonNode id = JSON.readTree(metaBody).path("labels").path("lf.run_id");
      return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static void compare(List<String> differences, String field, JsonNode expected, JsonNode actual) {
    if (!expected.equals(actual)) {
      differences.add(field + " is " + (actual.isMissingNode() ? "missing" : shown(actual.toString()))
          + ", expected " + shown(expected.toString()));
    }
  }

  private static ObjectNode expectedUser(IdentityRequest request) {
    ObjectNode user = NODES.objectNode();
    user.put("email", request.email());
    user.put("sub", request.user());
    return user;
  }

  private static ObjectNode expectedQuery(IdentityRequest request) {
    ObjectNode query = NODES.objectNode();
    query.set("n", values(Integer.toString(request.index())));
    query.set("tag", values(request.tag()));
    query.set("who", values(request.user()));
    return query;
  }

  private static JsonNode values(String value) {
    return NODES.arrayNode().add(value);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an isolation payload is not JSON: " + json, e);
    }
  }

  private static String shown(String text) {
    return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…";
  }
}
