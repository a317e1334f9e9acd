package dev.flowconf.conformance.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress while a run goes on, on stderr, so stdout keeps only the table and the failures. On a
 * terminal it is one line rewritten in place and erased at the end; in a log (CI), one line per
 * finished case × host, in the order they finish.
 */
public final class Progress implements Consumer<Outcome> {

  private static final String ERASE_LINE = "\r\033[K";

  private final PrintWriter err;
  private final int total;
  private final boolean inPlace;
  private int done;
  private int failed;

  private Progress(PrintWriter err, int total, boolean inPlace) {
    this.err = err;
    this.total = total;
    this.inPlace = inPlace;
  }

  /** {@code inPlace}: rewrite one line (a terminal) rather than print a line per outcome (a log). */
  public static Progress to(PrintWriter err, int total, boolean inPlace) {
    return new Progress(err, total, inPlace);
  }

  /** One line per outcome or the rewritten line, depending on whether stderr looks like a terminal. */
  public static Progress forConsole(PrintWriter err, int total) {
    return to(err, total, System.console() != null && System.getenv("CI") == null);
  }

  @Override
  public synchronized void accept(Outcome outcome) {
    done++;
    if (outcome.isFailure()) {
      failed++;
    }
    String counter = String.format(Locale.ROOT, "[%" + Integer.toString(total).length() + "d/%d]", done, total);
    if (inPlace) {
      err.print(ERASE_LINE + counter + (failed > 0 ? " " + failed + " failed," : "") + " last: "
          + outcome.golden().id() + " @ " + outcome.host() + " " + outcome.verdict());
    } else {
      err.printf(Locale.ROOT, "%s %-5s %s @ %s (%d ms)%n", counter, outcome.verdict(), outcome.golden().id(),
          outcome.host(), outcome.took().toMillis());
    }
    err.flush();
  }

  /** Erases the rewritten line, so the table starts on a clean line. */
  public synchronized void finish() {
    if (inPlace && done > 0) {
      err.print(ERASE_LINE);
      err.flush();
    }
  }
}
