package io.github.okmsvm.core.config;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The name of every setting, once. Both front ends use these names: Maven as {@code -Dokms.<name>}, Jenkins as the
 * step argument {@code <name>:}. A test compares each front end's parameters with {@link #SETTINGS} and
 * {@link #CREDENTIALS}, so that the two cannot drift apart again.
 */
public final class SettingNames {
  public static final String REGION = "region";
  public static final String OKMS_ID = "okmsId";
  public static final String ORDER = "order";
  public static final String PCC_SERVICE_NAME = "pccServiceName";
  public static final String KMIP_ENDPOINT = "kmipEndpoint";
  public static final String IDENTITY_URNS = "identityUrns";
  public static final String CREDENTIAL_NAME = "credentialName";
  public static final String CREDENTIAL_VALIDITY_DAYS = "credentialValidityDays";
  public static final String RENEW_BEFORE_DAYS = "renewBeforeDays";
  public static final String PROVIDER_NAME = "providerName";
  public static final String SET_DEFAULT = "setDefault";
  public static final String IAM_POLICY_NAME = "iamPolicyName";
  public static final String IAM_ACTIONS = "iamActions";
  public static final String STORAGE_POLICY_NAME = "storagePolicyName";
  public static final String VMS = "vms";
  public static final String VM_FOLDER = "vmFolder";
  public static final String ALLOW_POWER_OFF = "allowPowerOff";
  public static final String PARTIAL = "partial";
  public static final String ALLOW_EMPTY_SELECTION = "allowEmptySelection";
  public static final String SHUTDOWN_TIMEOUT_SECONDS = "shutdownTimeoutSeconds";
  public static final String PARALLELISM = "parallelism";
  public static final String TIMEOUT_SECONDS = "timeoutSeconds";
  public static final String PLAN = "plan";
  public static final String MAX_NON_COMPLIANT = "maxNonCompliant";
  public static final String ENCRYPTED_VMOTION = "encryptedVMotion";
  public static final String DEEP_REKEY = "deepRekey";
  public static final String UNSTABLE_NON_COMPLIANT = "unstableNonCompliant";
  public static final String MIN_CERTIFICATE_DAYS = "minCertificateDays";
  public static final String REPORT_DIRECTORY = "reportDirectory";
  public static final String REPORT_FORMATS = "reportFormats";

  public static final String OVH_ENDPOINT = "ovhEndpoint";
  public static final String OVH_TOKEN_URL = "ovhTokenUrl";
  public static final String OVH_CA_FILE = "ovhCaFile";
  public static final String VCENTER_SERVER = "vcenterServer";
  public static final String VCENTER_THUMBPRINT = "vcenterThumbprint";
  public static final String VCENTER_CA_FILE = "vcenterCaFile";
  public static final String VCENTER_INSECURE = "vcenterInsecure";

  public static final String OVH_APPLICATION_KEY = "ovhApplicationKey";
  public static final String OVH_APPLICATION_SECRET = "ovhApplicationSecret";
  public static final String OVH_CONSUMER_KEY = "ovhConsumerKey";
  public static final String OVH_CLIENT_ID = "ovhClientId";
  public static final String OVH_CLIENT_SECRET = "ovhClientSecret";
  public static final String OVH_ACCESS_TOKEN = "ovhAccessToken";
  public static final String VCENTER_USER = "vcenterUser";
  public static final String VCENTER_PASSWORD = "vcenterPassword";

  /** Settings every front end accepts under these names. */
  public static final List<String> SETTINGS = List.of(REGION, OKMS_ID, ORDER, PCC_SERVICE_NAME, KMIP_ENDPOINT,
      IDENTITY_URNS, CREDENTIAL_NAME, CREDENTIAL_VALIDITY_DAYS, RENEW_BEFORE_DAYS, PROVIDER_NAME, SET_DEFAULT,
      IAM_POLICY_NAME, IAM_ACTIONS, STORAGE_POLICY_NAME, VMS, VM_FOLDER, ALLOW_POWER_OFF, PARTIAL,
      ALLOW_EMPTY_SELECTION, SHUTDOWN_TIMEOUT_SECONDS, PARALLELISM, TIMEOUT_SECONDS, PLAN, MAX_NON_COMPLIANT,
      UNSTABLE_NON_COMPLIANT, MIN_CERTIFICATE_DAYS, ENCRYPTED_VMOTION, DEEP_REKEY, REPORT_DIRECTORY, REPORT_FORMATS,
      OVH_ENDPOINT, OVH_TOKEN_URL, OVH_CA_FILE, VCENTER_SERVER, VCENTER_THUMBPRINT, VCENTER_CA_FILE, VCENTER_INSECURE);

  /**
   * Logins, which come from a credential source rather than a plain setting: Maven reads them from properties, the
   * environment, {@code ovh.conf} or {@code settings.xml}; Jenkins from credentials ids or {@code withCredentials}.
   */
  public static final List<String> CREDENTIALS = List.of(OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET,
      OVH_CONSUMER_KEY, OVH_CLIENT_ID, OVH_CLIENT_SECRET, OVH_ACCESS_TOKEN, VCENTER_USER, VCENTER_PASSWORD);

  /** The credentials that are secrets: never logged, never in a report, never in the POM under strict mode. */
  public static final List<String> SECRETS = List.of(OVH_APPLICATION_SECRET, OVH_CONSUMER_KEY, OVH_CLIENT_SECRET,
      OVH_ACCESS_TOKEN, VCENTER_PASSWORD);

  /** How to reach the OVHcloud API: every step that calls it reads these. */
  public static final List<String> OVH_API = List.of(OVH_ENDPOINT, OVH_TOKEN_URL, OVH_CA_FILE, OVH_APPLICATION_KEY,
      OVH_APPLICATION_SECRET, OVH_CONSUMER_KEY, OVH_CLIENT_ID, OVH_CLIENT_SECRET, OVH_ACCESS_TOKEN);

  /** How to reach vCenter: every step that calls it reads these. */
  public static final List<String> VCENTER_API = List.of(VCENTER_SERVER, VCENTER_THUMBPRINT, VCENTER_CA_FILE,
      VCENTER_INSECURE, VCENTER_USER, VCENTER_PASSWORD);

  private SettingNames() {}

  /** The names of several groups as one set, in their order. */
  @SafeVarargs
  public static Set<String> of(Collection<String>... groups) {
    Set<String> names = new LinkedHashSet<>();
    for (Collection<String> group : groups) {
      names.addAll(group);
    }
    return names;
  }
}
