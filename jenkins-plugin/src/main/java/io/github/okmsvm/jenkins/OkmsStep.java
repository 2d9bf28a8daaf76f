package io.github.okmsvm.jenkins;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.steps.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every okms pipeline step shares: the optional settings (the same names as the Maven goals' {@code okms.*}
 * properties), the credentials ids, and the execution that runs the core steps off the pipeline thread.
 */
public abstract class OkmsStep extends Step {
  private String region;
  private String okmsId;
  private boolean order;
  private String pccServiceName;
  private String kmipEndpoint;
  private List<String> identityUrns = new ArrayList<>();
  private String credentialName = EncryptionSettings.DEFAULT_CREDENTIAL_NAME;
  private int credentialValidityDays = EncryptionSettings.DEFAULT_CREDENTIAL_VALIDITY_DAYS;
  private int renewBeforeDays = EncryptionSettings.DEFAULT_RENEW_BEFORE_DAYS;
  private String providerName;
  private boolean setDefault = true;
  private String iamPolicyName = EncryptionSettings.DEFAULT_POLICY_NAME;
  private List<String> iamActions = new ArrayList<>(EncryptionSettings.DEFAULT_IAM_ACTIONS);
  private String storagePolicyName = EncryptionSettings.DEFAULT_POLICY_NAME;
  private List<String> vms = new ArrayList<>();
  private String vmFolder;
  private boolean allowPowerOff;
  private boolean partial;
  private boolean allowEmptySelection;
  private int shutdownTimeoutSeconds = EncryptionSettings.DEFAULT_SHUTDOWN_TIMEOUT_SECONDS;
  private int parallelism = EncryptionSettings.DEFAULT_PARALLELISM;
  private int timeoutSeconds = EncryptionSettings.DEFAULT_TIMEOUT_SECONDS;
  private boolean plan;
  private int maxNonCompliant;
  private String reportDirectory = "okms-reports";
  private List<String> reportFormats = new ArrayList<>();
  private String ovhCredentialsId;
  private String ovhEndpoint;
  private String ovhTokenUrl;
  private String ovhCaFile;
  private String vcenterServer;
  private String vcenterCredentialsId;
  private String vcenterThumbprint;
  private String vcenterCaFile;
  private boolean vcenterInsecure;

  /** What this pipeline step does: the guide steps it runs come from the core. */
  abstract Command command();

  @Override
  public StepExecution start(StepContext context) {
    return new OkmsStepExecution(context, this);
  }

  EncryptionSettings settings() {
    return EncryptionSettings.builder().region(region).okmsId(okmsId).order(order).pccServiceName(pccServiceName)
        .kmipEndpoint(kmipEndpoint).identityUrns(identityUrns).credentialName(credentialName)
        .credentialValidityDays(credentialValidityDays).renewBeforeDays(renewBeforeDays).providerName(providerName)
        .setDefault(setDefault).iamPolicyName(iamPolicyName).iamActions(iamActions)
        .storagePolicyName(storagePolicyName).vms(vms).vmFolder(vmFolder).allowPowerOff(allowPowerOff)
        .partial(partial).allowEmptySelection(allowEmptySelection)
        .shutdownTimeout(Duration.ofSeconds(shutdownTimeoutSeconds)).parallelism(parallelism)
        .timeout(Duration.ofSeconds(timeoutSeconds)).plan(plan).maxNonCompliant(maxNonCompliant).reportFormats(reportFormats).build();
  }

  public String getRegion() { return region; }
  @DataBoundSetter public void setRegion(String region) { this.region = region; }
  public String getOkmsId() { return okmsId; }
  @DataBoundSetter public void setOkmsId(String okmsId) { this.okmsId = okmsId; }
  public boolean isOrder() { return order; }
  @DataBoundSetter public void setOrder(boolean order) { this.order = order; }
  public String getPccServiceName() { return pccServiceName; }
  @DataBoundSetter public void setPccServiceName(String pccServiceName) { this.pccServiceName = pccServiceName; }
  public String getKmipEndpoint() { return kmipEndpoint; }
  @DataBoundSetter public void setKmipEndpoint(String kmipEndpoint) { this.kmipEndpoint = kmipEndpoint; }
  public List<String> getIdentityUrns() { return identityUrns; }
  @DataBoundSetter public void setIdentityUrns(List<String> identityUrns) { this.identityUrns = copy(identityUrns); }
  public String getCredentialName() { return credentialName; }
  @DataBoundSetter public void setCredentialName(String credentialName) { this.credentialName = credentialName; }
  public int getCredentialValidityDays() { return credentialValidityDays; }
  @DataBoundSetter public void setCredentialValidityDays(int days) { this.credentialValidityDays = days; }
  public int getRenewBeforeDays() { return renewBeforeDays; }
  @DataBoundSetter public void setRenewBeforeDays(int days) { this.renewBeforeDays = days; }
  public String getProviderName() { return providerName; }
  @DataBoundSetter public void setProviderName(String providerName) { this.providerName = providerName; }
  public boolean isSetDefault() { return setDefault; }
  @DataBoundSetter public void setSetDefault(boolean setDefault) { this.setDefault = setDefault; }
  public String getIamPolicyName() { return iamPolicyName; }
  @DataBoundSetter public void setIamPolicyName(String iamPolicyName) { this.iamPolicyName = iamPolicyName; }
  public List<String> getIamActions() { return iamActions; }
  @DataBoundSetter public void setIamActions(List<String> iamActions) { this.iamActions = copy(iamActions); }
  public String getStoragePolicyName() { return storagePolicyName; }
  @DataBoundSetter public void setStoragePolicyName(String name) { this.storagePolicyName = name; }
  public List<String> getVms() { return vms; }
  @DataBoundSetter public void setVms(List<String> vms) { this.vms = copy(vms); }
  public String getVmFolder() { return vmFolder; }
  @DataBoundSetter public void setVmFolder(String vmFolder) { this.vmFolder = vmFolder; }
  public boolean isAllowPowerOff() { return allowPowerOff; }
  @DataBoundSetter public void setAllowPowerOff(boolean allowPowerOff) { this.allowPowerOff = allowPowerOff; }
  public boolean isPartial() { return partial; }
  @DataBoundSetter public void setPartial(boolean partial) { this.partial = partial; }
  public boolean isAllowEmptySelection() { return allowEmptySelection; }
  @DataBoundSetter public void setAllowEmptySelection(boolean allow) { this.allowEmptySelection = allow; }
  public int getShutdownTimeoutSeconds() { return shutdownTimeoutSeconds; }
  @DataBoundSetter public void setShutdownTimeoutSeconds(int seconds) { this.shutdownTimeoutSeconds = seconds; }
  public int getParallelism() { return parallelism; }
  @DataBoundSetter public void setParallelism(int parallelism) { this.parallelism = parallelism; }
  public int getTimeoutSeconds() { return timeoutSeconds; }
  @DataBoundSetter public void setTimeoutSeconds(int timeoutSeconds) { this.timeoutSeconds = timeoutSeconds; }
  public boolean isPlan() { return plan; }
  @DataBoundSetter public void setPlan(boolean plan) { this.plan = plan; }
  public int getMaxNonCompliant() { return maxNonCompliant; }
  @DataBoundSetter public void setMaxNonCompliant(int maxNonCompliant) { this.maxNonCompliant = maxNonCompliant; }
  public String getReportDirectory() { return reportDirectory; }
  @DataBoundSetter public void setReportDirectory(String reportDirectory) { this.reportDirectory = reportDirectory; }
  public List<String> getReportFormats() { return reportFormats; }
  @DataBoundSetter public void setReportFormats(List<String> formats) { this.reportFormats = copy(formats); }
  public String getOvhCredentialsId() { return ovhCredentialsId; }
  @DataBoundSetter public void setOvhCredentialsId(String id) { this.ovhCredentialsId = id; }
  public String getOvhEndpoint() { return ovhEndpoint; }
  @DataBoundSetter public void setOvhEndpoint(String ovhEndpoint) { this.ovhEndpoint = ovhEndpoint; }
  public String getOvhTokenUrl() { return ovhTokenUrl; }
  @DataBoundSetter public void setOvhTokenUrl(String ovhTokenUrl) { this.ovhTokenUrl = ovhTokenUrl; }
  public String getOvhCaFile() { return ovhCaFile; }
  @DataBoundSetter public void setOvhCaFile(String ovhCaFile) { this.ovhCaFile = ovhCaFile; }
  public String getVcenterServer() { return vcenterServer; }
  @DataBoundSetter public void setVcenterServer(String vcenterServer) { this.vcenterServer = vcenterServer; }
  public String getVcenterCredentialsId() { return vcenterCredentialsId; }
  @DataBoundSetter public void setVcenterCredentialsId(String id) { this.vcenterCredentialsId = id; }
  public String getVcenterThumbprint() { return vcenterThumbprint; }
  @DataBoundSetter public void setVcenterThumbprint(String thumbprint) { this.vcenterThumbprint = thumbprint; }
  public String getVcenterCaFile() { return vcenterCaFile; }
  @DataBoundSetter public void setVcenterCaFile(String vcenterCaFile) { this.vcenterCaFile = vcenterCaFile; }
  public boolean isVcenterInsecure() { return vcenterInsecure; }
  @DataBoundSetter public void setVcenterInsecure(boolean vcenterInsecure) { this.vcenterInsecure = vcenterInsecure; }

  private static List<String> copy(List<String> values) {
    return values == null ? new ArrayList<>() : new ArrayList<>(values);
  }
}
