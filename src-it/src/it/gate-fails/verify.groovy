// Nothing is encrypted yet: the gate fails the build, names each VM and why, and still writes its reports.
def log = new File(basedir, 'build.log').text
assert log.contains('[okms] check failed: encryption compliance 0 of 4 VMs compliant (4 non-compliant, 0 allowed): FAILED: app-01 (VM home is not encrypted; Hard disk 1 is not encrypted)')
assert new File(basedir, 'target/okms/TEST-okms-compliance.xml').text.contains('failures="4"')
true
