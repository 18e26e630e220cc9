/** The {@code appoptics} command line. */
package dev.appoptics.cli;
