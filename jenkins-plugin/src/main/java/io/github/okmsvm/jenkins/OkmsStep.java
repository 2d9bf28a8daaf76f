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
 * properties), the credentials ids, and the execution that runs the core steps off the pipeline thread. A setter is a
 * {@code @DataBoundSetter} only in the steps that take its argument (every step takes {@code plan} and
 * {@code timeoutSeconds}; {@link OvhApiStep} and {@link VcenterStep} add their connections'), so Jenkins offers and
 * accepts no other.
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
  private boolean markUnstable;
  private String encryptedVMotion;
  private boolean deepRekey;
  private Integer unstableNonCompliant;
  private int minCertificateDays;
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
        .timeout(Duration.ofSeconds(timeoutSeconds)).plan(plan).maxNonCompliant(maxNonCompliant)
        .unstableNonCompliant(unstableNonCompliant).minCertificateDays(minCertificateDays)
        .encryptedVMotion(encryptedVMotion).deepRekey(deepRekey).reportFormats(reportFormats).build();
  }

  public String getRegion() { return region; }
  public void setRegion(String region) { this.region = region; }
  public String getOkmsId() { return okmsId; }
  public void setOkmsId(String okmsId) { this.okmsId = okmsId; }
  public boolean isOrder() { return order; }
  public void setOrder(boolean order) { this.order = order; }
  public String getPccServiceName() { return pccServiceName; }
  public void setPccServiceName(String pccServiceName) { this.pccServiceName = pccServiceName; }
  public String getKmipEndpoint() { return kmipEndpoint; }
  public void setKmipEndpoint(String kmipEndpoint) { this.kmipEndpoint = kmipEndpoint; }
  public List<String> getIdentityUrns() { return identityUrns; }
  public void setIdentityUrns(List<String> identityUrns) { this.identityUrns = copy(identityUrns); }
  public String getCredentialName() { return credentialName; }
  public void setCredentialName(String credentialName) { this.credentialName = credentialName; }
  public int getCredentialValidityDays() { return credentialValidityDays; }
  public void setCredentialValidityDays(int days) { this.credentialValidityDays = days; }
  public int getRenewBeforeDays() { return renewBeforeDays; }
  public void setRenewBeforeDays(int days) { this.renewBeforeDays = days; }
  public String getProviderName() { return providerName; }
  public void setProviderName(String providerName) { this.providerName = providerName; }
  public boolean isSetDefault() { return setDefault; }
  public void setSetDefault(boolean setDefault) { this.setDefault = setDefault; }
  public String getIamPolicyName() { return iamPolicyName; }
  public void setIamPolicyName(String iamPolicyName) { this.iamPolicyName = iamPolicyName; }
  public List<String> getIamActions() { return iamActions; }
  public void setIamActions(List<String> iamActions) { this.iamActions = copy(iamActions); }
  public String getStoragePolicyName() { return storagePolicyName; }
  public void setStoragePolicyName(String name) { this.storagePolicyName = name; }
  public List<String> getVms() { return vms; }
  public void setVms(List<String> vms) { this.vms = copy(vms); }
  public String getVmFolder() { return vmFolder; }
  public void setVmFolder(String vmFolder) { this.vmFolder = vmFolder; }
  public boolean isAllowPowerOff() { return allowPowerOff; }
  public void setAllowPowerOff(boolean allowPowerOff) { this.allowPowerOff = allowPowerOff; }
  public boolean isPartial() { return partial; }
  public void setPartial(boolean partial) { this.partial = partial; }
  public boolean isAllowEmptySelection() { return allowEmptySelection; }
  public void setAllowEmptySelection(boolean allow) { this.allowEmptySelection = allow; }
  public int getShutdownTimeoutSeconds() { return shutdownTimeoutSeconds; }
  public void setShutdownTimeoutSeconds(int seconds) { this.shutdownTimeoutSeconds = seconds; }
  public int getParallelism() { return parallelism; }
  public void setParallelism(int parallelism) { this.parallelism = parallelism; }
  public int getTimeoutSeconds() { return timeoutSeconds; }
  @DataBoundSetter public void setTimeoutSeconds(int timeoutSeconds) { this.timeoutSeconds = timeoutSeconds; }
  public boolean isPlan() { return plan; }
  @DataBoundSetter public void setPlan(boolean plan) { this.plan = plan; }
  public int getMaxNonCompliant() { return maxNonCompliant; }
  public void setMaxNonCompliant(int maxNonCompliant) { this.maxNonCompliant = maxNonCompliant; }
  public int getMinCertificateDays() { return minCertificateDays; }
  public void setMinCertificateDays(int days) { this.minCertificateDays = days; }
  public Integer getUnstableNonCompliant() { return unstableNonCompliant; }
  public void setUnstableNonCompliant(Integer count) { this.unstableNonCompliant = count; }
  public boolean isDeepRekey() { return deepRekey; }
  public void setDeepRekey(boolean deepRekey) { this.deepRekey = deepRekey; }
  public String getEncryptedVMotion() { return encryptedVMotion; }
  public void setEncryptedVMotion(String encryptedVMotion) { this.encryptedVMotion = encryptedVMotion; }
  public boolean isMarkUnstable() { return markUnstable; }
  public void setMarkUnstable(boolean markUnstable) { this.markUnstable = markUnstable; }
  public String getReportDirectory() { return reportDirectory; }
  public void setReportDirectory(String reportDirectory) { this.reportDirectory = reportDirectory; }
  public List<String> getReportFormats() { return reportFormats; }
  public void setReportFormats(List<String> formats) { this.reportFormats = copy(formats); }
  public String getOvhCredentialsId() { return ovhCredentialsId; }
  public void setOvhCredentialsId(String id) { this.ovhCredentialsId = id; }
  public String getOvhEndpoint() { return ovhEndpoint; }
  public void setOvhEndpoint(String ovhEndpoint) { this.ovhEndpoint = ovhEndpoint; }
  public String getOvhTokenUrl() { return ovhTokenUrl; }
  public void setOvhTokenUrl(String ovhTokenUrl) { this.ovhTokenUrl = ovhTokenUrl; }
  public String getOvhCaFile() { return ovhCaFile; }
  public void setOvhCaFile(String ovhCaFile) { this.ovhCaFile = ovhCaFile; }
  public String getVcenterServer() { return vcenterServer; }
  public void setVcenterServer(String vcenterServer) { this.vcenterServer = vcenterServer; }
  public String getVcenterCredentialsId() { return vcenterCredentialsId; }
  public void setVcenterCredentialsId(String id) { this.vcenterCredentialsId = id; }
  public String getVcenterThumbprint() { return vcenterThumbprint; }
  public void setVcenterThumbprint(String thumbprint) { this.vcenterThumbprint = thumbprint; }
  public String getVcenterCaFile() { return vcenterCaFile; }
  public void setVcenterCaFile(String vcenterCaFile) { this.vcenterCaFile = vcenterCaFile; }
  public boolean isVcenterInsecure() { return vcenterInsecure; }
  public void setVcenterInsecure(boolean vcenterInsecure) { this.vcenterInsecure = vcenterInsecure; }

  private static List<String> copy(List<String> values) {
    return values == null ? new ArrayList<>() : new ArrayList<>(values);
  }
}
