package io.github.okmsvm.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TlsEndpointTest {
  @Test
  void parsesHostWithAndWithoutPort() {
    assertThat(TlsEndpoint.parse("eu-west-rbx.okms.ovh.net", 5696, "okms.host"))
        .isEqualTo(new TlsEndpoint("eu-west-rbx.okms.ovh.net", 5696));
    assertThat(TlsEndpoint.parse(" 127.0.0.1:15696 ", 5696, "okms.host")).hasToString("127.0.0.1:15696");
  }

  @Test
  void badInputNamesTheFieldAndTheFix() {
    assertThatThrownBy(() -> TlsEndpoint.parse("", 5696, "okms.host"))
        .hasMessage("okms.host is empty: give a host name such as eu-west-rbx.okms.ovh.net");
    assertThatThrownBy(() -> TlsEndpoint.parse("host:abc", 5696, "okms.host"))
        .hasMessage("okms.host 'host:abc' has a port that is not a number: write host:port, for example"
            + " eu-west-rbx.okms.ovh.net:5696");
    assertThatThrownBy(() -> TlsEndpoint.parse("host:70000", 5696, "okms.host"))
        .hasMessage("okms.host 'host:70000': port 70000 is outside 1-65535; write host:port, for example"
            + " eu-west-rbx.okms.ovh.net:5696");
    assertThatThrownBy(() -> TlsEndpoint.parse("https://host", 5696, "okms.host"))
        .hasMessageStartingWith("okms.host 'https://host'");
  }
}
