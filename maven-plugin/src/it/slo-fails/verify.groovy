def log = new File(basedir, 'build.log').text
assert log.contains('llmbench check FAILED: 1 benchmark, 2 SLO verdicts (1 violated)') : 'check did not fail on the SLO'
assert log =~ /StreamingSpeedIT\.stream-small-c2-32x16: mean\(tpot\) < 0\.1ms violated: measured .+, limit / : 'the violation does not name the benchmark, the SLO, the measured value and the limit'
assert !log.contains('error_rate < 1% violated')
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'target/llmbench/report.html').text.contains('StreamingSpeedIT')
return true
