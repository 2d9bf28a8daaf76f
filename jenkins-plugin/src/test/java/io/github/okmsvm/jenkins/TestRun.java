package io.github.okmsvm.jenkins;

import hudson.model.Job;
import hudson.model.Run;

/** A build as a step sees it. */
public final class TestRun extends Run<TestRun.TestJob, TestRun> {
  /** Its job. */
  public static final class TestJob extends Job<TestJob, TestRun> {}

  @Override
  public String getExternalizableId() {
    return "okms-test#1";
  }
}
