package dev.appoptics.emulator.internal.console;

import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console's static files, read from the classpath: the page at {@code /}, its scripts and styles under
 * {@code /console/…}, and uPlot from its webjar under {@code /console/uplot/…}. Each answer carries its content type
 * and a strong ETag with {@code Cache-Control: no-cache}, so a browser revalidates and gets a bodiless 304 while the
 * file is unchanged. Only names made of letters, digits, {@code . _ -} (not starting with a dot) and a known
 * extension are looked up, so no path can leave the console's directory; anything else is the API's 404.
 */
public final class ConsoleFiles {
  private static final String ROOT = "dev/appoptics/emulator/console/";
  private static final String UPLOT_PREFIX = "uplot/";
  private static final String UPLOT_DESCRIPTOR = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html;charset=utf-8",
          "js", "text/javascript;charset=utf-8",
          "css", "text/css;charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");
  // The page may load only what this server serves and talk only to it.
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; connect-src 'self';"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  private final ClassLoader loader = ConsoleFiles.class.getClassLoader();
  private final Map<String, Asset> cache = new ConcurrentHashMap<>();

  /** {@code GET /}: the console's page. */
  public ApiResponse index(ApiRequest request) {
    return answer(request, "index.html");
  }

  /** {@code GET /console/{file*}}: a script, style sheet or image; {@code file} is the decoded rest of the path. */
  public ApiResponse file(ApiRequest request) {
    return answer(request, request.path("file"));
  }

  private ApiResponse answer(ApiRequest request, String name) {
    Asset file = find(name).orElseThrow(() -> ApiError.notFound("No console file " + name));
    boolean unchanged = request.header("if-none-match").map(file.etag()::equals).orElse(false);
    ApiResponse response =
        unchanged ? ApiResponse.empty(304) : ApiResponse.bytes(200, file.contentType(), file.bytes());
    response =
        response
            .withHeader("ETag", file.etag())
            .withHeader("Cache-Control", "no-cache")
            .withHeader("X-Content-Type-Options", "nosniff");
    return name.endsWith(".html")
        ? response.withHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        : response;
  }

  private Optional<Asset> find(String name) {
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    if (type == null || !safe(name)) {
      return Optional.empty();
    }
    Asset cached = cache.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    String resource = name.startsWith(UPLOT_PREFIX) ? uplotDirectory() + name.substring(UPLOT_PREFIX.length())
        : ROOT + name;
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Asset file = new Asset(type, in.readAllBytes());
      cache.put(name, file);
      return Optional.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read console file " + resource, e);
    }
  }

  private static boolean safe(String name) {
    for (String segment : name.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
        return false;
      }
    }
    return true;
  }

  /** Where the webjar keeps uPlot's files; its version is read from the webjar itself. */
  private String uplotDirectory() {
    try (InputStream in = loader.getResourceAsStream(UPLOT_DESCRIPTOR)) {
      if (in == null) {
        throw ApiError.notFound("The console's charts need uPlot on the classpath: the dependency org.webjars.npm:uplot");
      }
      Properties properties = new Properties();
      properties.load(in);
      return "META-INF/resources/webjars/uplot/" + properties.getProperty("version") + "/dist/";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + UPLOT_DESCRIPTOR, e);
    }
  }

  private record Asset(String contentType, byte[] bytes, String etag) {
    Asset(String contentType, byte[] bytes) {
      this(contentType, bytes, "\"" + sha256(bytes).substring(0, 32) + "\"");
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
