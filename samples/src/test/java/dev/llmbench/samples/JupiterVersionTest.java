package dev.llmbench.samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a sample: proves which Jupiter engine ran the samples. The pom runs them twice — surefire on the Jupiter 5.x the
 * extension is compiled against, failsafe's {@code samples-on-junit6} execution on 6.x — and tells each run which
 * major version it must see in {@code samples.expectedJupiterMajor}.
 */
class JupiterVersionTest {

    @Test
    @EnabledIfSystemProperty(named = "samples.expectedJupiterMajor", matches = "\\d+")
    void the_samples_ran_on_the_expected_jupiter() {
        String major = System.getProperty("samples.expectedJupiterMajor") + ".";
        String api = Test.class.getPackage().getImplementationVersion();
        String engine = implementationVersion("org.junit.jupiter.engine.JupiterTestEngine");
        String launcher = implementationVersion("org.junit.platform.launcher.Launcher");
        System.out.printf("Jupiter API %s, Jupiter engine %s, Platform launcher %s%n", api, engine, launcher);
        assertThat(api).as("junit-jupiter-api version").startsWith(major);
        assertThat(engine).as("junit-jupiter-engine version").startsWith(major);
        if (major.equals("6.")) {
            assertThat(launcher).as("junit-platform-launcher version").startsWith(major);
        }
    }

    private static String implementationVersion(String className) {
        try {
            return Class.forName(className).getPackage().getImplementationVersion();
        } catch (ClassNotFoundException e) {
            return "absent";
        }
    }
}
