// mvn -X prints Maven's and the HTTP library's DEBUG output; none of it may carry a credential. The vCenter password
// comes from the environment (the sandbox vCenter adopts it and the SOAP Login carries it); the OVHcloud requests carry
// the sandbox service account's bearer token, and the token request its client secret.
def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert log.contains('3 of 3 VMs compliant')
['pw-debug-4f2c9e17', 'Authorization: Bearer', 'X-Ovh-Consumer', 'client_secret', 'vmware_soap_session=',
 '<password>', '(f) vcenterPassword', '(f) ovhClientSecret'].each { secret ->
  assert !log.contains(secret) : "mvn -X printed '" + secret + "'"
}
true
