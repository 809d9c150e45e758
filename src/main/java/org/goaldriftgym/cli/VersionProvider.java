package org.goaldriftgym.cli;

import org.goaldriftgym.artifact.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the harness version and the commit it was built from. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "goal-drift-gym " + BuildInfo.current().describe(),
      "Java " + System.getProperty("java.version")
    };
  }
}
