package dev.flowconf.conformance.approval;

import java.util.ArrayList;
import java.util.List;

/** A line-based unified diff ({@code diff -u} layout, three lines of context) of two texts. */
public final class UnifiedDiff {

  private static final int CONTEXT = 3;
  // Above this many cells the line matching would cost too much memory; the changed middle is then
  // shown as removed and re-added, which is still a correct diff.
  private static final long MAX_MATCH_CELLS = 4_000_000;

  /** A script line; {@code oldAt}/{@code newAt} count the old and new lines that come before it. */
  private record Line(char mark, String text, int oldAt, int newAt) {}

  private UnifiedDiff() {}

  /** The diff from {@code oldText} to {@code newText}, or an empty string if they are equal. */
  public static String of(String oldText, String newText, String oldName, String newName) {
    List<Line> script = editScript(lines(oldText), lines(newText));
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < script.size()) {
      int firstChange = nextChange(script, i);
      if (firstChange < 0) {
        break;
      }
      int start = Math.max(i, firstChange - CONTEXT);
      int end = hunkEnd(script, firstChange);
      if (out.length() == 0) {
        out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
      }
      appendHunk(script.subList(start, end), out);
      i = end;
    }
    return out.toString();
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return List.of(body.split("\n", -1));
  }

  /** Equal prefix and suffix kept; the middle matched by longest common subsequence. */
  private static List<Line> editScript(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Line> script = new ArrayList<>();
    for (int k = 0; k < prefix; k++) {
      script.add(new Line(' ', a.get(k), k, k));
    }
    matchMiddle(a, b, prefix, a.size() - suffix, b.size() - suffix, script);
    for (int k = suffix; k > 0; k--) {
      script.add(new Line(' ', a.get(a.size() - k), a.size() - k, b.size() - k));
    }
    return script;
  }

  private static void matchMiddle(List<String> a, List<String> b, int from, int aEnd, int bEnd, List<Line> script) {
    int n = aEnd - from;
    int m = bEnd - from;
    if ((long) n * m > MAX_MATCH_CELLS) {
      for (int i = from; i < aEnd; i++) {
        script.add(new Line('-', a.get(i), i, from));
      }
      for (int j = from; j < bEnd; j++) {
        script.add(new Line('+', b.get(j), aEnd, j));
      }
      return;
    }
    // common[i][j] = length of the longest common subsequence of a[from+i..] and b[from+j..]
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] = a.get(from + i).equals(b.get(from + j))
            ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(from + i).equals(b.get(from + j))) {
        script.add(new Line(' ', a.get(from + i), from + i, from + j));
        i++;
        j++;
      } else if (j == m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
        script.add(new Line('-', a.get(from + i), from + i, from + j));
        i++;
      } else {
        script.add(new Line('+', b.get(from + j), from + i, from + j));
        j++;
      }
    }
  }

  private static int nextChange(List<Line> script, int from) {
    for (int k = from; k < script.size(); k++) {
      if (script.get(k).mark() != ' ') {
        return k;
      }
    }
    return -1;
  }

  /** End (exclusive) of the hunk holding {@code change}: changes at most two contexts apart join it. */
  private static int hunkEnd(List<Line> script, int change) {
    int lastChange = change;
    int next = nextChange(script, change + 1);
    while (next >= 0 && next - lastChange - 1 <= 2 * CONTEXT) {
      lastChange = next;
      next = nextChange(script, next + 1);
    }
    return Math.min(script.size(), lastChange + CONTEXT + 1);
  }

  private static void appendHunk(List<Line> hunk, StringBuilder out) {
    int oldCount = (int) hunk.stream().filter(l -> l.mark() != '+').count();
    int newCount = (int) hunk.stream().filter(l -> l.mark() != '-').count();
    int oldStart = hunk.get(0).oldAt();
    int newStart = hunk.get(0).newAt();
    out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
        .append(" @@\n");
    hunk.forEach(line -> out.append(line.mark()).append(line.text()).append('\n'));
  }

  /** diff -u ranges are 1-based; an empty range names the line before it. */
  private static String range(int zeroBasedStart, int count) {
    return (count == 0 ? zeroBasedStart : zeroBasedStart + 1) + "," + count;
  }
}
