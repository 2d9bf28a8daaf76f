// Strict mode refuses a secret committed in the POM, names the property and where it belongs, and never echoes it.
def log = new File(basedir, 'build.log').text
assert log.contains('okms.ovhClientSecret is set in the POM: move it to the environment (OVH_*, VSPHERE_PASSWORD) or a settings.xml <server> (okms.strict forbids secrets in the POM)')
assert !log.contains('committed-by-mistake')
true
