// The benchmark ran against the simulator simulator-start launched, check passed, and the report is on disk.
def log = new File(basedir, 'build.log').text
def m = log =~ /simulator \(profile fast, model fast-sim-0\.5b\) on (http:\/\/127\.0\.0\.1:\d+)/
assert m.find() : 'simulator-start did not log its URL'
def url = m.group(1)

def results = new File(basedir, 'target/llmbench').listFiles().findAll { it.name.startsWith('ChatLatencyIT') && it.name.endsWith('.json') }
assert results.size() == 2 : "expected one result per tier, found ${results*.name}"
results.each { assert it.text.contains(url) : "${it.name} was not measured against ${url}" }

assert log.contains('llmbench check passed: 2 benchmarks, 4 SLO verdicts (0 violated), no baseline')
assert log.contains('simulator on ' + url + ' stopped')
def reports = (log =~ /llmbench: report file:\S+target\/llmbench\/report\.html/).count
assert reports == 2 : "expected the report of verify and of mvn llmbench:report, found ${reports}"
assert log =~ /llmbench-maven-plugin:[^:]+:report \(default-cli\) @ passing-project/
def html = new File(basedir, 'target/llmbench/report.html')
assert html.isFile()
assert html.text.contains('<svg') && html.text.contains('ChatLatencyIT')
assert new File(basedir, 'target/llmbench/report.md').text.contains('ChatLatencyIT')
assert new File(basedir, 'target/llmbench/summary.json').text.contains('"schema"')
return true
