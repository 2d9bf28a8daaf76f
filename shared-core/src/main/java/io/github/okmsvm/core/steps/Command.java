package io.github.okmsvm.core.steps;

/**
 * What a user can ask for, with its name in each front end: the Maven goal ({@code okms:<goal>}) and the Jenkins
 * pipeline step. {@link EncryptionFlow#forCommand} says which guide steps each one runs.
 */
public enum Command {
  ORDER("order", "okmsOrder"),
  OPEN_KMS_FLOW("open-kms-flow", "pccOpenKmsFlow"),
  TRUST("trust", "vcenterTrustOkms"),
  IAM_POLICY("iam-policy", "ovhIamPolicy"),
  ENCRYPTION_POLICY("encryption-policy", "vcenterEncryptionPolicy"),
  ENCRYPT_VM("encrypt-vm", "vcenterEncryptVm"),
  CHECK("check", "vcenterEncryptionCompliance"),
  REKEY("rekey", "vcenterRekeyVm");

  private final String goal;
  private final String functionName;

  Command(String goal, String functionName) {
    this.goal = goal;
    this.functionName = functionName;
  }

  /** The Maven goal. */
  public String goal() {
    return goal;
  }

  /** The Jenkins pipeline step. */
  public String functionName() {
    return functionName;
  }
}
