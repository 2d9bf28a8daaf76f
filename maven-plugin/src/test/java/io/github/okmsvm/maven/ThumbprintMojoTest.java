package io.github.okmsvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.tls.Thumbprint;
import io.github.okmsvm.sandbox.kmip.KmipEndpoint;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbprintMojoTest {
  private static CertificateAuthority okmsCa;
  private static KmipEndpoint kmip;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    okmsCa = CertificateAuthority.create("CN=CCMUsersCA");
    kmip = KmipEndpoint.start(okmsCa);
  }

  @AfterAll
  static void stop() {
    kmip.close();
  }

  private ThumbprintMojo mojo(String host, RecordingLog log) {
    ThumbprintMojo mojo = new ThumbprintMojo();
    mojo.host = host;
    mojo.port = 5696;
    mojo.timeoutSeconds = 10;
    mojo.setLog(log);
    return mojo;
  }

  @Test
  void printsWhatThePccRegistrationNeeds() throws Exception {
    RecordingLog log = new RecordingLog();
    Path ca = Files.writeString(dir.resolve("publicCA.pem"), okmsCa.certificatePem());
    ThumbprintMojo mojo = mojo("localhost:" + kmip.endpoint().port(), log);
    mojo.publicCa = ca.toFile();

    mojo.execute();

    Thumbprint expected = Thumbprint.of(kmip.certificate());
    assertThat(log.lines).contains(
        "INFO   IPv4 address:     127.0.0.1",
        "INFO   SHA-1 thumbprint: " + expected.sha1(),
        "INFO   SHA-256:          " + expected.sha256(),
        "INFO   subject:          CN=127.0.0.1",
        "INFO   issuer:           CN=CCMUsersCA",
        "INFO   chain:            verified against publicCA.pem");
    assertThat(log.lines.get(0)).startsWith("INFO [okms] thumbprint localhost:" + kmip.endpoint().port() + " (TLSv1.");
  }

  @Test
  void failsWhenTheChainDoesNotLeadToTheGivenCa() throws Exception {
    Path stranger = Files.writeString(dir.resolve("other.pem"),
        CertificateAuthority.create("CN=Stranger").certificatePem());
    ThumbprintMojo mojo = mojo("127.0.0.1:" + kmip.endpoint().port(), new RecordingLog());
    mojo.publicCa = stranger.toFile();

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("the certificate of CN=127.0.0.1 (issuer CN=CCMUsersCA) does not chain to"
            + " okms.publicCa");
  }

  @Test
  void badInputNamesThePropertyAndTheFix() {
    assertThatThrownBy(() -> mojo("host:port", new RecordingLog()).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("okms.host 'host:port' has a port that is not a number: write host:port, for example"
            + " eu-west-rbx.okms.ovh.net:5696");
    ThumbprintMojo zeroTimeout = mojo("localhost", new RecordingLog());
    zeroTimeout.timeoutSeconds = 0;
    assertThatThrownBy(zeroTimeout::execute)
        .hasMessage("okms.timeoutSeconds is 0: give a number of seconds of at least 1, such as 15");
    ThumbprintMojo missingCa = mojo("127.0.0.1:" + kmip.endpoint().port(), new RecordingLog());
    missingCa.publicCa = dir.resolve("absent.pem").toFile();
    assertThatThrownBy(missingCa::execute)
        .hasMessageStartingWith("okms.publicCa '" + dir.resolve("absent.pem") + "' cannot be read (")
        .hasMessageEndingWith("give the path of a PEM file holding the OKMS publicCA");
  }

  @Test
  void skipDoesNothingButSaySo() throws Exception {
    RecordingLog log = new RecordingLog();
    ThumbprintMojo mojo = mojo("unreachable.invalid", log);
    mojo.skip = true;

    mojo.execute();

    assertThat(log.lines).containsExactly("INFO [okms] thumbprint skipped (okms.skip=true)");
  }
}
