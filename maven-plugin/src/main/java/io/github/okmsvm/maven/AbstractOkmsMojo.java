package io.github.okmsvm.maven;

import io.github.okmsvm.core.common.Json;
import io.github.okmsvm.core.common.UserException;
import io.github.okmsvm.core.common.Words;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.config.SettingSource;
import io.github.okmsvm.core.config.SettingSpelling;
import io.github.okmsvm.core.connect.Connections;
import io.github.okmsvm.core.steps.Command;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.GuideStep;
import io.github.okmsvm.core.steps.Outputs;
import io.github.okmsvm.core.steps.StepContext;
import io.github.okmsvm.core.steps.StepResult;
import io.github.okmsvm.core.vsphere.VcenterSettings;
import io.github.okmsvm.sandbox.OkmsSandbox;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every okms goal shares: the settings (each an {@code okms.*} property), credentials (explicit, environment,
 * {@code ovh.conf}, then {@code settings.xml} servers), the sandbox, progress rendering, outputs as project
 * properties and JSON, and errors turned into one message that names the property and the fix.
 */
abstract class AbstractOkmsMojo extends AbstractMojo {
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Component
  SettingsDecrypter decrypter;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  MojoExecution mojoExecution;

  /** Read from properties, never as parameters: Maven's debug output (-X) lists every parameter's value. */
  private SecretProperties secrets;

  /** Skips the goal. */
  @Parameter(property = PluginProperties.SKIP, defaultValue = "false")
  boolean skip;

  /** Dry run: reads everything, prints the changes it would make, makes none. */
  @Parameter(property = PluginProperties.PLAN, defaultValue = "false")
  boolean plan;

  /** Runs against an embedded sandbox (OVHcloud API, OKMS and vCenter on loopback) started for this build. */
  @Parameter(property = PluginProperties.SANDBOX, defaultValue = "false")
  boolean sandbox;

  /** Fails when a secret is configured in the POM rather than in the environment or settings.xml. */
  @Parameter(property = PluginProperties.STRICT, defaultValue = "false")
  boolean strict;

  /** OKMS region, such as {@code eu-west-rbx} ({@code EU_WEST_RBX} is accepted). */
  @Parameter(property = PluginProperties.REGION)
  String region;

  /** The OKMS id, to use a given OKMS rather than the region's. */
  @Parameter(property = PluginProperties.OKMS_ID)
  String okmsId;

  /** Allows ordering an OKMS when the region has none (a purchase: off by default). */
  @Parameter(property = PluginProperties.ORDER, defaultValue = "false")
  boolean order;

  /** The Hosted Private Cloud service name, such as {@code pcc-198-51-100-1}. */
  @Parameter(property = PluginProperties.PCC_SERVICE_NAME)
  String pccServiceName;

  /** The KMIP endpoint {@code host:port}, when not the OKMS's own. */
  @Parameter(property = PluginProperties.KMIP_ENDPOINT)
  String kmipEndpoint;

  /** Identity URNs the OKMS credential and IAM policy are for (the account's own identity by default). */
  @Parameter(property = PluginProperties.IDENTITY_URNS)
  List<String> identityUrns;

  /** Name of the OKMS credential that signs vCenter's CSR. */
  @Parameter(property = PluginProperties.CREDENTIAL_NAME, defaultValue = EncryptionSettings.DEFAULT_CREDENTIAL_NAME)
  String credentialName;

  /** Validity of that credential, 1 to 365 days. */
  @Parameter(property = PluginProperties.CREDENTIAL_VALIDITY_DAYS,
      defaultValue = "" + EncryptionSettings.DEFAULT_CREDENTIAL_VALIDITY_DAYS)
  int credentialValidityDays;

  /** Renew vCenter's client certificate this many days before it expires. */
  @Parameter(property = PluginProperties.RENEW_BEFORE_DAYS,
      defaultValue = "" + EncryptionSettings.DEFAULT_RENEW_BEFORE_DAYS)
  int renewBeforeDays;

  /** vCenter key provider name (default {@code okms-<region>}). */
  @Parameter(property = PluginProperties.PROVIDER_NAME)
  String providerName;

  /** Make the key provider vCenter's default. */
  @Parameter(property = PluginProperties.SET_DEFAULT, defaultValue = "true")
  boolean setDefault;

  /** Name of the IAM policy. */
  @Parameter(property = PluginProperties.IAM_POLICY_NAME, defaultValue = EncryptionSettings.DEFAULT_POLICY_NAME)
  String iamPolicyName;

  /** IAM actions the policy allows (the guide's by default). */
  @Parameter(property = PluginProperties.IAM_ACTIONS)
  List<String> iamActions;

  /** Name of the encryption storage policy. */
  @Parameter(property = PluginProperties.STORAGE_POLICY_NAME,
      defaultValue = EncryptionSettings.DEFAULT_POLICY_NAME)
  String storagePolicyName;

  /** VM names or globs ({@code app-*}). */
  @Parameter(property = PluginProperties.VMS)
  List<String> vms;

  /** VM folder inventory path, such as {@code DC0/vm/prod}. */
  @Parameter(property = PluginProperties.VM_FOLDER)
  String vmFolder;

  /** Allows shutting down powered-on VMs to encrypt them; their power state is restored. */
  @Parameter(property = PluginProperties.ALLOW_POWER_OFF, defaultValue = "false")
  boolean allowPowerOff;

  /** Encrypts the VMs that can be even when others of the selection are refused (snapshots, powered on). */
  @Parameter(property = PluginProperties.PARTIAL, defaultValue = "false")
  boolean partial;

  /** Accepts a VM selection that matches no VM (by default a mistake, which fails). */
  @Parameter(property = PluginProperties.ALLOW_EMPTY_SELECTION, defaultValue = "false")
  boolean allowEmptySelection;

  /** Seconds to wait for a guest shutdown before a hard power-off. */
  @Parameter(property = PluginProperties.SHUTDOWN_TIMEOUT,
      defaultValue = "" + EncryptionSettings.DEFAULT_SHUTDOWN_TIMEOUT_SECONDS)
  int shutdownTimeoutSeconds;

  /** VMs encrypted at a time. */
  @Parameter(property = PluginProperties.PARALLELISM, defaultValue = "" + EncryptionSettings.DEFAULT_PARALLELISM)
  int parallelism;

  /** Longest wait for any one thing (an order, a task, a connection), in seconds. */
  @Parameter(property = PluginProperties.TIMEOUT, defaultValue = "" + EncryptionSettings.DEFAULT_TIMEOUT_SECONDS)
  int timeoutSeconds;

  /** Non-compliant VMs the check tolerates. */
  @Parameter(property = PluginProperties.MAX_NON_COMPLIANT, defaultValue = "0")
  int maxNonCompliant;

  /**
   * More non-compliant VMs than this (and no more than maxNonCompliant): the check passes with a warning. Unset: no
   * such band.
   */
  @Parameter(property = PluginProperties.UNSTABLE_NON_COMPLIANT)
  Integer unstableNonCompliant;

  /** The check fails a VM whose key provider's client certificate expires within this many days (0: once expired). */
  @Parameter(property = PluginProperties.MIN_CERTIFICATE_DAYS, defaultValue = "0")
  int minCertificateDays;

  /**
   * Encrypted vMotion every selected VM must have at least: {@code required} or {@code opportunistic}; encrypt-vm
   * sets it, check checks it. Unset: left alone.
   */
  @Parameter(property = PluginProperties.ENCRYPTED_VMOTION)
  String encryptedVMotion;

  /** rekey: new data keys too (the VM off, its disks rewritten), not only a new key-encryption key. */
  @Parameter(property = PluginProperties.DEEP_REKEY, defaultValue = "false")
  boolean deepRekey;

  /** OVHcloud endpoint: {@code ovh-eu}, {@code ovh-ca}, {@code ovh-us} or an API URL. */
  @Parameter(property = PluginProperties.OVH_ENDPOINT)
  String ovhEndpoint;

  /** OAuth2 token URL, when the endpoint's is not the right one. */
  @Parameter(property = PluginProperties.OVH_TOKEN_URL)
  String ovhTokenUrl;

  /** A PEM file with the CA that issued the OVHcloud API's certificate, when the system's trust store lacks it. */
  @Parameter(property = PluginProperties.OVH_CA_FILE)
  File ovhCaFile;

  /** OVHcloud application key (not a secret). */
  @Parameter(property = PluginProperties.OVH_APPLICATION_KEY)
  String ovhApplicationKey;

  /** OVHcloud service account client id (not a secret). */
  @Parameter(property = PluginProperties.OVH_CLIENT_ID)
  String ovhClientId;

  /** settings.xml server whose username/password are an OVHcloud service account (client id/secret). */
  @Parameter(property = PluginProperties.OVH_SERVER_ID, defaultValue = "okms-ovh")
  String ovhServerId;

  /** vCenter host or URL ({@code VSPHERE_SERVER}). */
  @Parameter(property = PluginProperties.VCENTER_SERVER)
  String vcenterServer;

  /** vCenter user ({@code VSPHERE_USER}). */
  @Parameter(property = PluginProperties.VCENTER_USER)
  String vcenterUser;

  /** settings.xml server holding the vCenter user and password. */
  @Parameter(property = PluginProperties.VCENTER_SERVER_ID, defaultValue = "okms-vcenter")
  String vcenterServerId;

  /** Pins vCenter's certificate by SHA-1 or SHA-256 thumbprint. */
  @Parameter(property = PluginProperties.VCENTER_THUMBPRINT)
  String vcenterThumbprint;

  /** A PEM file with the CA that issued vCenter's certificate. */
  @Parameter(property = PluginProperties.VCENTER_CA_FILE)
  File vcenterCaFile;

  /** Accepts any vCenter certificate (labs only; {@code VSPHERE_ALLOW_UNVERIFIED_SSL}). */
  @Parameter(property = PluginProperties.VCENTER_INSECURE, defaultValue = "false")
  boolean vcenterInsecure;

  /** Where outputs ({@code <goal>.json}) and reports go. */
  @Parameter(property = PluginProperties.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/okms")
  File outputDirectory;

  /** What this goal does: its name and the guide steps it runs come from the core. */
  abstract Command command();

  /** The steps this goal runs, in order. */
  List<GuideStep> steps() {
    return EncryptionFlow.forCommand(command(), true, null);
  }

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    String goal = command().goal();
    if (skip) {
      getLog().info("[okms] " + goal + " skipped (" + PluginProperties.SKIP + "=true)");
      return;
    }
    MavenProgressRenderer renderer = new MavenProgressRenderer(getLog());
    StepContext context = null;
    try {
      PropertyCheck.check(project == null ? List.of(session.getUserProperties())
          : List.of(session.getUserProperties(), project.getProperties()));
      beforeRun();
      context = connections().open(settings(), renderer, line -> getLog().debug("[okms] " + line));
      List<StepResult> results = EncryptionFlow.run(steps(), context);
      Map<String, String> outputs = results.isEmpty() ? Map.of() : results.get(results.size() - 1).outputs();
      publish(outputs);
      List<String> changes = renderer.changes();
      getLog().info("[okms] " + goal + (plan ? " plan: " : ": ") + Words.count(changes.size(), "change")
          + (plan ? " would be made" : "") + (changes.isEmpty() ? ", everything already as wanted" : ""));
    } catch (UserException e) {
      String message = message(goal, e);
      // Maven repeats a cause's message that the message does not contain: one problem a line is enough
      throw message.contains(e.getMessage()) ? new MojoFailureException(message, e)
          : new MojoFailureException(message);
    } finally {
      if (context != null) {
        context.close();
      }
    }
  }

  /** The gate's report formats: only the check goal has them. */
  List<String> reportFormats() {
    return List.of();
  }

  /** Checks before the steps run; the check goal refuses offline builds here. */
  void beforeRun() throws MojoFailureException {}

  EncryptionSettings settings() {
    EncryptionSettings.Builder builder = EncryptionSettings.builder()
        .region(sandbox && region == null && okmsId == null ? "eu-west-rbx" : region).okmsId(okmsId).order(order)
        .pccServiceName(sandbox && pccServiceName == null ? SandboxHolder.PCC : pccServiceName)
        .kmipEndpoint(kmipEndpoint).credentialName(credentialName).credentialValidityDays(credentialValidityDays)
        .renewBeforeDays(renewBeforeDays).providerName(providerName).setDefault(setDefault)
        .iamPolicyName(iamPolicyName).storagePolicyName(storagePolicyName).vmFolder(vmFolder)
        .allowPowerOff(allowPowerOff).partial(partial).allowEmptySelection(allowEmptySelection)
        .shutdownTimeout(Duration.ofSeconds(shutdownTimeoutSeconds))
        .parallelism(parallelism).timeout(Duration.ofSeconds(timeoutSeconds)).plan(plan)
        .maxNonCompliant(maxNonCompliant).unstableNonCompliant(unstableNonCompliant).encryptedVMotion(encryptedVMotion)
        .deepRekey(deepRekey).minCertificateDays(minCertificateDays).reportFormats(reportFormats());
    if (identityUrns != null) {
      builder.identityUrns(identityUrns);
    }
    if (iamActions != null && !iamActions.isEmpty()) {
      builder.iamActions(iamActions);
    }
    if (vms != null) {
      builder.vms(vms.stream().map(vm -> vm == null ? "" : vm.strip()).toList());
    }
    return builder.build();
  }

  /**
   * Where connections come from: the {@code okms.*} parameters, the environment, {@code ovh.conf}, then the
   * settings.xml servers; with {@code okms.sandbox}, the embedded sandbox alone (its vCenter adopting the login
   * those sources give).
   */
  Connections connections() throws MojoFailureException {
    secrets = SecretProperties.read(session, project, mojoExecution);
    List<SettingSource> sources = new ArrayList<>(List.of(SettingSource.of("parameters", parameters()),
        SettingSource.environment(environment()), SettingSource.ovhConfFiles(SettingSource.defaultOvhConfFiles()),
        SettingsXmlServer.source(session, decrypter, ovhServerId, "ovhServerId", SettingNames.OVH_CLIENT_ID,
            SettingNames.OVH_CLIENT_SECRET),
        SettingsXmlServer.source(session, decrypter, vcenterServerId, "vcenterServerId", SettingNames.VCENTER_USER,
            SettingNames.VCENTER_PASSWORD)));
    String ovhHints = "add a settings.xml <server> with id " + ovhServerId + " (username = client id, password ="
        + " client secret)";
    String vcenterHints = "add a settings.xml <server> with id " + vcenterServerId;
    Connections configured = Connections.resolve(sources, ovhHints, vcenterHints);
    if (!sandbox) {
      checkSecretsOutsideThePom();
      return configured;
    }
    VcenterSettings login = configured.vcenter();
    OkmsSandbox box = login.hasLogin() ? SandboxHolder.get(login.user(), login.password()) : SandboxHolder.get(null,
        null);
    if (login.hasLogin()) {
      getLog().info("[okms] the sandbox vCenter adopts the login of " + login.user() + " ("
          + login.describeSources() + ")");
    }
    getLog().info("[okms] running against the embedded sandbox (" + box.ovhEndpoint().apiBase() + ", "
        + box.vcenterUrl() + ")");
    return Connections.resolve(List.of(SandboxHolder.source(box)), null, null);
  }

  /** The parameters that say how to connect, by their core names. */
  private Map<String, String> parameters() {
    Map<String, String> values = new HashMap<>();
    values.put(SettingNames.OVH_ENDPOINT, ovhEndpoint);
    values.put(SettingNames.OVH_TOKEN_URL, ovhTokenUrl);
    values.put(SettingNames.OVH_CA_FILE, ovhCaFile == null ? null : ovhCaFile.getPath());
    values.put(SettingNames.OVH_APPLICATION_KEY, ovhApplicationKey);
    values.put(SettingNames.OVH_CLIENT_ID, ovhClientId);
    values.put(SettingNames.VCENTER_SERVER, vcenterServer);
    values.put(SettingNames.VCENTER_USER, vcenterUser);
    values.put(SettingNames.VCENTER_THUMBPRINT, vcenterThumbprint);
    values.put(SettingNames.VCENTER_CA_FILE, vcenterCaFile == null ? null : vcenterCaFile.getPath());
    values.put(SettingNames.VCENTER_INSECURE, vcenterInsecure ? "true" : null);
    values.putAll(secrets.values());
    return values;
  }

  /** The environment as Maven sees it ({@code env.*} system properties), so tests can set it. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    session.getSystemProperties().forEach((key, value) -> {
      if (key.toString().startsWith("env.")) {
        env.put(key.toString().substring(4), value.toString());
      }
    });
    return env;
  }

  /**
   * A directory parameter whose default names the project's build directory: outside a project ({@code mvn okms:check}
   * in any folder) Maven leaves the expression as it is, and the folder is {@code target/okms} of where Maven runs.
   */
  Path directory(File configured) {
    if (!configured.getPath().contains("${")) {
      return configured.toPath();
    }
    String root = session == null || session.getExecutionRootDirectory() == null ? "."
        : session.getExecutionRootDirectory();
    return Path.of(root, "target", "okms");
  }

  /** Secrets set in the POM are a warning, and an error under {@code okms.strict}: they belong elsewhere. */
  private void checkSecretsOutsideThePom() throws MojoFailureException {
    for (String property : secrets.inThePom()) {
      String message = property + " is set in the POM: move it to the environment (OVH_*, VSPHERE_PASSWORD) or a"
          + " settings.xml <server>";
      if (strict) {
        throw new MojoFailureException(message + " (" + PluginProperties.STRICT + " forbids secrets in the POM)");
      }
      getLog().warn("[okms] " + message);
    }
  }

  private void publish(Map<String, String> outputs) throws MojoExecutionException {
    if (project != null) {
      outputs.forEach((name, value) -> project.getProperties().setProperty(PluginProperties.PREFIX + name, value));
    }
    try {
      Path directory = directory(outputDirectory);
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(command().goal() + ".json"), Json.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(Outputs.typed(outputs, plan)) + "\n");
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the outputs into " + outputDirectory + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * The core's message with settings written the way Maven users write them: one that names a setting first names it
   * {@code okms.region}; a fix that sets one reads {@code set -Dokms.order=true}.
   */
  static String message(String goal, UserException e) {
    return SettingSpelling.MAVEN.rewrite(unprefixedMessage(goal, e));
  }

  private static String unprefixedMessage(String goal, UserException e) {
    if (e instanceof ConfigurationException several && several.problems().size() > 1) {
      StringBuilder lines = new StringBuilder("[okms] " + goal + ": " + several.problems().size()
          + " settings need fixing:");
      several.problems().forEach(problem -> lines.append("\n  ").append(prefixed(problem)));
      return lines.toString();
    }
    String prefixed = prefixed(e);
    return prefixed.equals(e.getMessage()) ? "[okms] " + goal + " failed: " + prefixed : prefixed;
  }

  /** A message naming a setting first names it the way Maven users write it ({@code okms.region}). */
  private static String prefixed(UserException e) {
    String message = e.getMessage();
    boolean namesSetting = e.field().isPresent() && message.startsWith(e.field().get() + " ")
        && !e.field().get().startsWith(PluginProperties.PREFIX);
    return namesSetting ? PluginProperties.PREFIX + message : message;
  }
}
