def log = new File(basedir, 'build.log').text
assert log.contains('Benchmarks were expected: src/test/java/com/example/ChatEndpointBenchmark.java uses @LlmBenchmark') : 'check did not say why results were expected'
assert log.contains('**/*Test.java') : 'the message does not say how benchmark classes are picked up'
assert log.contains('[WARNING] llmbench: no results in') : 'failIfNoResults=false did not turn the failure into a warning'
return true
