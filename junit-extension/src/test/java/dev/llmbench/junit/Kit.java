package dev.llmbench.junit;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs fixture classes on the Jupiter engine through EngineTestKit, as a user's build would. */
final class Kit {

    private Kit() {
    }

    static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    /** Runs the fixtures with these configuration parameters (the junit-platform.properties layer). */
    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(TestKitOnly.KEY, "true");
        all.putAll(parameters);
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(fixtures).map(DiscoverySelectors::selectClass)
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .configurationParameters(all)
                // as a real launcher does: also read junit-platform.properties from the class path (and system properties)
                .enableImplicitConfigurationParameters(true)
                .execute();
    }

    /** Every published report entry (key → value maps), in order. */
    static List<Map<String, String>> reportEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .collect(Collectors.toList());
    }

    /** The display names of the tests that started, in order. */
    static List<String> startedTests(EngineExecutionResults results) {
        return results.testEvents().started().stream().map(Event::getTestDescriptor)
                .map(d -> d.getDisplayName()).collect(Collectors.toList());
    }

    /** The messages of every failed test or container. */
    static List<String> failureMessages(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
                .map(r -> r.getThrowable().map(Throwable::getMessage).orElse(""))
                .collect(Collectors.toList());
    }
}
