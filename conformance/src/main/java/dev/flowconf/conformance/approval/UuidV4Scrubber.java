package dev.flowconf.conformance.approval;

import org.approvaltests.scrubbers.RegExScrubber;

/**
 * Replaces each distinct UUID v4 (a fresh {@code lf.run_id} per run, META-LF-2) with a stable token,
 * {@code <uuid-1>}, {@code <uuid-2>}, … in order of first appearance, so a transcript still shows
 * which ids are equal. Only version 4 in its canonical lower-case form: a fixed v5 flow id stays as
 * sent, and a run id of another form shows up in the diff.
 */
final class UuidV4Scrubber extends RegExScrubber {

  UuidV4Scrubber() {
    super("\\b[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\b", n -> "<uuid-" + n + ">");
  }
}
