// Plan mode prints what it would do and does none of it.
def log = new File(basedir, 'build.log').text
assert log.contains('[okms]   would order an OKMS in region eu-west-rbx')
assert log.contains('[okms] encrypt-vm plan: 12 changes would be made')
assert log.contains('BUILD SUCCESS')
assert !log.contains('[okms]   + ')
// its outputs say they come from a plan
assert new File(basedir, 'target/okms/encrypt-vm.json').text.contains('"plan" : true')
true
