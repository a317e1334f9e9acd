package dev.flowconf.conformance.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTests {

  @Test
  void equalTextsHaveNoDiff() {
    assertEquals("", UnifiedDiff.of("a\nb\n", "a\nb\n", "old", "new"));
  }

  @Test
  void farApartChangesGetTheirOwnHunksWithThreeLinesOfContext() {
    String old = numbered(1, 20);
    String changed = old.replace("line 2\n", "line two\n").replace("line 18\n", "");

    assertEquals("""
        --- old
        +++ new
        @@ -1,5 +1,5 @@
         line 1
        -line 2
        +line two
         line 3
         line 4
         line 5
        @@ -15,6 +15,5 @@
         line 15
         line 16
         line 17
        -line 18
         line 19
         line 20
        """, UnifiedDiff.of(old, changed, "old", "new"));
  }

  @Test
  void changesAtMostSixLinesApartShareAHunk() {
    String old = numbered(1, 10);
    String changed = old.replace("line 2\n", "").replace("line 9\n", "line nine\n");

    assertEquals("""
        --- old
        +++ new
        @@ -1,10 +1,9 @@
         line 1
        -line 2
         line 3
         line 4
         line 5
         line 6
         line 7
         line 8
        -line 9
        +line nine
         line 10
        """, UnifiedDiff.of(old, changed, "old", "new"));
  }

  @Test
  void anEmptyOldTextIsAllInsertion() {
    assertEquals("--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.of("", "a\nb\n", "old", "new"));
  }

  private static String numbered(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
  }
}
