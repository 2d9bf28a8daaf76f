// The generated help documents every goal and its properties.
def log = new File(basedir, 'build.log').text
['okms:order', 'okms:open-kms-flow', 'okms:trust', 'okms:iam-policy', 'okms:encryption-policy', 'okms:encrypt-vm',
 'okms:check', 'okms:thumbprint', 'okms:help'].each { assert log.contains(it) : "help lacks $it" }
['okms.allowPowerOff', 'okms.maxNonCompliant', 'okms.plan', 'okms.sandbox', 'okms.vcenterThumbprint'].each {
  assert log.contains("User property: $it") : "help lacks $it"
}
true
