package io.github.okmsvm.core.steps;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
  public static final String REKEYED_VMS = "rekeyedVms";
  /** The VMs a re-key left alone: all their keys already on the target provider, available. */
  public static final String UNCHANGED_VMS = "unchangedVms";
  public static final String COMPLIANT_VMS = "compliantVms";
  public static final String NON_COMPLIANT_VMS = "nonCompliantVms";
  /** "true" when the gate passed with more non-compliant VMs than {@code unstableNonCompliant}. */
  public static final String UNSTABLE = "unstable";
  /** Whether the outputs come from a plan run (nothing was changed). */
  public static final String PLAN = "plan";

  private static final Set<String> LISTS = Set.of(ENCRYPTED_VMS, ALREADY_ENCRYPTED_VMS, REKEYED_VMS, UNCHANGED_VMS);
  private static final Set<String> NUMBERS = Set.of(KMS_ID, COMPLIANT_VMS, NON_COMPLIANT_VMS);

  private Outputs() {}

  /**
   * The outputs with their real types, for machines (a JSON file): lists as lists, counts and ids as numbers, in a
   * stable (alphabetical) order, and whether they come from a plan.
   */
  public static Map<String, Object> typed(Map<String, String> outputs, boolean plan) {
    Map<String, Object> typed = new TreeMap<>();
    outputs.forEach((name, value) -> {
      if (LISTS.contains(name)) {
        typed.put(name, value.isEmpty() ? List.of() : List.of(value.split(",")));
      } else if (NUMBERS.contains(name) && value.matches("-?\\d{1,18}")) {
        typed.put(name, Long.parseLong(value));
      } else {
        typed.put(name, value);
      }
    });
    typed.put(PLAN, plan);
    return typed;
  }
}
