package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The VMs a run is about: names and globs ({@code app-*}, {@code db-?}) from {@code vms}, within {@code vmFolder}
 * when given, read in pages of the PropertyCollector (never one call per VM). A plain name that matches nothing is
 * an error; a glob that matches nothing is only a warning.
 */
final class VmSelection {
  static final int PAGE = 1000;

  private VmSelection() {}

  static List<VmState> select(StepContext context) {
    EncryptionSettings settings = context.settings();
    VirtualMachines vms = new VirtualMachines(context.vcenter());
    List<VmState> candidates = settings.vmFolder == null ? vms.list(null, PAGE) : vms.inFolder(settings.vmFolder,
        PAGE);
    if (settings.vms.isEmpty()) {
      if (candidates.isEmpty() && !settings.allowEmptySelection) {
        throw new ConfigurationException("vmFolder", "'" + settings.vmFolder + "' holds no VM", "check the folder,"
            + " or set allowEmptySelection=true when an empty selection is expected");
      }
      return candidates;
    }
    Map<String, VmState> selected = new LinkedHashMap<>();
    List<String> unmatched = new ArrayList<>();
    for (String wanted : settings.vms) {
      boolean glob = wanted.contains("*") || wanted.contains("?");
      Pattern pattern = glob ? Pattern.compile(toRegex(wanted)) : null;
      List<VmState> matches = new ArrayList<>();
      for (VmState vm : candidates) {
        if (glob ? pattern.matcher(vm.name()).matches() : vm.name().equals(wanted)) {
          matches.add(vm);
        }
      }
      if (matches.isEmpty()) {
        if (!glob) {
          throw new ConfigurationException("vms", "names '" + wanted + "', and no VM of that name is in "
              + where(settings) + ": check the name (it is case-sensitive) or use a glob such as " + wanted + "*");
        }
        unmatched.add("'" + wanted + "'");
        context.warn("no VM matches '" + wanted + "'");
      }
      matches.forEach(vm -> selected.putIfAbsent(vm.ref().value(), vm));
    }
    if (selected.isEmpty() && !settings.allowEmptySelection) {
      throw new ConfigurationException("vms", "matches no VM in " + where(settings) + ": " + String.join(", ",
          unmatched) + " match" + (unmatched.size() == 1 ? "es" : "") + " nothing (names are case-sensitive)",
          "check the patterns, or set allowEmptySelection=true when an empty selection is expected");
    }
    return List.copyOf(selected.values());
  }

  private static String where(EncryptionSettings settings) {
    return settings.vmFolder == null ? "vCenter" : settings.vmFolder;
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return regex.toString();
  }
}
