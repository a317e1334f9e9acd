package dev.flowconf.conformance.golden;

import java.nio.file.Path;

/** A case or expectation file that cannot be read or breaks its format; the message names the file. */
public final class InvalidCaseException extends RuntimeException {

  InvalidCaseException(Path file, String problem) {
    super(file + ": " + problem);
  }

  InvalidCaseException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
