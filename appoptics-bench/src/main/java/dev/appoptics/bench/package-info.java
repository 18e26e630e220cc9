/** JMH and end-to-end benchmarks. */
package dev.appoptics.bench;
