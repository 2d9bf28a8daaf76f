package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The VMs a run is about: names and globs ({@code app-*}, {@code db-?}) from {@code vms}, within {@code vmFolder}
 * when given, read in pages of the PropertyCollector (never one call per VM). A plain name that matches nothing is
 * an error; a glob that matches nothing is only a warning.
 */
final class VmSelection {
  static final int PAGE = 1000;

  private VmSelection() {}

  /**
   * The selected VMs, streamed page by page so that only they stay in memory (not the whole inventory); with
   * {@code devices}, each disk's device as read too, for a reconfigure.
   */
  static List<VmState> select(StepContext context, boolean devices) {
    EncryptionSettings settings = context.settings();
    VirtualMachines vms = new VirtualMachines(context.vcenter());
    MoRef container = settings.vmFolder == null ? null : vms.folder(settings.vmFolder);
    if (settings.vms.isEmpty()) {
      List<VmState> all = new ArrayList<>();
      vms.each(container, PAGE, devices, all::add);
      if (all.isEmpty() && !settings.allowEmptySelection) {
        throw new ConfigurationException("vmFolder", "'" + settings.vmFolder + "' holds no VM", "check the folder,"
            + " or set allowEmptySelection=true when an empty selection is expected");
      }
      return all;
    }
    List<Predicate<String>> patterns = new ArrayList<>();
    for (String wanted : settings.vms) {
      boolean glob = wanted.contains("*") || wanted.contains("?");
      Pattern pattern = glob ? Pattern.compile(toRegex(wanted)) : null;
      patterns.add(glob ? name -> pattern.matcher(name).matches() : wanted::equals);
    }
    // a VM goes with the first pattern it matches: the selection in the patterns' order, each in vCenter's
    List<List<VmState>> byPattern = new ArrayList<>();
    boolean[] matched = new boolean[patterns.size()];
    patterns.forEach(pattern -> byPattern.add(new ArrayList<>()));
    vms.each(container, PAGE, devices, vm -> {
      boolean kept = false;
      for (int i = 0; i < patterns.size(); i++) {
        if (patterns.get(i).test(vm.name())) {
          matched[i] = true;
          if (!kept) {
            byPattern.get(i).add(vm);
            kept = true;
          }
        }
      }
    });
    List<String> unmatched = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      String wanted = settings.vms.get(i);
      if (!matched[i]) {
        if (!wanted.contains("*") && !wanted.contains("?")) {
          throw new ConfigurationException("vms", "names '" + wanted + "', and no VM of that name is in "
              + where(settings) + ": check the name (it is case-sensitive) or use a glob such as " + wanted + "*");
        }
        unmatched.add("'" + wanted + "'");
        context.warn("no VM matches '" + wanted + "'");
      }
    }
    List<VmState> selected = byPattern.stream().flatMap(List::stream).toList();
    if (selected.isEmpty() && !settings.allowEmptySelection) {
      throw new ConfigurationException("vms", "matches no VM in " + where(settings) + ": " + String.join(", ",
          unmatched) + " match" + (unmatched.size() == 1 ? "es" : "") + " nothing (names are case-sensitive)",
          "check the patterns, or set allowEmptySelection=true when an empty selection is expected");
    }
    return selected;
  }

  /**
   * Every selected VM judged before any is touched: when {@code refusal} names a reason for some, none is changed
   * ({@code verb}: what the step does, "encrypt", "re-key"), unless {@code partial}.
   */
  static void refuseAnyUnlessPartial(StepContext context, Function<VmState, String> refusal, String verb,
      String participle) {
    if (context.settings().partial) {
      return;
    }
    List<VmState> vms = context.selectedVms();
    List<String> refusals = vms.stream().map(refusal).filter(Objects::nonNull).toList();
    if (!refusals.isEmpty()) {
      throw new StepException(refusals.size() + " of " + vms.size() + " selected VMs cannot be " + participle
          + ", so none was touched: " + String.join("; ", refusals) + ". Fix them, or set partial=true to " + verb
          + " the others now");
    }
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
