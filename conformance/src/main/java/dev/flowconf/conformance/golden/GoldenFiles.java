package dev.flowconf.conformance.golden;

import java.nio.file.Path;

/**
 * The layout of a goldens directory: {@code cases/<topic>/<case-name>.case.json}, with the approved
 * transcript {@code <case-name>.approved.txt} and each host's {@code <case-name>.<host>.received.txt}
 * beside it. Other folders (expectation ledgers, vendored data) may sit next to {@code cases/}.
 */
public record GoldenFiles(Path root) {

  static final String CASE_SUFFIX = ".case.json";

  public GoldenFiles {
    root = root.toAbsolutePath().normalize();
  }

  public Path casesDir() {
    return root.resolve("cases");
  }

  /** The path of a case's files without suffix; the approval namer appends {@code .approved.txt} etc. */
  public Path caseBase(String caseId) {
    return casesDir().resolve(caseId);
  }

  /** {@code cases/echo/s1-happy-path.case.json} → {@code echo/s1-happy-path}. */
  String caseIdOf(Path caseFile) {
    String relative = casesDir().relativize(caseFile.toAbsolutePath().normalize()).toString()
        .replace(caseFile.getFileSystem().getSeparator(), "/");
    return relative.substring(0, relative.length() - CASE_SUFFIX.length());
  }
}
