// The vCenter login comes from the settings.xml server okms-vcenter (read through Maven's decrypter); the sandbox
// vCenter accepts exactly that login, and its password never shows in the log.
def log = new File(basedir, 'build.log').text
assert log.contains('[okms] the sandbox vCenter adopts the login of administrator@vsphere.local (vcenterUser from settings.xml server okms-vcenter, vcenterPassword from settings.xml server okms-vcenter)')
assert log.contains('2 VMs compliant') || log.contains('of 2 VMs compliant')
assert !log.contains('from-settings')
true
