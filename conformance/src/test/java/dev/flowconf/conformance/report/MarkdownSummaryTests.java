package dev.flowconf.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSummaryTests {

  @TempDir
  Path goldensDir;

  @Test
  void givesTotalsPerHostTheParityLineAndEachFailureWithItsClauses() throws Exception {
    assertEquals("""
        ### flowconf conformance: 3 failed

        | host | target | PASS | FAIL | XFAIL | XPASS | N/A |
        |---|---|---:|---:|---:|---:|---:|
        | reference | http://127.0.0.1:1 | 3 | 0 | 0 | 1 | 0 |
        | workers | http://127.0.0.1:2 | 1 | 2 | 1 | 0 | 0 |

        Parity: the hosts' transcripts differ on 3 of 4 cases: `echo/decimals` (reference PASS, workers FAIL), `flows/spill` \
        (reference PASS, workers XFAIL), `sse/stream` (reference XPASS, workers FAIL).

        Failing:
        - `echo/decimals` on workers: FAIL [JSON-NUM-2 ECHO-RAW-1]
        - `sse/stream` on reference: XPASS [STREAM-1]
        - `sse/stream` on workers: FAIL [STREAM-1]

        4 cases × 2 hosts, checked in 4.3 s. Details: `index.html`, `junit-<host>.xml`.
        """, MarkdownSummary.render(SampleRun.in(goldensDir).run));
  }
}
