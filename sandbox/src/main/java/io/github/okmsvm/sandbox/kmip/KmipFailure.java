package io.github.okmsvm.sandbox.kmip;

import io.github.okmsvm.core.kmip.ResultReason;

/** A batch item the sandbox KMS refuses: answered Operation Failed with this reason and message. */
final class KmipFailure extends RuntimeException {
  private final ResultReason reason;

  KmipFailure(ResultReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  ResultReason reason() {
    return reason;
  }
}
