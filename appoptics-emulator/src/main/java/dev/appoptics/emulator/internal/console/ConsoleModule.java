package dev.appoptics.emulator.internal.console;

import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.Router;

/**
 * The web console as public routes: its page at {@code /} and its files under {@code /console/}, for GET and HEAD,
 * with no token, rate limit or faults. The console itself reads the API like any client; see {@link ConsoleFiles}.
 */
public final class ConsoleModule implements ApiModule {
  private final ConsoleFiles files = new ConsoleFiles();

  @Override
  public void register(Router router) {
    for (String method : new String[] {"GET", "HEAD"}) {
      router.addPublic(method, "/", files::index).addPublic(method, "/console/{file*}", files::file);
    }
  }

  @Override
  public void clear() {
    // static files: nothing stored
  }
}
