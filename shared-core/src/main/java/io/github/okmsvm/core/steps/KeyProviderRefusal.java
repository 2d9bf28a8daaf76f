package io.github.okmsvm.core.steps;

/**
 * The fix for an encryption that vCenter could not do because its key provider's KMS refused it or could not be
 * reached: vCenter passes on the KMS's KMIP reason, which says which guide step to run again.
 */
final class KeyProviderRefusal {
  private KeyProviderRefusal() {}

  /** {@code message} of a failed reconfigure, followed by the fix when the KMS is the cause. */
  static String withFix(String message) {
    if (message.contains("PermissionDenied") && message.contains("okms:kmip:")) {
      return message + ": OKMS IAM does not let vCenter's credential use keys; run ovhIamPolicy with identityUrns"
          + " naming the credential's identities and iamActions including okms:kmip:* (or leave identityUrns"
          + " empty: the account's own identity needs no policy)";
    }
    if (message.contains("AuthenticationNotSuccessful") || message.contains("is revoked")) {
      return message + ": vCenter's OKMS credential was deleted or belongs to another OKMS; run vcenterTrustOkms"
          + " again to sign a new one for vCenter";
    }
    if (message.contains("key provider") && (message.contains("is not connected")
        || message.contains("cannot be reached"))) {
      return message + ": vCenter cannot reach its KMS; open the KMS flow of the PCC (pccOpenKmsFlow) with the"
          + " OKMS's current KMIP address and thumbprint, then run vcenterTrustOkms again";
    }
    return message;
  }
}
