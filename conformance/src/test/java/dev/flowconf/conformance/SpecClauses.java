package dev.flowconf.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clauses SPEC.md defines: a bullet that opens with bold ids ({@code - **ID** — …} or
 * {@code - **ID1** / **ID2** — …}), its text running on over the lines indented below it.
 */
final class SpecClauses {

  private static final Pattern OPENING = Pattern.compile("^- ((?:\\*\\*[A-Z0-9-]+\\*\\*(?:\\s*/\\s*)?)+)");
  private static final Pattern ID = Pattern.compile("\\*\\*([A-Z0-9-]+)\\*\\*");

  private SpecClauses() {}

  /** Each defined id, in document order, mapped to whether its clause says MUST (or MUST NOT). */
  static Map<String, Boolean> parse(String markdown) {
    Map<String, Boolean> clauses = new LinkedHashMap<>();
    List<String> lines = markdown.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher opening = OPENING.matcher(lines.get(i));
      if (!opening.find()) {
        continue;
      }
      StringBuilder text = new StringBuilder(lines.get(i));
      for (int next = i + 1; next < lines.size() && lines.get(next).startsWith("  "); next++) {
        text.append(' ').append(lines.get(next).strip());
      }
      boolean must = text.toString().contains("MUST");
      Matcher id = ID.matcher(opening.group(1));
      while (id.find()) {
        clauses.put(id.group(1), must);
      }
    }
    return clauses;
  }
}
