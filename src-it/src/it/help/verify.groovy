// The help documents every goal, and for each goal only the parameters it reads.
def log = new File(basedir, 'build.log').text
['okms:order', 'okms:open-kms-flow', 'okms:trust', 'okms:iam-policy', 'okms:encryption-policy', 'okms:encrypt-vm',
 'okms:check', 'okms:thumbprint', 'okms:help'].each { assert log.contains(it + '\n') : "help lacks $it" }

def section = { goal ->
  def start = log.indexOf("\nokms:$goal\n")
  assert start >= 0 : "help lacks okms:$goal"
  def end = log.indexOf('\nokms:', start + 1)
  log.substring(start, end < 0 ? log.length() : end)
}
def check = section('check')
['okms.vms', 'okms.maxNonCompliant', 'okms.reportDirectory', 'okms.vcenterServer', 'okms.plan', 'okms.sandbox'].each {
  assert check.contains("User property: $it\n") : "okms:check lacks $it"
}
['okms.order', 'okms.iamActions', 'okms.region', 'okms.ovhEndpoint', 'okms.ovhServerId', 'okms.parallelism'].each {
  assert !check.contains("User property: $it\n") : "okms:check lists $it, which it does not read"
}
def encrypt = section('encrypt-vm')
['okms.order', 'okms.iamActions', 'okms.allowPowerOff', 'okms.prerequisites', 'okms.vcenterThumbprint'].each {
  assert encrypt.contains("User property: $it\n") : "okms:encrypt-vm lacks $it"
}
assert !encrypt.contains('User property: okms.maxNonCompliant\n')
assert encrypt.contains('okms.ovhClientSecret') : 'okms:encrypt-vm does not say how its secrets are given'
def order = section('order')
assert !order.contains('User property: okms.vms\n') && !order.contains('okms.vcenterPassword')
assert section('thumbprint').contains('User property: okms.host\n')
true
