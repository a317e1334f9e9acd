package dev.flowconf.conformance.golden;

import java.nio.file.Path;

/**
 * The layout of a goldens directory: {@code cases/<topic>/<case-name>.case.json}, with the approved
 * transcript {@code <case-name>.approved.txt} and each host's {@code <case-name>.<host>.received.txt}
 * beside it, {@code expectations/<host>/<topic>/<case-name>.json} for the cases a host is
 * expected to fail, {@code features.json} naming the optional host features cases may need and
 * {@code profiles/<name>.json} describing targets. Other folders (vendored data) may sit next to them.
 */
public record GoldenFiles(Path root) {

  static final String CASE_SUFFIX = ".case.json";
  static final String EXPECTATION_SUFFIX = ".json";
  private static final String APPROVED_SUFFIX = ".approved.txt";
  private static final String RECEIVED_SUFFIX = ".received.txt";

  public GoldenFiles {
    root = root.toAbsolutePath().normalize();
  }

  public Path casesDir() {
    return root.resolve("cases");
  }

  /** {@code features.json}: the optional host features cases may need. */
  public Path featuresFile() {
    return root.resolve("features.json");
  }

  /** {@code profiles/}: what named targets are, {@code <name>.json} each. */
  public Path profilesDir() {
    return root.resolve("profiles");
  }

  public Path expectationsDir() {
    return root.resolve("expectations");
  }

  /** The path of a case's files without suffix; the approval namer appends {@code .approved.txt} etc. */
  public Path caseBase(String caseId) {
    return casesDir().resolve(caseId);
  }

  /** {@code cases/<topic>/<case-name>.case.json}, whether or not it exists. */
  public Path caseFile(String caseId) {
    return Path.of(caseBase(caseId) + CASE_SUFFIX);
  }

  /** {@code cases/<topic>/<case-name>.approved.txt}, whether or not it exists. */
  public Path approvedFile(String caseId) {
    return Path.of(caseBase(caseId) + APPROVED_SUFFIX);
  }

  /** {@code cases/<topic>/<case-name>.<host>.received.txt}, whether or not it exists. */
  public Path receivedFile(String caseId, String host) {
    return Path.of(caseBase(caseId) + "." + host + RECEIVED_SUFFIX);
  }

  /** {@code expectations/<host>/<topic>/<case-name>.json}, whether or not it exists. */
  public Path expectationFile(String caseId, String host) {
    return expectationsDir().resolve(host).resolve(caseId + EXPECTATION_SUFFIX);
  }

  /** A case id as given on a command line: {@code echo/x.case.json}, as a shell completes it, is {@code echo/x}. */
  public static String caseIdArgument(String text) {
    return text.endsWith(CASE_SUFFIX) ? text.substring(0, text.length() - CASE_SUFFIX.length()) : text;
  }

  /** {@code cases/echo/s1-happy-path.case.json} → {@code echo/s1-happy-path}. */
  String caseIdOf(Path caseFile) {
    return idWithin(casesDir(), caseFile, CASE_SUFFIX);
  }

  /** {@code expectations/workers/flows/s6-spill-acks.json} → {@code flows/s6-spill-acks}. */
  String caseIdOfExpectation(Path hostDir, Path expectationFile) {
    return idWithin(hostDir, expectationFile, EXPECTATION_SUFFIX);
  }

  private static String idWithin(Path dir, Path file, String suffix) {
    String relative = dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
        .replace(file.getFileSystem().getSeparator(), "/");
    return relative.substring(0, relative.length() - suffix.length());
  }
}
