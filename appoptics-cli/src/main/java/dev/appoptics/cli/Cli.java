package dev.appoptics.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What one run of the command line talks to: its output streams, standard input and environment. Commands get it in
 * their constructor so tests can run them in-process with captured streams and a chosen environment.
 */
final class Cli {
  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Map<String, String> env;
  private boolean verbose;
  private boolean json;

  Cli(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = Map.copyOf(env);
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  InputStream in() {
    return in;
  }

  /** An environment variable, or empty when it is unset or blank. */
  java.util.Optional<String> env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.trim());
  }

  boolean verbose() {
    return verbose;
  }

  void verbose(boolean verbose) {
    this.verbose = verbose;
  }

  boolean json() {
    return json;
  }

  void json(boolean json) {
    this.json = json;
  }
}
