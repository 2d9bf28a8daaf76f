// Nothing is encrypted yet: the gate fails the build, names each VM and why, and still writes its reports (in the
// formats asked for).
def log = new File(basedir, 'build.log').text
assert log.contains('[okms] check failed: encryption compliance 0 of 4 VMs compliant (4 non-compliant, 0 allowed): FAILED: app-01 (VM home is not encrypted; Hard disk 1 is not encrypted)')
assert new File(basedir, 'target/okms/TEST-okms-compliance.xml').text.contains('failures="4"')
// okms.reportFormats chose these, and only these
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/okms/compliance.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.collect { it.ruleId }.contains('VM-ENC-001')
assert new groovy.json.JsonSlurper().parse(new File(basedir, 'target/okms/gl-code-quality-report.json')).size() >= 4
assert !new File(basedir, 'target/okms/compliance.html').exists()
true
