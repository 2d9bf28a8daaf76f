package io.github.okmsvm.maven;

import io.github.okmsvm.core.common.UserException;
import io.github.okmsvm.core.tls.CapturedChain;
import io.github.okmsvm.core.tls.CertificateDetails;
import io.github.okmsvm.core.tls.ChainCapture;
import io.github.okmsvm.core.tls.ChainVerifier;
import io.github.okmsvm.core.tls.TlsEndpoint;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints what registering a KMIP endpoint on a PCC needs, from a real TLS handshake: the endpoint's IPv4 address and
 * its certificate's SHA-1 thumbprint (the PCC API's {@code sslThumbprint}), with its SHA-256 thumbprint, subject,
 * issuer and validity. Replaces the guide's {@code ping} and {@code openssl s_client}. The certificate is not trusted
 * for this; give {@code okms.publicCa} to also check that it chains to the OKMS CA.
 */
@Mojo(name = "thumbprint", requiresProject = false, threadSafe = true)
public class ThumbprintMojo extends AbstractMojo {

  /** The KMIP endpoint's host, optionally with {@code :port}, such as {@code eu-west-rbx.okms.ovh.net}. */
  @Parameter(property = PluginProperties.HOST)
  String host;

  /** With the embedded sandbox, and no host, the sandbox vCenter's TLS endpoint, verified against its CA. */
  @Parameter(property = PluginProperties.SANDBOX, defaultValue = "false")
  boolean sandbox;

  /** The KMIP port, when {@code okms.host} has none. */
  @Parameter(property = PluginProperties.PORT, defaultValue = "5696")
  int port;

  /** A PEM file with the OKMS {@code publicCA}: when given, the endpoint's chain must lead to it. */
  @Parameter(property = PluginProperties.PUBLIC_CA)
  File publicCa;

  /** How long to wait for the TLS handshake. */
  @Parameter(property = PluginProperties.TIMEOUT, defaultValue = "15")
  int timeoutSeconds;

  /** Skips the goal. */
  @Parameter(property = PluginProperties.SKIP, defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("[okms] thumbprint skipped (" + PluginProperties.SKIP + "=true)");
      return;
    }
    if (timeoutSeconds < 1) {
      throw new MojoFailureException(PluginProperties.TIMEOUT + " is " + timeoutSeconds
          + ": give a number of seconds of at least 1, such as 15");
    }
    String caPem = null;
    if (sandbox && (host == null || host.isBlank())) {
      java.net.URI vcenter = java.net.URI.create(SandboxHolder.get(null, null).vcenterUrl());
      host = vcenter.getHost() + ":" + vcenter.getPort();
      caPem = SandboxHolder.get(null, null).trustBundlePem();
    } else if (host == null || host.isBlank()) {
      throw new MojoFailureException(PluginProperties.HOST + " is missing: give the KMIP endpoint's host, such as"
          + " -D" + PluginProperties.HOST + "=eu-west-rbx.okms.ovh.net");
    }
    if (publicCa != null) {
      caPem = readPublicCa();
    }
    try {
      TlsEndpoint endpoint = TlsEndpoint.parse(host, port, PluginProperties.HOST);
      CapturedChain captured = ChainCapture.capture(endpoint, Duration.ofSeconds(timeoutSeconds));
      CertificateDetails leaf = CertificateDetails.of(captured.leaf());
      getLog().info("[okms] thumbprint " + endpoint + " (" + captured.tlsProtocol() + ")");
      getLog().info("  IPv4 address:     " + captured.ipv4());
      getLog().info("  SHA-1 thumbprint: " + leaf.thumbprint().sha1());
      getLog().info("  SHA-256:          " + leaf.thumbprint().sha256());
      getLog().info("  subject:          " + leaf.subject());
      getLog().info("  issuer:           " + leaf.issuer());
      getLog().info("  valid:            " + leaf.notBefore() + " to " + leaf.notAfter());
      if (caPem != null) {
        ChainVerifier.verify(captured.chain(), caPem, PluginProperties.PUBLIC_CA);
        getLog().info("  chain:            verified against " + (publicCa == null ? "the sandbox CA"
            : publicCa.getName()));
      } else {
        getLog().info("  chain:            not verified (give -D" + PluginProperties.PUBLIC_CA
            + "=<publicCA PEM file> to check it)");
      }
    } catch (UserException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  private String readPublicCa() throws MojoFailureException {
    try {
      return Files.readString(publicCa.toPath());
    } catch (IOException e) {
      throw new MojoFailureException(PluginProperties.PUBLIC_CA + " '" + publicCa + "' cannot be read ("
          + e.getMessage() + "): give the path of a PEM file holding the OKMS publicCA", e);
    }
  }
}
