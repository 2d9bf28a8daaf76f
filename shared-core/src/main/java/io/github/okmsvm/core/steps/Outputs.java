package io.github.okmsvm.core.steps;

/** The names of step outputs: Maven project properties {@code okms.<name>}, Jenkins step result keys. */
public final class Outputs {
  public static final String OKMS_ID = "okmsId";
  public static final String REGION = "region";
  public static final String KMIP_ENDPOINT = "kmipEndpoint";
  public static final String REST_ENDPOINT = "restEndpoint";
  public static final String OKMS_URN = "okmsUrn";
  public static final String PUBLIC_CA = "publicCA";
  public static final String KMS_ID = "kmsId";
  public static final String KMS_IP = "kmsIp";
  public static final String KMS_THUMBPRINT = "kmsThumbprint";
  public static final String KMS_STATE = "kmsState";
  public static final String PCC_URN = "pccUrn";
  public static final String PROVIDER_NAME = "providerName";
  public static final String CREDENTIAL_ID = "credentialId";
  public static final String CLIENT_CERTIFICATE_EXPIRY = "clientCertificateExpiry";
  public static final String IAM_POLICY_ID = "iamPolicyId";
  public static final String STORAGE_POLICY_ID = "storagePolicyId";
  public static final String ENCRYPTED_VMS = "encryptedVms";
  public static final String ALREADY_ENCRYPTED_VMS = "alreadyEncryptedVms";

  private Outputs() {}
}
