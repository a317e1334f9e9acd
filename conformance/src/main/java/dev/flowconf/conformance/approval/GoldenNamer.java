package dev.flowconf.conformance.approval;

import java.io.File;
import java.nio.file.Path;
import org.approvaltests.namer.ApprovalNamer;
import org.approvaltests.writers.Writer;

/**
 * Names one case's files for one host: {@code <case-name>.approved.txt}, shared by every host, and
 * {@code <case-name>.<host>.received.txt}, so hosts checked in the same run never overwrite each
 * other's received transcript.
 */
final class GoldenNamer implements ApprovalNamer {

  private final Path caseBase;
  private final String host;

  /** {@code caseBase} is the case file's path without {@code .case.json}. */
  GoldenNamer(Path caseBase, String host) {
    this.caseBase = caseBase;
    this.host = host;
  }

  @Override
  public File getApprovedFile(String extensionWithDot) {
    return new File(caseBase + Writer.approved + extensionWithDot);
  }

  @Override
  public File getReceivedFile(String extensionWithDot) {
    return new File(caseBase + "." + host + Writer.received + extensionWithDot);
  }

  @Override
  public String getApprovalName() {
    return caseBase.getFileName().toString();
  }

  @Override
  public String getSourceFilePath() {
    return caseBase.getParent().toString();
  }

  /** Golden files are named by case id and host alone; extra name parts would orphan the approved file. */
  @Override
  public ApprovalNamer addAdditionalInformation(String info) {
    throw new UnsupportedOperationException("golden transcripts take no additional name parts: " + info);
  }

  @Override
  public String getAdditionalInformation() {
    return "";
  }
}
