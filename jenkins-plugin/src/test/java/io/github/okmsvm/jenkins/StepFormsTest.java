package io.github.okmsvm.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.security.Permission;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.okmsvm.jenkins.credentials.OvhApiCredentialsImpl;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each step's Snippet Generator form (its {@code config.jelly}) and how Jenkins binds what it submits: the controls,
 * their defaults, the round trip, the credentials drop-downs and the field checks.
 */
class StepFormsTest {
  private static final String FORM = "/lib/form";
  private static final String CREDENTIALS = "/lib/credentials";

  static Stream<Class<? extends Step>> steps() {
    return StepArgumentsTest.steps();
  }

  @AfterEach
  void forget() {
    SystemCredentialsProvider.getInstance().getCredentials().clear();
  }

  /** One field of a form: the control's namespace and name, and its attributes. */
  private record Control(String namespace, String name, Map<String, String> attributes) {}

  private static Map<String, Control> form(Class<? extends Step> step) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Map<String, Control> controls = new LinkedHashMap<>();
    try (InputStream jelly = step.getResourceAsStream(step.getSimpleName() + "/config.jelly")) {
      NodeList entries = factory.newDocumentBuilder().parse(jelly).getElementsByTagNameNS(FORM, "entry");
      for (int i = 0; i < entries.getLength(); i++) {
        Element entry = (Element) entries.item(i);
        Element control = null;
        for (int j = 0; j < entry.getChildNodes().getLength(); j++) {
          if (entry.getChildNodes().item(j) instanceof Element child) {
            control = child;
          }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int j = 0; j < control.getAttributes().getLength(); j++) {
          attributes.put(control.getAttributes().item(j).getNodeName(), control.getAttributes().item(j).getNodeValue());
        }
        controls.put(entry.getAttribute("field"), new Control(control.getNamespaceURI(), control.getLocalName(),
            attributes));
      }
    }
    return controls;
  }

  private static OkmsStep defaults(Class<? extends Step> step) {
    return (OkmsStep) StepInvoker.instantiate(step, Map.of());
  }

  private static Object property(OkmsStep step, String name) {
    return StepInvoker.uninstantiate(step).get(name);
  }

  private static Class<?> type(Class<? extends Step> step, String name) throws NoSuchMethodException {
    String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (Method method : step.getMethods()) {
      if (method.getName().equals("get" + suffix) || method.getName().equals("is" + suffix)) {
        return method.getReturnType();
      }
    }
    throw new NoSuchMethodException(name);
  }

  @ParameterizedTest
  @MethodSource("steps")
  void eachArgumentHasTheControlOfItsKindWithTheStepsDefault(Class<? extends Step> step) throws Exception {
    Map<String, Control> form = form(step);
    OkmsStep defaults = defaults(step);

    assertThat(form.keySet()).containsExactlyInAnyOrderElementsOf(StepInvoker.arguments(step));
    for (Map.Entry<String, Control> field : form.entrySet()) {
      String name = field.getKey();
      Control control = field.getValue();
      Class<?> type = type(step, name);
      Object value = property(defaults, name);
      if (name.endsWith("CredentialsId")) {
        assertThat(control).as(name).isEqualTo(new Control(CREDENTIALS, "select", Map.of()));
      } else if (type == List.class) {
        assertThat(control).as(name).isEqualTo(new Control(FORM, "textarea", Map.of("value",
            "${descriptor.lines(instance, '" + name + "')}")));
      } else if (type == Integer.class) {
        assertThat(control).as(name + ", unset by default").isEqualTo(new Control(FORM, "number", Map.of("min",
            "0")));
        assertThat(value).as(name).isNull();
      } else if (type == int.class) {
        assertThat(control.name()).as(name).isEqualTo("number");
        assertThat(control.attributes()).as(name).containsEntry("default", value.toString());
      } else if (type == boolean.class) {
        assertThat(control.name()).as(name).isEqualTo("checkbox");
        assertThat(control.attributes().get("default")).as(name).isEqualTo((Boolean) value ? "true" : null);
      } else {
        assertThat(control.name()).as(name).isEqualTo("textbox");
        assertThat(control.attributes().get("default")).as(name).isEqualTo(value);
      }
    }
  }

  /** What the browser submits for a form nobody touched: each control's default, blank text otherwise. */
  private static JSONObject untouched(Class<? extends Step> step) throws Exception {
    OkmsStepDescriptor descriptor = (OkmsStepDescriptor) StepInvoker.descriptor(step);
    JSONObject json = new JSONObject();
    form(step).forEach((name, control) -> json.element(name, switch (control.name()) {
      case "textarea" -> descriptor.lines(null, name);
      case "checkbox" -> "true".equals(control.attributes().get("default"));
      default -> control.attributes().getOrDefault("default", "");
    }));
    return json;
  }

  @ParameterizedTest
  @MethodSource("steps")
  void anUntouchedFormGivesTheStepsDefaultsSoTheSnippetHasNoArgument(Class<? extends Step> step) throws Exception {
    Step bound = StepInvoker.descriptor(step).newInstance(null, untouched(step));

    assertThat(StepInvoker.uninstantiate(bound)).isEqualTo(StepInvoker.uninstantiate(defaults(step)));
  }

  @ParameterizedTest
  @MethodSource("steps")
  void aSavedStepShownInTheFormBindsBackToItself(Class<? extends Step> step) throws Exception {
    OkmsStep saved = defaults(step);
    saved.setVms(List.of("app-*", "db-01"));
    saved.setIdentityUrns(List.of("urn:v1:eu:identity:group:xx1111-ovh/ops"));
    saved.setIamActions(List.of("okms:kmip:*", "okms:kmip:get"));
    saved.setReportFormats(List.of("sarif", "junit"));
    OkmsStepDescriptor descriptor = (OkmsStepDescriptor) StepInvoker.descriptor(step);
    JSONObject shown = untouched(step);
    form(step).forEach((name, control) -> {
      if (control.name().equals("textarea")) {
        shown.element(name, descriptor.lines(saved, name));
      }
    });

    Step bound = descriptor.newInstance(null, shown);

    for (String list : List.of("vms", "identityUrns", "iamActions", "reportFormats")) {
      if (form(step).containsKey(list)) {
        assertThat(property((OkmsStep) bound, list)).as(list).isEqualTo(property(saved, list));
      }
    }
  }

  @Test
  void listsAreOnePerLineAndABlankFieldKeepsItsDefault() throws Exception {
    JSONObject form = JSONObject.fromObject(Map.of("vcenterServer", "vc.example", "vms", " app-*\n\ndb-01 \r\n",
        "parallelism", "", "timeoutSeconds", "600", "allowPowerOff", true, "storagePolicyName", " "));

    OkmsStep step = (OkmsStep) StepInvoker.descriptor(VcenterEncryptVmStep.class).newInstance(null, form);

    assertThat(step.getVms()).containsExactly("app-*", "db-01");
    assertThat(step.getParallelism()).isEqualTo(4);
    assertThat(step.getTimeoutSeconds()).isEqualTo(600);
    assertThat(step.isAllowPowerOff()).isTrue();
    assertThat(step.getStoragePolicyName()).isEqualTo("okms-vm-encryption");
    OkmsStep iam = (OkmsStep) StepInvoker.descriptor(OvhIamPolicyStep.class).newInstance(null,
        JSONObject.fromObject(Map.of("pccServiceName", "pcc-198-51-100-1", "iamActions", "\n")));
    assertThat(iam.getIamActions()).isEqualTo(defaults(OvhIamPolicyStep.class).getIamActions());
  }

  /** Why the descriptor binds the form itself: Stapler alone makes a text area one item and a blank number 0. */
  @Test
  void staplerAloneWouldBindTheTextAreaAsOneItemAndABlankNumberAsZero() throws Exception {
    Descriptor<Step> plain = new Descriptor<>(VcenterEncryptVmStep.class) {};

    OkmsStep step = (OkmsStep) plain.newInstance(null, JSONObject.fromObject(Map.of("vcenterServer", "vc",
        "vms", "app-*\ndb-01", "parallelism", "")));

    assertThat(step.getVms()).containsExactly("app-*\ndb-01");
    assertThat(step.getParallelism()).isZero();
  }

  /** A job, with or without the right to see its credentials. */
  private record Job(Set<Permission> granted) implements Item {
    @Override public boolean hasPermission(Permission permission) { return granted.contains(permission); }
    @Override public String getFullName() { return "okms"; }
  }

  private static List<String> values(ListBoxModel model) {
    List<String> values = new ArrayList<>();
    model.forEach(option -> values.add(option.value));
    return values;
  }

  @Test
  void theCredentialsDropDownsOfferTheKindsEachIdTakesToWhoMaySeeThem() {
    SystemCredentialsProvider.getInstance().getCredentials().addAll(List.of(
        new OvhApiCredentialsImpl(null, "ovh-api", "OVHcloud", "ovh-eu"),
        new TestCredentials.UsernamePassword("vcenter-admin", "admin", hudson.util.Secret.fromString("x")),
        new TestCredentials.SecretFile("ovh-conf", "[default]"), new TestCredentials.SecretText("a-token")));
    OkmsStepDescriptor descriptor = (OkmsStepDescriptor) StepInvoker.descriptor(VcenterTrustOkmsStep.class);
    Job configurer = new Job(Set.of(Item.EXTENDED_READ));

    assertThat(values(descriptor.doFillOvhCredentialsIdItems(configurer, null)))
        .containsExactly("", "ovh-api", "vcenter-admin", "ovh-conf");
    assertThat(values(descriptor.doFillVcenterCredentialsIdItems(configurer, "vcenter-admin")))
        .containsExactly("", "vcenter-admin");
    assertThat(values(descriptor.doFillVcenterCredentialsIdItems(new Job(Set.of()), "vcenter-admin")))
        .as("without the right to see them, only the id already chosen").containsExactly("vcenter-admin");
    try (TestJenkins jenkins = new TestJenkins(null, false)) {
      assertThat(values(descriptor.doFillOvhCredentialsIdItems(null, ""))).isEmpty();
    }
    try (TestJenkins jenkins = new TestJenkins(null, true)) {
      assertThat(values(descriptor.doFillOvhCredentialsIdItems(null, ""))).hasSize(4);
    }
  }

  @Test
  void fieldChecksUseTheCoresRules() {
    OkmsStepDescriptor descriptor = (OkmsStepDescriptor) StepInvoker.descriptor(VcenterEncryptVmStep.class);

    assertThat(descriptor.doCheckRegion("eu-west-rbx").kind).isEqualTo(FormValidation.Kind.OK);
    assertThat(descriptor.doCheckRegion("").kind).isEqualTo(FormValidation.Kind.OK);
    assertThat(descriptor.doCheckRegion("EU WEST").getMessage())
        .isEqualTo("region 'eu west' is not an OKMS region name: write it like eu-west-rbx");
    assertThat(descriptor.doCheckPccServiceName("pcc-1").getMessage()).startsWith("pccServiceName 'pcc-1' is not a"
        + " PCC service name");
    assertThat(descriptor.doCheckVcenterThumbprint("AB:CD").getMessage()).startsWith("vcenterThumbprint 'AB:CD' is"
        + " neither a SHA-1 nor a SHA-256 thumbprint");
    assertThat(descriptor.doCheckVcenterThumbprint("6D:" + "00:".repeat(30) + "FF").kind)
        .isEqualTo(FormValidation.Kind.OK);
    assertThat(descriptor.doCheckVms("app-*\nweb-\u0007").kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(descriptor.doCheckVms("app-*\n\ndb-01").kind).isEqualTo(FormValidation.Kind.OK);
  }
}
