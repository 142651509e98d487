assert !new File(basedir, 'pom.xml').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('no llmbench.endpoint given: embedded simulator (profile fast')
def out = new File(basedir, 'target/llmbench')
['adhoc-small-c2-32x8.json', 'adhoc-c4-32x8.json'].each { name ->
    def f = new File(out, name)
    assert f.isFile() : "missing ${name}"
    assert f.text.contains('"p90(ttft) < 5s"') : "${name} lacks its SLO"
    def result = new groovy.json.JsonSlurper().parse(f)
    assert result.cost.pricing_source == 'configured'
    long tokensIn = result.tokens.input, tokensOut = result.tokens.output
    double expected = (tokensIn * 0.15 + tokensOut * 0.60) / 1e6
    assert Math.abs(result.cost.usd_per_run - expected) < 1e-12 : "cost ${result.cost.usd_per_run} != ${expected}"
}
assert log.contains('llmbench check passed: 2 benchmarks, 6 SLO verdicts (0 violated), no baseline')
def html = new File(out, 'report.html').text
assert html.contains('adhoc-small-c2-32x8') && html.contains('adhoc-c4-32x8') && html.contains('<svg')
return true
