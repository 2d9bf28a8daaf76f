package io.github.okmsvm.sandbox.ovh;

/** {@code /auth/time} (no authentication) and {@code /me}. */
final class AccountRoutes {
  private final SandboxAccount account;

  AccountRoutes(SandboxAccount account) {
    this.account = account;
  }

  void register(OvhApiServer server) {
    server.route("GET", "v1", "/auth/time", null, call -> Reply.ok(server.now().getEpochSecond()));
    server.route("GET", "v1", "/me", "account:apiovh:me/get", call -> Reply.ok(Models.object(
        "nichandle", account.nichandle, "email", "ops@example.com", "country", "FR", "currency",
        Models.object("code", "EUR", "symbol", "EURO"), "legalform", "corporation", "ovhCompany", "ovh",
        "ovhSubsidiary", account.subsidiary, "state", "complete", "firstname", null, "name", null,
        "organisation", "Example", "language", "en_GB")));
  }
}
