package dev.opkit.conformance;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the conformance kit: every feature under {@code features/} on the test classpath (copied
 * from the repository's top-level {@code features/} folder), with the step definitions of {@code
 * dev.opkit.conformance.steps}. The target, the plugins that write the reports and the parallel
 * execution are set in {@code junit-platform.properties}; see the README for running it against a
 * running sandbox or real wallets.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
class RunConformanceTest {}
