package io.github.okmsvm.maven;

import io.github.okmsvm.core.steps.Command;
import org.apache.maven.plugins.annotations.Mojo;

/** Guide step 1: finds the region's OKMS, or orders one when {@code okms.order=true}; never orders while an OKMS order is pending. */
@Mojo(name = "order", requiresProject = false, threadSafe = true)
public class OrderMojo extends AbstractOkmsMojo {
  @Override
  Command command() {
    return Command.ORDER;
  }
}
