// A real TLS handshake with the sandbox: IPv4, both thumbprints in openssl's form, and the chain verified.
def log = new File(basedir, 'build.log').text
assert log =~ /\[okms\] thumbprint 127\.0\.0\.1:\d+ \(TLSv1\.[23]\)/
assert log.contains('  IPv4 address:     127.0.0.1')
assert log =~ /  SHA-1 thumbprint: ([0-9A-F]{2}:){19}[0-9A-F]{2}/
assert log =~ /  SHA-256:          ([0-9A-F]{2}:){31}[0-9A-F]{2}/
assert log.contains('  chain:            verified against the sandbox CA')
true
