package io.github.okmsvm.sandbox;

import java.time.Duration;
import java.util.List;

/** The options of the standalone sandbox, parsed strictly: an unknown or malformed option is an error. */
record SandboxOptions(boolean help, String pcc, int vms, int disks, Duration latency, Duration taskDuration) {
  static final String USAGE = String.join("\n",
      "usage: java -jar okms-sandbox-standalone.jar [options]",
      "",
      "Starts the OVHcloud API, an OKMS KMIP endpoint and a vCenter on loopback, prints the export lines that point",
      "OVHcloud's tools, govc and okms-vm-encryption at them, and runs until stopped (Ctrl-C).",
      "",
      "  --pcc NAME              the Hosted Private Cloud's service name (default pcc-198-51-100-1)",
      "  --vms N                 an inventory of N generated VMs instead of the four demo ones",
      "  --disks N               disks per generated VM (default 2)",
      "  --latency MS            added to every OVHcloud API and vCenter call (default 0)",
      "  --task-duration MS      how long a vCenter task runs (default 200)",
      "  --help                  this text");

  static SandboxOptions parse(List<String> args) {
    String pcc = "pcc-198-51-100-1";
    int vms = 0;
    int disks = 2;
    Duration latency = Duration.ZERO;
    Duration taskDuration = Duration.ofMillis(200);
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (option.equals("--help") || option.equals("-h")) {
        return new SandboxOptions(true, pcc, vms, disks, latency, taskDuration);
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value"
            : "'" + option + "' is not an option (see --help)");
      }
      String value = args.get(++i);
      switch (option) {
        case "--pcc" -> pcc = value;
        case "--vms" -> vms = number(option, value, 1, 1_000_000);
        case "--disks" -> disks = number(option, value, 0, 64);
        case "--latency" -> latency = Duration.ofMillis(number(option, value, 0, 60_000));
        case "--task-duration" -> taskDuration = Duration.ofMillis(number(option, value, 0, 600_000));
        default -> throw new IllegalArgumentException("'" + option + "' is not an option (see --help)");
      }
    }
    return new SandboxOptions(false, pcc, vms, disks, latency, taskDuration);
  }

  private static int number(String option, String value, int min, int max) {
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " '" + value + "' is not a number from " + min + " to " + max);
  }
}
