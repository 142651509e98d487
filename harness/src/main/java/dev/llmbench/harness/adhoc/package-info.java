/**
 * An ad-hoc benchmark without test code: settings given as text (as on a command line) are checked, expanded into one
 * benchmark per load tier and prompt shape, run, and written as result files. The Maven goal {@code llmbench:run} is
 * a thin layer over {@link dev.llmbench.harness.adhoc.AdHocRun}.
 */
package dev.llmbench.harness.adhoc;
