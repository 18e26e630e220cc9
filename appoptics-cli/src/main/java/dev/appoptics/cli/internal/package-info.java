/**
 * Text building blocks of the command line: tables, CSV, terminal line charts, number formatting and the stdin
 * measurement-line parser. Not a public API; it may change in any release.
 */
package dev.appoptics.cli.internal;
