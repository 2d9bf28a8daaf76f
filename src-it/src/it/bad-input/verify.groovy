// A bad setting ends in one message that names the property and the fix, before anything is changed.
def log = new File(basedir, 'build.log').text
assert log.contains("okms.pccServiceName 'my-pcc' is not a PCC service name: it looks like pcc-198-51-100-1 (see Hosted Private Cloud in the Control Panel)")
assert !log.contains('[okms]   + ')
true
