package dev.flowconf.conformance.approval;

import dev.flowconf.conformance.golden.GoldenFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A reviewer's one step (what {@code flowconf approve CASE} does): a host's received transcript of a
 * case becomes the case's approved transcript. The received files it settles are deleted; one that
 * still differs from the new approved text is kept, since it is still a mismatch.
 */
public final class ReceivedApproval {

  /** What was done: {@code created} when there was no approved transcript before. */
  public record Approved(String caseId, String host, Path approvedFile, boolean created, String diff,
      List<Path> deleted, List<Path> kept) {}

  /** Nothing was approved, and nothing changed; the message says why and what to do. */
  public static final class CannotApprove extends RuntimeException {
    CannotApprove(String message) {
      super(message);
    }
  }

  private final GoldenFiles goldens;

  public ReceivedApproval(GoldenFiles goldens) {
    this.goldens = goldens;
  }

  /**
   * The received transcripts of {@code caseId}, by host, read from
   * {@code <case-name>.<host>.received.txt} beside the case.
   */
  public Map<String, Path> receivedOf(String caseId) {
    Path caseBase = goldens.caseBase(caseId);
    Pattern name = Pattern.compile(Pattern.quote(caseBase.getFileName().toString())
        + "\\.([a-z0-9][a-z0-9-]*)\\.received\\.txt");
    Map<String, Path> byHost = new TreeMap<>();
    if (!Files.isDirectory(caseBase.getParent())) {
      return byHost;
    }
    try (Stream<Path> files = Files.list(caseBase.getParent())) {
      files.forEach(file -> {
        Matcher matcher = name.matcher(file.getFileName().toString());
        if (matcher.matches()) {
          byHost.put(matcher.group(1), file);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + caseBase.getParent(), e);
    }
    return byHost;
  }

  /**
   * Copies {@code host}'s received transcript (or the only one there is, or the one every host
   * agrees on) over the approved one. Refuses when there is none, when hosts differ and none was
   * named, and when the host's ledger expects it to fail the case (its transcript is a known
   * deviation, not what every host owes).
   */
  public Approved approve(String caseId, Optional<String> host) {
    if (!Files.isRegularFile(goldens.caseFile(caseId))) {
      throw new CannotApprove("no case `" + caseId + "`: " + goldens.caseFile(caseId) + " does not exist");
    }
    Map<String, Path> received = receivedOf(caseId);
    String chosen = host.orElseGet(() -> onlyTranscript(caseId, received));
    Path source = received.get(chosen);
    if (source == null) {
      throw new CannotApprove("nothing to approve: no received transcript of `" + caseId + "` from " + chosen
          + (received.isEmpty() ? "" : " (there are from " + String.join(", ", received.keySet()) + ")"));
    }
    Path ledger = goldens.expectationFile(caseId, chosen);
    if (Files.exists(ledger)) {
      throw new CannotApprove(ledger + " expects " + chosen + " to fail `" + caseId + "`, so its transcript is a "
          + "known deviation, not what every host owes; if every host should now answer like this, delete that "
          + "file first");
    }
    String text = read(source);
    Path approvedFile = goldens.approvedFile(caseId);
    boolean created = !Files.exists(approvedFile);
    String diff = UnifiedDiffReporter.unifiedDiff(created ? "" : read(approvedFile), text,
        created ? "/dev/null" : approvedFile.getFileName().toString(), source.getFileName().toString());
    copy(source, approvedFile);
    List<Path> deleted = new ArrayList<>();
    List<Path> kept = new ArrayList<>();
    for (Path file : received.values()) {
      if (sameBytes(file, approvedFile)) {
        delete(file);
        deleted.add(file);
      } else {
        kept.add(file);
      }
    }
    return new Approved(caseId, chosen, approvedFile, created, diff, deleted, kept);
  }

  private String onlyTranscript(String caseId, Map<String, Path> received) {
    if (received.isEmpty()) {
      throw new CannotApprove("nothing to approve: `" + caseId + "` has no received transcript (no "
          + goldens.caseBase(caseId).getFileName() + ".<host>.received.txt); a run leaves one when a host's "
          + "transcript differs from the approved one");
    }
    Path first = received.values().iterator().next();
    if (received.values().stream().anyMatch(file -> !sameBytes(file, first))) {
      throw new CannotApprove("the received transcripts of `" + caseId + "` differ between hosts ("
          + String.join(", ", received.keySet()) + "); say which one to approve with --host");
    }
    return received.keySet().iterator().next();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Byte for byte: a transcript is compared as Approval Tests compares it, as the file's text. */
  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }

  private static boolean sameBytes(Path a, Path b) {
    try {
      return Files.mismatch(a, b) == -1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compare " + a + " with " + b, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
