package dev.flowconf.conformance.transcript;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.Separators.Spacing;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lays a JSON value out with Jackson's pretty printer: one member per line, indented by two spaces,
 * {@code "name": value}, empty containers as {@code []} and {@code {}}, in the order the host sent
 * them (so a wrong key order shows). Names and scalars are written as the host wrote them, never
 * re-encoded; characters a reviewer could not see are then shown by {@link VisibleText}.
 */
final class JsonLayout {

  private static final JsonFactory WRITER = JsonFactory.builder()
      // As deep as the parser let through (see VerbatimJson).
      .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
      .build();
  private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
  private static final Separators SEPARATORS = Separators.createDefaultInstance()
      .withObjectFieldValueSpacing(Spacing.AFTER)
      .withObjectEmptySeparator("")
      .withArrayEmptySeparator("");

  private JsonLayout() {}

  static String of(VerbatimJson json) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = WRITER.createGenerator(out)) {
      // A pretty printer counts the nesting as it goes, so each layout needs its own.
      generator.setPrettyPrinter(new DefaultPrettyPrinter(SEPARATORS).withObjectIndenter(INDENT)
          .withArrayIndenter(INDENT));
      for (VerbatimJson.Token token : json.tokens()) {
        switch (token.kind()) {
          case START_OBJECT -> generator.writeStartObject();
          case END_OBJECT -> generator.writeEndObject();
          case START_ARRAY -> generator.writeStartArray();
          case END_ARRAY -> generator.writeEndArray();
          case FIELD_NAME -> generator.writeFieldName(new SourceName(token.text()));
          default -> generator.writeRawValue(token.text());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return VisibleText.ofText(out.toString());
  }

  /**
   * A name whose quoted form is the host's own text between the quotes, so the generator copies its
   * escapes as they came ({@code "\u0061"} stays so) instead of quoting the decoded name afresh. Its
   * value is that text too: the generator only keeps it as the current name.
   */
  private static final class SourceName extends SerializedString {

    SourceName(String quotedName) {
      super(quotedName.substring(1, quotedName.length() - 1));
      _quotedChars = _value.toCharArray();
      _quotedUTF8Ref = _value.getBytes(StandardCharsets.UTF_8);
    }
  }
}
