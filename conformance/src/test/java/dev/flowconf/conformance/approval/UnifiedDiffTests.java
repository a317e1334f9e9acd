package dev.flowconf.conformance.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTests {

  @Test
  void equalTextsHaveNoDiff() {
    assertEquals("", UnifiedDiffReporter.unifiedDiff("a\nb\n", "a\nb\n", "old", "new"));
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
        """, UnifiedDiffReporter.unifiedDiff(old, changed, "old", "new"));
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
        """, UnifiedDiffReporter.unifiedDiff(old, changed, "old", "new"));
  }

  @Test
  void anEmptyOldTextIsAllInsertion() {
    assertEquals("--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiffReporter.unifiedDiff("", "a\nb\n", "old", "new"));
  }

  @Test
  void anEmptyNewTextIsAllDeletion() {
    assertEquals("--- old\n+++ new\n@@ -1,2 +0,0 @@\n-a\n-b\n", UnifiedDiffReporter.unifiedDiff("a\nb\n", "", "old", "new"));
  }

  @Test
  void twoLargeWhollyDifferentTextsStillGiveOneCompleteHunk() {
    String approved = "line\n".repeat(12);
    String received = "other\n".repeat(32_000);
    String diff = UnifiedDiffReporter.unifiedDiff(approved, received, "old", "new");
    assertTrue(diff.startsWith("--- old\n+++ new\n@@ -1,12 +1,32000 @@\n"), diff.substring(0, 60));
    assertEquals(12, diff.lines().filter(l -> l.equals("-line")).count());
    assertEquals(32_000, diff.lines().filter(l -> l.equals("+other")).count());
  }

  @Test
  void aCarriageReturnIsPartOfItsLine() {
    assertEquals("--- old\n+++ new\n@@ -1,2 +1,2 @@\n-a\n+a\r\n b\n",
        UnifiedDiffReporter.unifiedDiff("a\nb\n", "a\r\nb\n", "old", "new"));
  }

  private static String numbered(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
  }
}
