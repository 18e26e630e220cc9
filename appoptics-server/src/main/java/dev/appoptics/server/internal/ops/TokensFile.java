package dev.appoptics.server.internal.ops;

import dev.appoptics.emulator.TokenRole;
import dev.appoptics.server.ServerConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tokens file: one token per line, optionally followed by its role ({@code admin}, the default, {@code recorder}
 * or {@code viewer}); blank lines and lines starting with {@code #} are skipped, and a line may end in a {@code #}
 * comment. Surrounding whitespace is trimmed. A third word, an unknown role, or a file that cannot be read is an
 * error naming the file and the line.
 *
 * <pre>
 * # collectors in eu-west
 * 6f1c0e4d9b…   recorder   # rotated 2026-11-30
 * 0a77e2c3d1…              # operators: admin
 * </pre>
 */
public final class TokensFile {
  private TokensFile() {}

  /** The tokens in {@code file} with their roles, in file order; a token given twice keeps its last role. */
  public static Map<String, TokenRole> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ServerConfigurationException("cannot read the tokens file " + file + ": " + e);
    }
    return parse(file.toString(), lines);
  }

  static Map<String, TokenRole> parse(String name, List<String> lines) {
    Map<String, TokenRole> tokens = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int comment = line.indexOf('#');
      String[] words = (comment < 0 ? line : line.substring(0, comment)).strip().split("\\s+");
      if (words[0].isEmpty()) {
        continue;
      }
      String where = "the tokens file " + name + ", line " + (i + 1) + ": ";
      if (words.length > 2) {
        throw new ServerConfigurationException(where + "a token and at most its role, with no spaces inside the"
            + " token (a comment starts with #), was '" + line + "'");
      }
      TokenRole role = words.length == 1 ? TokenRole.ADMIN : TokenRole.named(words[1]).orElseThrow(() ->
          new ServerConfigurationException(where + "the role must be admin, recorder or viewer, was '" + words[1]
              + "'"));
      tokens.remove(words[0]); // a repeated token keeps its last role, in its last place
      tokens.put(words[0], role);
    }
    return tokens;
  }

  /** A warning when other users may read {@code file}; empty when they may not, or the file system cannot tell. */
  public static Optional<String> exposure(Path file) {
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (mode.contains(PosixFilePermission.OTHERS_READ) || mode.contains(PosixFilePermission.GROUP_READ)) {
        return Optional.of("the tokens file " + file + " may be read by other users; consider: chmod 600 " + file);
      }
      return Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }
}
