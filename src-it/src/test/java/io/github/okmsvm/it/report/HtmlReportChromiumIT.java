package io.github.okmsvm.it.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.okmsvm.core.report.ComplianceReport;
import io.github.okmsvm.core.report.ReportWriters;
import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.VmState;
import io.github.okmsvm.core.vsphere.VmState.CryptoKey;
import io.github.okmsvm.core.vsphere.VmState.Disk;
import io.github.okmsvm.it.Conformance;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a person sees it, in a real browser (Debian's headless Chromium, with no network): it renders,
 * and the failing VMs are on the first screen even when they sort last among many compliant ones.
 */
class HtmlReportChromiumIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** The failing rows' background in the page's style. */
  private static final int FAILING_ROW = 0xffebe9;

  @TempDir static Path dir;
  private static Path page;

  @BeforeAll
  static void write() {
    Conformance.requirePeer(CHROMIUM, "chromium");
    CryptoKey okms = new CryptoKey("key", "okms-eu-west-rbx");
    List<VmState> vms = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      vms.add(vm(String.format("app-%02d", i), okms, okms));
    }
    vms.add(vm("zz-billing", null, (CryptoKey) null));
    vms.add(vm("zz-ledger", okms, (CryptoKey) null));
    ReportWriters.writeAll(ComplianceReport.judge("VMware vCenter Server 8.0.3", "vcenter.example/DC0/vm/prod",
        "okms-eu-west-rbx", 0, vms), dir);
    page = dir.resolve(ReportWriters.HTML);
  }

  @Test
  void rendersWithTheFailingVmsAndWhy() throws Exception {
    String dom = chromium("--dump-dom", page.toUri().toString());

    assertThat(dom).contains("VM encryption compliance: FAILED", "40 of 42 VMs compliant (2 non-compliant, 0"
        + " allowed): FAILED", "Not compliant (2)");
    assertThat(dom).containsSubsequence("<td>zz-billing</td>", "VM home is not encrypted", "<td>zz-ledger</td>",
        "Hard disk 1 is not encrypted", "<td>app-01</td>");
  }

  @Test
  void showsTheFailingVmsOnTheFirstScreen() throws Exception {
    Path shot = dir.resolve("first-screen.png");
    chromium("--window-size=1280,800", "--screenshot=" + shot, page.toUri().toString());

    BufferedImage image = ImageIO.read(shot.toFile());
    int failingPixels = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == FAILING_ROW) {
          failingPixels++;
        }
      }
    }
    assertThat(failingPixels).as("pixels of failing rows on the first 1280×800 screen").isGreaterThan(2 * 1000);
  }

  private static String chromium(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
        "--user-data-dir=" + dir.resolve("profile"), "--host-resolver-rules=MAP * ~NOTFOUND"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(process.exitValue()).as("chromium's exit status").isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static VmState vm(String name, CryptoKey home, CryptoKey... disks) {
    List<Disk> list = new ArrayList<>();
    for (int i = 0; i < disks.length; i++) {
      list.add(new Disk(2000 + i, "Hard disk " + (i + 1), "[ds] " + name + ".vmdk", disks[i], null));
    }
    return new VmState(new MoRef("VirtualMachine", "vm-" + name), name, "poweredOff", false, home, list, null, null);
  }
}
