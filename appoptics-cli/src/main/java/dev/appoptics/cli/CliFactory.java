package dev.appoptics.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates commands, handing the run's {@link Cli} to those whose constructor takes one. */
final class CliFactory implements CommandLine.IFactory {
  private final Cli cli;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CliFactory(Cli cli) {
    this.cli = cli;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == Cli.class) {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(cli));
      }
    }
    return fallback.create(type);
  }
}
