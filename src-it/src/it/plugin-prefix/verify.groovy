// `mvn okms:help` with only <pluginGroups> in settings.xml, as the README tells: the prefix resolves to this plugin.
def log = new File(basedir, 'build.log').text
assert log.contains('okms-maven-plugin') : 'the prefix okms did not resolve to okms-maven-plugin'
assert log.contains('okms:encrypt-vm') : 'okms:help did not list the goals'
true
