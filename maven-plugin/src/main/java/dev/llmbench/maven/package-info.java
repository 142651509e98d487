/** Maven goals over the harness: each Mojo only maps Maven parameters to harness calls. */
package dev.llmbench.maven;
