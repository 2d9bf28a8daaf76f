// The whole guide converges, a second run in the same build changes nothing, and the gate passes with its reports.
def log = new File(basedir, 'build.log').text
assert log.contains('[okms]   + order an OKMS in region eu-west-rbx')
assert log.contains('[okms] encrypt-vm: 13 changes')
assert log.contains('[okms] encrypt-vm: 0 changes, everything already as wanted')
assert log.contains('3 of 3 VMs compliant (0 non-compliant, 0 allowed): PASSED')
['compliance.json', 'TEST-okms-compliance.xml', 'compliance.md', 'compliance.html', 'encrypt-vm.json'].each {
  assert new File(basedir, "target/okms/$it").isFile() : "missing target/okms/$it"
}
assert new File(basedir, 'target/okms/encrypt-vm.json').text.contains('"okmsId"')
assert !(log =~ /(?i)client.?secret\s*[:=]/)
true
