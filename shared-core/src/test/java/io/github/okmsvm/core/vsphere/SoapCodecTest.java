package io.github.okmsvm.core.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SoapCodecTest {
  @Test
  void writesElementsInTheGivenOrderWithTypesAndLeavesOutAbsentOnes() {
    XmlElement request = XmlElement.of("RegisterKmipServer",
        XmlElement.moRef("_this", new MoRef("CryptoManagerKmip", "CryptoManager")),
        XmlElement.of("server", XmlElement.of("clusterId", XmlElement.text("id", "ovh-kms")),
            XmlElement.of("info", XmlElement.text("name", "okms-rbx"), XmlElement.text("address", "kms.example"),
                XmlElement.text("port", 5696), XmlElement.text("proxyAddress", null))),
        XmlElement.of("vmProfile", XmlElement.text("profileId", "p-1")).typed("VirtualMachineDefinedProfileSpec"));

    String xml = SoapCodec.envelope("urn:vim25", null, request);

    assertThat(xml).contains("<soapenv:Body><RegisterKmipServer xmlns=\"urn:vim25\">"
        + "<_this type=\"CryptoManagerKmip\">CryptoManager</_this><server><clusterId><id>ovh-kms</id></clusterId>"
        + "<info><name>okms-rbx</name><address>kms.example</address><port>5696</port></info></server>"
        + "<vmProfile xsi:type=\"VirtualMachineDefinedProfileSpec\"><profileId>p-1</profileId></vmProfile>"
        + "</RegisterKmipServer></soapenv:Body>");
    assertThat(xml).doesNotContain("proxyAddress");
  }

  @Test
  void readsBackWhatItWroteIncludingTextThatNeedsEscaping() {
    String pem = "-----BEGIN CERTIFICATE-----\nAB<&>CD\n-----END CERTIFICATE-----\n";
    String xml = SoapCodec.envelope("urn:vim25", XmlElement.text("vcSessionCookie", "s-1"),
        XmlElement.of("UploadKmipServerCert", XmlElement.text("certificate", pem)));

    XmlElement envelope = SoapCodec.parse(xml.getBytes(StandardCharsets.UTF_8));

    assertThat(envelope.path("Header.vcSessionCookie").orElseThrow().text()).isEqualTo("s-1");
    assertThat(SoapCodec.bodyContent(xml.getBytes(StandardCharsets.UTF_8)).childText("certificate")).isEqualTo(pem);
  }

  @Test
  void faultsCarryTheirTypeAndVcentersMessage() {
    byte[] fault = SoapCodec.faultEnvelope("urn:vim25", "InvalidPowerState",
        "The attempted operation cannot be performed in the current state (Powered on).")
        .getBytes(StandardCharsets.UTF_8);

    XmlElement content = SoapCodec.bodyContent(fault);

    assertThat(content.name()).isEqualTo("Fault");
    assertThat(content.path("detail.InvalidPowerStateFault").orElseThrow().xsiType()).isEqualTo("InvalidPowerState");
    assertThat(VimFault.of("InvalidPowerState", "ReconfigVM_Task", content.childText("faultstring")))
        .isInstanceOf(VimFault.InvalidPowerState.class)
        .hasMessage("ReconfigVM_Task failed with InvalidPowerState: The attempted operation cannot be performed in"
            + " the current state (Powered on).");
    assertThat(VimFault.of("NoPermission", "Login", "denied")).isExactlyInstanceOf(VimFault.class)
        .satisfies(e -> assertThat(((VimFault) e).faultName()).isEqualTo("NoPermission"));
  }

  @Test
  void refusesDocumentTypeDeclarations() {
    byte[] hostile = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<x>&e;</x>").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SoapCodec.parse(hostile)).isInstanceOf(VimException.class);
  }

  @Test
  void aPagesTokenIsReadFromTheStartOfTheAnswerOnlyBeforeItsObjects() {
    String page = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
        + "<RetrievePropertiesExResponse xmlns=\"urn:vim25\"><returnval><token>%s</token>%s</returnval>"
        + "</RetrievePropertiesExResponse></soapenv:Body></soapenv:Envelope>";
    String objects = "<objects><obj type=\"VirtualMachine\">vm-1</obj><propSet><name>token</name><val>x</val>"
        + "</propSet></objects>";

    assertThat(SoapCodec.leadingText(String.format(page, "7", objects).getBytes(StandardCharsets.UTF_8), "token",
        "objects")).isEqualTo("7");
    assertThat(SoapCodec.leadingText(page.replace("<token>%s</token>%s", "%s<token>%s</token>")
        .formatted(objects, "7").getBytes(StandardCharsets.UTF_8), "token", "objects")).isNull();
    assertThat(SoapCodec.leadingText(page.replace("<token>%s</token>%s", "%s").formatted(objects)
        .getBytes(StandardCharsets.UTF_8), "token", "objects")).isNull();
    assertThat(SoapCodec.leadingText("<html>".getBytes(StandardCharsets.UTF_8), "token", "objects")).isNull();
  }
}
