assert !new File(basedir, 'pom.xml').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('no llmbench.endpoint given: embedded simulator (profile fast')
def out = new File(basedir, 'target/llmbench')
['adhoc-small-c2-32x8.json', 'adhoc-c4-32x8.json'].each { name ->
    def f = new File(out, name)
    assert f.isFile() : "missing ${name}"
    assert f.text.contains('"p90(ttft) < 5s"') || f.text.contains('p90(ttft) < 5s') : "${name} lacks its SLO"
}
assert log.contains('llmbench check passed: 2 benchmarks, 4 SLO verdicts (0 violated), no baseline')
def html = new File(out, 'report.html').text
assert html.contains('adhoc-small-c2-32x8') && html.contains('adhoc-c4-32x8') && html.contains('<svg')
return true
