package io.github.okmsvm.maven;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.ovh.Json;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.ovh.OvhApiException;
import io.github.okmsvm.core.ovh.OvhConfigurationException;
import io.github.okmsvm.core.ovh.OvhCredentials;
import io.github.okmsvm.core.ovh.OvhSettings;
import io.github.okmsvm.core.ovh.OvhTransportException;
import io.github.okmsvm.core.ovh.Secret;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.GuideStep;
import io.github.okmsvm.core.steps.StepContext;
import io.github.okmsvm.core.steps.StepException;
import io.github.okmsvm.core.steps.StepResult;
import io.github.okmsvm.core.tls.TlsException;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimException;
import io.github.okmsvm.core.vsphere.VimTls;
import io.github.okmsvm.core.wait.WaitTimeoutException;
import io.github.okmsvm.sandbox.OkmsSandbox;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

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

  /** OVHcloud endpoint: {@code ovh-eu}, {@code ovh-ca}, {@code ovh-us} or an API URL. */
  @Parameter(property = PluginProperties.OVH_ENDPOINT)
  String ovhEndpoint;

  /** OAuth2 token URL, when the endpoint's is not the right one. */
  @Parameter(property = PluginProperties.OVH_TOKEN_URL)
  String ovhTokenUrl;

  /** OVHcloud application key (not a secret). */
  @Parameter(property = PluginProperties.OVH_APPLICATION_KEY)
  String ovhApplicationKey;

  /** OVHcloud application secret: give it on the command line or, better, as OVH_APPLICATION_SECRET. */
  @Parameter(property = PluginProperties.OVH_APPLICATION_SECRET)
  String ovhApplicationSecret;

  /** OVHcloud consumer key: give it on the command line or, better, as OVH_CONSUMER_KEY. */
  @Parameter(property = PluginProperties.OVH_CONSUMER_KEY)
  String ovhConsumerKey;

  /** OVHcloud service account client id (not a secret). */
  @Parameter(property = PluginProperties.OVH_CLIENT_ID)
  String ovhClientId;

  /** OVHcloud service account secret: give it on the command line or, better, as OVH_CLIENT_SECRET. */
  @Parameter(property = PluginProperties.OVH_CLIENT_SECRET)
  String ovhClientSecret;

  /** vCenter password: give it on the command line or, better, as VSPHERE_PASSWORD or in settings.xml. */
  @Parameter(property = PluginProperties.VCENTER_PASSWORD)
  String vcenterPassword;

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

  /** The goal's name, for messages and the outputs file. */
  abstract String goal();

  /** The steps this goal runs, in order. */
  abstract List<GuideStep> steps();

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("[okms] " + goal() + " skipped (" + PluginProperties.SKIP + "=true)");
      return;
    }
    MavenProgressRenderer renderer = new MavenProgressRenderer(getLog());
    StepContext context;
    try {
      context = context(renderer);
    } catch (ConfigurationException | OvhConfigurationException | IllegalArgumentException e) {
      throw new MojoFailureException(withPrefix(e.getMessage()), e);
    }
    try {
      beforeRun();
      List<StepResult> results = EncryptionFlow.run(steps(), context);
      Map<String, String> outputs = results.isEmpty() ? Map.of() : results.get(results.size() - 1).outputs();
      publish(outputs);
      List<String> changes = renderer.changes();
      getLog().info("[okms] " + goal() + (plan ? " plan: " : ": ") + changes.size() + (plan ? " change(s) would be made"
          : " change(s)") + (changes.isEmpty() ? ", everything already as wanted" : ""));
      afterRun(context);
    } catch (ConfigurationException e) {
      throw new MojoFailureException(withPrefix(e.getMessage()), e);
    } catch (StepException | OvhApiException | OvhTransportException | OvhConfigurationException | VimException
        | TlsException | WaitTimeoutException | io.github.okmsvm.core.kmip.KmipException e) {
      throw new MojoFailureException("[okms] " + goal() + " failed: " + e.getMessage(), e);
    } finally {
      context.close();
    }
  }

  /** Checks before the steps run; the check goal refuses offline builds here. */
  void beforeRun() throws MojoFailureException {}

  /** Work after the steps, such as writing reports. */
  void afterRun(StepContext context) throws MojoFailureException {}

  EncryptionSettings settings() {
    EncryptionSettings.Builder builder = EncryptionSettings.builder()
        .region(sandbox && region == null && okmsId == null ? "eu-west-rbx" : region).okmsId(okmsId).order(order)
        .pccServiceName(sandbox && pccServiceName == null ? SandboxHolder.PCC : pccServiceName)
        .kmipEndpoint(kmipEndpoint).credentialName(credentialName).credentialValidityDays(credentialValidityDays)
        .renewBeforeDays(renewBeforeDays).providerName(providerName).setDefault(setDefault)
        .iamPolicyName(iamPolicyName).storagePolicyName(storagePolicyName).vmFolder(vmFolder)
        .allowPowerOff(allowPowerOff).shutdownTimeout(Duration.ofSeconds(shutdownTimeoutSeconds))
        .parallelism(parallelism).timeout(Duration.ofSeconds(timeoutSeconds)).plan(plan)
        .maxNonCompliant(maxNonCompliant);
    if (identityUrns != null) {
      builder.identityUrns(identityUrns);
    }
    if (iamActions != null && !iamActions.isEmpty()) {
      builder.iamActions(iamActions);
    }
    if (vms != null) {
      builder.vms(vms.stream().map(String::strip).filter(vm -> !vm.isEmpty()).toList());
    }
    return builder.build();
  }

  private StepContext context(MavenProgressRenderer renderer) throws MojoFailureException {
    EncryptionSettings settings = settings();
    if (sandbox) {
      VcenterLogin login = vcenterLogin();
      OkmsSandbox box = SandboxHolder.get(login == null ? null : login.user(), login == null ? null
          : login.password());
      if (login != null) {
        getLog().info("[okms] vCenter user " + login.user() + " from " + login.source()
            + " (the sandbox vCenter adopts it)");
      }
      getLog().info("[okms] running against the embedded sandbox (" + box.ovhEndpoint().apiBase() + ", "
          + box.vcenterUrl() + ")");
      return new StepContext(settings,
          () -> OvhApi.builder().endpoint(box.ovhEndpoint()).credentials(box.serviceAccount())
              .sslContext(box.clientSslContext()).build(),
          () -> VimClient.connect(box.vcenterUrl(), box.vcenterUsername(), box.vcenterPassword(),
              box.vcenterTls(), Duration.ofSeconds(60), line -> getLog().debug("[okms] vCenter " + line)),
          renderer);
    }
    checkSecretsOutsideThePom();
    Supplier<OvhApi> ovh = () -> {
      OvhSettings resolved = ovhSettings();
      getLog().debug("[okms] OVHcloud credentials: " + resolved.describeSources());
      return OvhApi.builder().endpoint(resolved.endpoint()).credentials(resolved.credentials())
          .log(line -> getLog().debug("[okms] OVHcloud " + line)).build();
    };
    Supplier<VimClient> vim = this::vcenter;
    return new StepContext(settings, ovh, vim, renderer);
  }

  /** Explicit, then {@code OVH_*} environment, then ovh.conf, then the settings.xml server. */
  OvhSettings ovhSettings() {
    Map<String, String> explicit = new LinkedHashMap<>();
    put(explicit, OvhSettings.ENDPOINT, ovhEndpoint);
    put(explicit, OvhSettings.TOKEN_URL, ovhTokenUrl);
    put(explicit, OvhSettings.APPLICATION_KEY, ovhApplicationKey);
    put(explicit, OvhSettings.APPLICATION_SECRET, ovhApplicationSecret);
    put(explicit, OvhSettings.CONSUMER_KEY, ovhConsumerKey);
    put(explicit, OvhSettings.CLIENT_ID, ovhClientId);
    put(explicit, OvhSettings.CLIENT_SECRET, ovhClientSecret);
    OvhSettings resolved = OvhSettings.resolve(explicit, environment(), OvhSettings.defaultConfFiles());
    try {
      resolved.credentials();
      return resolved;
    } catch (OvhConfigurationException e) {
      Server server = server(ovhServerId, "ovhServerId");
      if (server == null) {
        throw new OvhConfigurationException("credentials", "are missing", "set OVH_CLIENT_ID and OVH_CLIENT_SECRET,"
            + " or OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY, or write them in ovh.conf, or"
            + " add a settings.xml <server> with id " + ovhServerId + " (username = client id, password = client"
            + " secret)");
      }
      put(explicit, OvhSettings.CLIENT_ID, server.getUsername());
      put(explicit, OvhSettings.CLIENT_SECRET, server.getPassword());
      return OvhSettings.resolve(explicit, Map.of(), List.of());
    }
  }

  /** A vCenter user and password, and where they came from (never the password itself). */
  record VcenterLogin(String user, Secret password, String source) {}

  /** {@code okms.vcenterUser} / {@code VSPHERE_USER} / settings.xml, then {@code VSPHERE_PASSWORD} / settings.xml. */
  VcenterLogin vcenterLogin() {
    Map<String, String> env = environment();
    Server server = server(vcenterServerId, "vcenterServerId");
    String user = first(vcenterUser, env.get("VSPHERE_USER"), server == null ? null : server.getUsername());
    String password = first(vcenterPassword, env.get("VSPHERE_PASSWORD"), server == null ? null
        : server.getPassword());
    if (user == null || password == null) {
      return null;
    }
    String source = vcenterPassword != null ? PluginProperties.VCENTER_PASSWORD
        : env.get("VSPHERE_PASSWORD") != null ? "the environment (VSPHERE_PASSWORD)"
        : "settings.xml server " + vcenterServerId;
    return new VcenterLogin(user, Secret.of(password), source);
  }

  private VimClient vcenter() {
    Map<String, String> env = environment();
    String host = first(vcenterServer, env.get("VSPHERE_SERVER"));
    if (host == null) {
      throw new ConfigurationException("vcenterServer", "is missing: set " + PluginProperties.VCENTER_SERVER
          + " or VSPHERE_SERVER to vCenter's host name");
    }
    VcenterLogin login = vcenterLogin();
    if (login == null) {
      throw new ConfigurationException("vcenterUser", "or its password is missing: set VSPHERE_USER and"
          + " VSPHERE_PASSWORD, or add a settings.xml <server> with id " + vcenterServerId);
    }
    getLog().info("[okms] vCenter user " + login.user() + " from " + login.source());
    return VimClient.connect(host, login.user(), login.password(), tls(env), Duration.ofSeconds(60),
        line -> getLog().debug("[okms] vCenter " + line));
  }

  private VimTls tls(Map<String, String> env) {
    if (vcenterThumbprint != null && !vcenterThumbprint.isBlank()) {
      return VimTls.pinned(vcenterThumbprint);
    }
    if (vcenterCaFile != null) {
      try {
        return VimTls.trusting(Files.readString(vcenterCaFile.toPath()));
      } catch (IOException e) {
        throw new ConfigurationException("vcenterCaFile", "'" + vcenterCaFile + "' cannot be read: give a PEM file");
      }
    }
    if (vcenterInsecure || "true".equalsIgnoreCase(env.get("VSPHERE_ALLOW_UNVERIFIED_SSL"))) {
      getLog().warn("[okms] vCenter's certificate is NOT verified (" + PluginProperties.VCENTER_INSECURE
          + "): use " + PluginProperties.VCENTER_THUMBPRINT + " or " + PluginProperties.VCENTER_CA_FILE + " instead");
      return VimTls.insecure();
    }
    return VimTls.system();
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

  private Server server(String id, String field) {
    Server server = session.getSettings() == null ? null : session.getSettings().getServer(id);
    if (server == null) {
      return null;
    }
    SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() == SettingsProblem.Severity.ERROR
          || problem.getSeverity() == SettingsProblem.Severity.FATAL) {
        throw new ConfigurationException(field, "names settings.xml server '" + id + "', which cannot be decrypted ("
            + problem.getMessage() + "): check settings-security.xml and the encrypted password");
      }
    }
    return result.getServer();
  }

  /**
   * A secret set in the POM (not with {@code -D} on the command line) is a warning, and an error in strict mode:
   * secrets belong in the environment or in settings.xml.
   */
  private void checkSecretsOutsideThePom() throws MojoFailureException {
    Map<String, String> secrets = new LinkedHashMap<>();
    put(secrets, PluginProperties.OVH_APPLICATION_SECRET, ovhApplicationSecret);
    put(secrets, PluginProperties.OVH_CONSUMER_KEY, ovhConsumerKey);
    put(secrets, PluginProperties.OVH_CLIENT_SECRET, ovhClientSecret);
    put(secrets, PluginProperties.VCENTER_PASSWORD, vcenterPassword);
    for (String property : secrets.keySet()) {
      if (session.getUserProperties().containsKey(property)) {
        continue; // given on the command line
      }
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
      Path directory = outputDirectory.toPath();
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(goal() + ".json"), Json.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(outputs) + "\n");
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the outputs into " + outputDirectory + ": " + e.getMessage(),
          e);
    }
  }

  /** Core messages start with the setting's name; Maven users know it as the okms.* property. */
  static String withPrefix(String message) {
    return message.startsWith(PluginProperties.PREFIX) ? message : PluginProperties.PREFIX + message;
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
