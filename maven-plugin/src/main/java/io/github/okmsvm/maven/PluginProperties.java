package io.github.okmsvm.maven;

/**
 * Every user property the goals read, declared once. Each is {@code okms.} followed by the setting's name in
 * okms-core and in the Jenkins steps, so that a message naming a setting names the property too.
 */
public final class PluginProperties {
  public static final String PREFIX = "okms.";

  public static final String SKIP = "okms.skip";
  public static final String PLAN = "okms.plan";
  public static final String SANDBOX = "okms.sandbox";
  public static final String STRICT = "okms.strict";
  public static final String PREREQUISITES = "okms.prerequisites";

  public static final String HOST = "okms.host";
  public static final String PORT = "okms.port";
  public static final String PUBLIC_CA = "okms.publicCa";
  public static final String TIMEOUT = "okms.timeoutSeconds";

  public static final String REGION = "okms.region";
  public static final String OKMS_ID = "okms.okmsId";
  public static final String ORDER = "okms.order";
  public static final String PCC_SERVICE_NAME = "okms.pccServiceName";
  public static final String KMIP_ENDPOINT = "okms.kmipEndpoint";
  public static final String IDENTITY_URNS = "okms.identityUrns";
  public static final String CREDENTIAL_NAME = "okms.credentialName";
  public static final String CREDENTIAL_VALIDITY_DAYS = "okms.credentialValidityDays";
  public static final String RENEW_BEFORE_DAYS = "okms.renewBeforeDays";
  public static final String PROVIDER_NAME = "okms.providerName";
  public static final String SET_DEFAULT = "okms.setDefault";
  public static final String IAM_POLICY_NAME = "okms.iamPolicyName";
  public static final String IAM_ACTIONS = "okms.iamActions";
  public static final String STORAGE_POLICY_NAME = "okms.storagePolicyName";
  public static final String VMS = "okms.vms";
  public static final String VM_FOLDER = "okms.vmFolder";
  public static final String ALLOW_POWER_OFF = "okms.allowPowerOff";
  public static final String PARTIAL = "okms.partial";
  public static final String ALLOW_EMPTY_SELECTION = "okms.allowEmptySelection";
  public static final String SHUTDOWN_TIMEOUT = "okms.shutdownTimeoutSeconds";
  public static final String PARALLELISM = "okms.parallelism";
  public static final String MAX_NON_COMPLIANT = "okms.maxNonCompliant";
  public static final String ENCRYPTED_VMOTION = "okms.encryptedVMotion";
  public static final String DEEP_REKEY = "okms.deepRekey";
  public static final String UNSTABLE_NON_COMPLIANT = "okms.unstableNonCompliant";
  public static final String MIN_CERTIFICATE_DAYS = "okms.minCertificateDays";
  public static final String REPORT_DIRECTORY = "okms.reportDirectory";
  public static final String REPORT_FORMATS = "okms.reportFormats";
  public static final String OUTPUT_DIRECTORY = "okms.outputDirectory";

  public static final String OVH_ENDPOINT = "okms.ovhEndpoint";
  public static final String OVH_TOKEN_URL = "okms.ovhTokenUrl";
  public static final String OVH_CA_FILE = "okms.ovhCaFile";
  public static final String OVH_SERVER_ID = "okms.ovhServerId";
  public static final String OVH_APPLICATION_KEY = "okms.ovhApplicationKey";
  public static final String OVH_APPLICATION_SECRET = "okms.ovhApplicationSecret";
  public static final String OVH_CONSUMER_KEY = "okms.ovhConsumerKey";
  public static final String OVH_CLIENT_ID = "okms.ovhClientId";
  public static final String OVH_CLIENT_SECRET = "okms.ovhClientSecret";
  public static final String OVH_ACCESS_TOKEN = "okms.ovhAccessToken";
  public static final String VCENTER_PASSWORD = "okms.vcenterPassword";
  public static final String VCENTER_SERVER = "okms.vcenterServer";
  public static final String VCENTER_USER = "okms.vcenterUser";
  public static final String VCENTER_SERVER_ID = "okms.vcenterServerId";
  public static final String VCENTER_THUMBPRINT = "okms.vcenterThumbprint";
  public static final String VCENTER_CA_FILE = "okms.vcenterCaFile";
  public static final String VCENTER_INSECURE = "okms.vcenterInsecure";

  private PluginProperties() {}
}
