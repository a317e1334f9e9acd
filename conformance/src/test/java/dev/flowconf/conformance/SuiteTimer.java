package dev.flowconf.conformance;

import java.util.Locale;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints how long the whole test run took, so a suite that grows slow is noticed in every build log. */
public final class SuiteTimer implements TestExecutionListener {

  private long startedAt;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    startedAt = System.nanoTime();
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    System.out.printf(Locale.ROOT, "flowconf conformance suite: %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
  }
}
