package io.github.okmsvm.core.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every setting of the guide steps, with the same names in the Maven goals ({@code okms.<name>}) and the Jenkins
 * steps ({@code <name>:}). Built and validated once; a bad value ends in a {@link ConfigurationException} naming the
 * setting and the fix. Serializable: the Jenkins steps send it to the agent that does the work.
 */
public final class EncryptionSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Defaults, the same in both front ends (Maven annotations need them as compile-time constants). */
  public static final String DEFAULT_CREDENTIAL_NAME = "vcenter-kms";
  public static final String DEFAULT_POLICY_NAME = "okms-vm-encryption";
  public static final int DEFAULT_CREDENTIAL_VALIDITY_DAYS = 365;
  public static final int DEFAULT_RENEW_BEFORE_DAYS = 30;
  public static final int DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 300;
  public static final int DEFAULT_PARALLELISM = 4;
  public static final int DEFAULT_TIMEOUT_SECONDS = 1800;

  public static final List<String> DEFAULT_IAM_ACTIONS = List.of("okms:kmip:*",
      "pccVMware:apiovh:vmEncryption/kms/changeProperties", "pccVMware:vSphere:assumeRole?iam-admin");

  private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+-[a-z]+");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern PCC = Pattern.compile("pcc-\\d{1,3}-\\d{1,3}-\\d{1,3}-\\d{1,3}");
  private static final Pattern IDENTITY = Pattern.compile(
      "urn:v1:(eu|ca|us):identity:(account|user|group|credential):[A-Za-z0-9._@/-]+");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,49}");
  private static final Pattern FOLDER = Pattern.compile("[^/]+/vm(/[^/]+)*");
  /** {@code service:kind:action} with {@code *} wildcards, or {@code *} alone. */
  private static final Pattern IAM_ACTION = Pattern.compile(
      "\\*|[A-Za-z][A-Za-z0-9-]*:[A-Za-z*][A-Za-z0-9*-]*(:\\S+)?");

  public final String region;
  public final String okmsId;
  public final boolean order;
  public final String pccServiceName;
  public final String kmipEndpoint;
  public final List<String> identityUrns;
  public final String credentialName;
  public final int credentialValidityDays;
  public final int renewBeforeDays;
  public final String providerName;
  /** Whether providerName was given, rather than derived from the region (whose own check covers it). */
  private final boolean providerNameGiven;
  public final boolean setDefault;
  public final String iamPolicyName;
  public final List<String> iamActions;
  public final String storagePolicyName;
  public final List<String> vms;
  public final String vmFolder;
  public final boolean allowPowerOff;
  /** Encrypt the VMs that can be even when others of the selection are refused (snapshots, powered on). */
  public final boolean partial;
  /** A selection matching no VM is expected (an empty folder, say) rather than a mistake. */
  public final boolean allowEmptySelection;
  public final Duration shutdownTimeout;
  public final int parallelism;
  public final Duration timeout;
  public final boolean plan;
  public final int maxNonCompliant;
  /**
   * More non-compliant VMs than this, up to {@code maxNonCompliant}, make the gate pass but mark the build unstable
   * (Jenkins UNSTABLE, a Maven warning); null for no such band.
   */
  public final Integer unstableNonCompliant;
  /** The gate fails a VM whose key provider's client certificate in vCenter expires within this many days. */
  public final int minCertificateDays;
  /**
   * vCenter's encrypted vMotion setting ({@code migrateEncryption}) every selected VM must have at least, which
   * encrypt-vm converges and the gate checks: {@code required} or {@code opportunistic}; null leaves it alone.
   */
  public final String encryptedVMotion;
  /** Re-key: new data keys too (deep: the VM powered off, its disks rewritten), not only the key-encryption key. */
  public final boolean deepRekey;
  /** The gate's report formats by name ({@code sarif}, {@code junit}, …); empty for all of them. */
  public final List<String> reportFormats;

  private EncryptionSettings(Builder b) {
    this.region = b.region == null ? null : normalizeRegion(b.region);
    this.okmsId = blankToNull(b.okmsId);
    this.order = b.order;
    this.pccServiceName = blankToNull(b.pccServiceName);
    this.kmipEndpoint = blankToNull(b.kmipEndpoint);
    this.identityUrns = List.copyOf(b.identityUrns);
    this.credentialName = b.credentialName;
    this.credentialValidityDays = b.credentialValidityDays;
    this.renewBeforeDays = b.renewBeforeDays;
    this.providerNameGiven = blankToNull(b.providerName) != null;
    this.providerName = blankToNull(b.providerName) != null ? b.providerName.strip()
        : this.region == null ? null : "okms-" + this.region;
    this.setDefault = b.setDefault;
    this.iamPolicyName = b.iamPolicyName;
    this.iamActions = List.copyOf(b.iamActions);
    this.storagePolicyName = b.storagePolicyName;
    this.vms = List.copyOf(b.vms);
    this.vmFolder = blankToNull(b.vmFolder);
    this.allowPowerOff = b.allowPowerOff;
    this.partial = b.partial;
    this.allowEmptySelection = b.allowEmptySelection;
    this.shutdownTimeout = b.shutdownTimeout;
    this.parallelism = b.parallelism;
    this.timeout = b.timeout;
    this.plan = b.plan;
    this.maxNonCompliant = b.maxNonCompliant;
    this.unstableNonCompliant = b.unstableNonCompliant;
    this.minCertificateDays = b.minCertificateDays;
    this.deepRekey = b.deepRekey;
    this.encryptedVMotion = blankToNull(b.encryptedVMotion) == null ? null
        : b.encryptedVMotion.strip().toLowerCase(Locale.ROOT);
    this.reportFormats = List.copyOf(b.reportFormats);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code EU_WEST_RBX} (the guide's stale form) and {@code eu-west-rbx} are the same region. */
  public static String normalizeRegion(String region) {
    return region.strip().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Checks what the PCC step needs. */
  public EncryptionSettings validatePcc() {
    Problems problems = new Problems();
    if (pccServiceName == null) {
      problems.add("pccServiceName", "is missing: give the Hosted Private Cloud service name, such as"
          + " pcc-198-51-100-1");
    } else if (!PCC.matcher(pccServiceName).matches()) {
      problems.add("pccServiceName", "'" + printable(pccServiceName) + "' is not a PCC service name: it looks like"
          + " pcc-198-51-100-1 (see Hosted Private Cloud in the Control Panel)");
    }
    return problems.orThrow(this);
  }

  /** Checks what finding or ordering the OKMS, and trusting it, need. */
  public EncryptionSettings validateOkms() {
    Problems problems = new Problems();
    if (region == null && okmsId == null) {
      problems.add("region", "is missing: give the OKMS region, such as eu-west-rbx, or okmsId");
    }
    if (region != null && !REGION.matcher(region).matches()) {
      problems.add("region", "'" + printable(region) + "' is not an OKMS region name: write it like eu-west-rbx");
    }
    if (okmsId != null && !UUID.matcher(okmsId).matches()) {
      problems.add("okmsId", "'" + printable(okmsId) + "' is not an OKMS id: it is a UUID such as"
          + " 11111111-2222-3333-4444-555555555555 (see the OKMS in the Control Panel), or leave it out");
    }
    for (int i = 0; i < identityUrns.size(); i++) {
      String urn = identityUrns.get(i);
      if (urn == null || urn.isBlank()) {
        problems.add("identityUrns", "holds an empty item (item " + (i + 1) + "): remove it");
      } else if (!IDENTITY.matcher(urn).matches()) {
        problems.add("identityUrns", "'" + printable(urn) + "' is not an identity URN: write"
            + " urn:v1:eu:identity:account:xx1111-ovh, …:user:xx1111-ovh/name, …:group:… or …:credential:…");
      }
    }
    name(problems, "credentialName", credentialName);
    if (credentialValidityDays < 1 || credentialValidityDays > 365) {
      problems.add("credentialValidityDays", "is " + credentialValidityDays + ": OKMS issues credentials for 1 to"
          + " 365 days");
    } else if (renewBeforeDays < 0 || renewBeforeDays >= credentialValidityDays) {
      problems.add("renewBeforeDays", "is " + renewBeforeDays + ": give 0 to " + (credentialValidityDays - 1)
          + " days, less than credentialValidityDays");
    }
    if (providerNameGiven) {
      name(problems, "providerName", providerName);
    }
    name(problems, "iamPolicyName", iamPolicyName);
    if (iamActions.isEmpty()) {
      problems.add("iamActions", "is empty: give at least okms:kmip:*");
    }
    for (int i = 0; i < iamActions.size(); i++) {
      String action = iamActions.get(i);
      if (action == null || action.isBlank()) {
        problems.add("iamActions", "holds an empty item (item " + (i + 1) + "): remove it, or leave iamActions out"
            + " for the guide's actions");
      } else if (!IAM_ACTION.matcher(action).matches()) {
        problems.add("iamActions", "'" + printable(action) + "' is not an IAM action: write it like okms:kmip:*"
            + " or pccVMware:apiovh:vmEncryption/kms/changeProperties");
      }
    }
    validateCommon(problems);
    return problems.orThrow(this);
  }

  /** Checks what the vCenter steps (5 to 7) need. */
  public EncryptionSettings validateVcenter() {
    Problems problems = new Problems();
    if (storagePolicyName == null || storagePolicyName.isBlank() || storagePolicyName.length() > 80
        || hasControlCharacter(storagePolicyName)) {
      problems.add("storagePolicyName", "must be 1 to 80 printable characters, such as okms-vm-encryption");
    }
    validateCommon(problems);
    return problems.orThrow(this);
  }

  /** Checks what selecting VMs (steps 6 and 7) needs. */
  public EncryptionSettings validateVms() {
    Problems problems = new Problems();
    if (vms.isEmpty() && vmFolder == null) {
      problems.add("vms", "is empty: give VM names or globs (app-*), or vmFolder");
    }
    for (int i = 0; i < vms.size(); i++) {
      String vm = vms.get(i);
      if (vm == null || vm.isBlank()) {
        problems.add("vms", "holds an empty item (item " + (i + 1) + "): remove it");
      } else if (hasControlCharacter(vm) || vm.length() > 80) {
        problems.add("vms", "'" + printable(vm) + "' is not a VM name or glob: vCenter names are 1 to 80 printable"
            + " characters");
      }
    }
    if (vmFolder != null && (!FOLDER.matcher(vmFolder).matches() || hasControlCharacter(vmFolder))) {
      problems.add("vmFolder", "'" + printable(vmFolder) + "' is not a VM folder path: write"
          + " <datacenter>/vm/<folder>, such as DC0/vm/prod");
    }
    if (parallelism < 1 || parallelism > 64) {
      problems.add("parallelism", "is " + parallelism + ": give 1 to 64 VMs at a time");
    }
    if (maxNonCompliant < 0) {
      problems.add("maxNonCompliant", "is " + maxNonCompliant + ": give 0 or more");
    }
    if (unstableNonCompliant != null && (unstableNonCompliant < 0 || unstableNonCompliant >= maxNonCompliant)) {
      problems.add("unstableNonCompliant", "is " + unstableNonCompliant + ": it must be 0 or more and below"
          + " maxNonCompliant (" + maxNonCompliant + ", above which the gate fails); lower it, raise maxNonCompliant,"
          + " or leave it out");
    }
    if (minCertificateDays < 0 || minCertificateDays > 365) {
      problems.add("minCertificateDays", "is " + minCertificateDays + ": give 0 (only an expired certificate fails)"
          + " to 365 days");
    }
    if (encryptedVMotion != null && !List.of("required", "opportunistic").contains(encryptedVMotion)) {
      problems.add("encryptedVMotion", "'" + printable(encryptedVMotion) + "' is not an encrypted vMotion setting:"
          + " give required or opportunistic, or leave it out");
    }
    validateCommon(problems);
    return problems.orThrow(this);
  }

  private void validateCommon(Problems problems) {
    if (timeout.isNegative() || timeout.isZero()) {
      problems.add("timeoutSeconds", "must be positive, such as 1800");
    }
    if (shutdownTimeout.isNegative()) {
      problems.add("shutdownTimeoutSeconds", "must be 0 or more, such as 300");
    }
  }

  private static void name(Problems problems, String field, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      problems.add(field, "'" + printable(value) + "' is not a valid name: use 1 to 50 letters, digits, '.', '_'"
          + " or '-', starting with a letter or digit");
    }
  }

  private static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }

  /** A value as it can be shown in a message: control characters written as \\uXXXX. */
  static String printable(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder text = new StringBuilder();
    value.chars().forEach(c -> text.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : (char) c));
    return text.toString();
  }

  /** Every problem of one check, reported together. */
  private static final class Problems {
    private final List<ConfigurationException> found = new ArrayList<>();

    void add(String field, String problemAndFix) {
      found.add(new ConfigurationException(field, problemAndFix));
    }

    EncryptionSettings orThrow(EncryptionSettings settings) {
      if (!found.isEmpty()) {
        throw ConfigurationException.all(found);
      }
      return settings;
    }
  }

  /** Builder; every setting has the default the README states. */
  public static final class Builder {
    private String region;
    private String okmsId;
    private boolean order;
    private String pccServiceName;
    private String kmipEndpoint;
    private final List<String> identityUrns = new ArrayList<>();
    private String credentialName = DEFAULT_CREDENTIAL_NAME;
    private int credentialValidityDays = DEFAULT_CREDENTIAL_VALIDITY_DAYS;
    private int renewBeforeDays = DEFAULT_RENEW_BEFORE_DAYS;
    private String providerName;
    private boolean setDefault = true;
    private String iamPolicyName = DEFAULT_POLICY_NAME;
    private final List<String> iamActions = new ArrayList<>(DEFAULT_IAM_ACTIONS);
    private String storagePolicyName = DEFAULT_POLICY_NAME;
    private final List<String> vms = new ArrayList<>();
    private String vmFolder;
    private boolean allowPowerOff;
    private boolean partial;
    private boolean allowEmptySelection;
    private Duration shutdownTimeout = Duration.ofSeconds(DEFAULT_SHUTDOWN_TIMEOUT_SECONDS);
    private int parallelism = DEFAULT_PARALLELISM;
    private Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    private boolean plan;
    private int maxNonCompliant;
    private Integer unstableNonCompliant;
    private int minCertificateDays;
    private String encryptedVMotion;
    private boolean deepRekey;
    private final List<String> reportFormats = new ArrayList<>();

    public Builder region(String value) { this.region = value; return this; }
    public Builder okmsId(String value) { this.okmsId = value; return this; }
    public Builder order(boolean value) { this.order = value; return this; }
    public Builder pccServiceName(String value) { this.pccServiceName = value; return this; }
    public Builder kmipEndpoint(String value) { this.kmipEndpoint = value; return this; }
    public Builder identityUrns(List<String> values) {
      identityUrns.clear();
      values.forEach(value -> identityUrns.add(value == null ? "" : value)); // a null item is reported, not crashed on
      return this;
    }
    public Builder credentialName(String value) { this.credentialName = value; return this; }
    public Builder credentialValidityDays(int value) { this.credentialValidityDays = value; return this; }
    public Builder renewBeforeDays(int value) { this.renewBeforeDays = value; return this; }
    public Builder providerName(String value) { this.providerName = value; return this; }
    public Builder setDefault(boolean value) { this.setDefault = value; return this; }
    public Builder iamPolicyName(String value) { this.iamPolicyName = value; return this; }
    public Builder iamActions(List<String> values) {
      iamActions.clear();
      values.forEach(value -> iamActions.add(value == null ? "" : value)); // a null item is reported, not crashed on
      return this;
    }
    public Builder storagePolicyName(String value) { this.storagePolicyName = value; return this; }
    public Builder vms(List<String> values) {
      vms.clear();
      values.forEach(value -> vms.add(value == null ? "" : value)); // a null item is reported, not crashed on
      return this;
    }
    public Builder vmFolder(String value) { this.vmFolder = value; return this; }
    public Builder allowPowerOff(boolean value) { this.allowPowerOff = value; return this; }
    public Builder partial(boolean value) { this.partial = value; return this; }
    public Builder allowEmptySelection(boolean value) { this.allowEmptySelection = value; return this; }
    public Builder shutdownTimeout(Duration value) { this.shutdownTimeout = value; return this; }
    public Builder parallelism(int value) { this.parallelism = value; return this; }
    public Builder timeout(Duration value) { this.timeout = value; return this; }
    public Builder plan(boolean value) { this.plan = value; return this; }
    public Builder maxNonCompliant(int value) { this.maxNonCompliant = value; return this; }
    public Builder unstableNonCompliant(Integer value) { this.unstableNonCompliant = value; return this; }
    public Builder minCertificateDays(int value) { this.minCertificateDays = value; return this; }
    public Builder encryptedVMotion(String value) { this.encryptedVMotion = value; return this; }
    public Builder deepRekey(boolean value) { this.deepRekey = value; return this; }
    public Builder reportFormats(List<String> values) {
      reportFormats.clear();
      values.forEach(value -> reportFormats.add(value == null ? "" : value)); // a null item is reported
      return this;
    }

    public EncryptionSettings build() {
      return new EncryptionSettings(this);
    }
  }
}
