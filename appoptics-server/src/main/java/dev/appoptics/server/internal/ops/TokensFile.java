package dev.appoptics.server.internal.ops;

import dev.appoptics.server.ServerConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tokens file: one token per line; blank lines and lines starting with {@code #} are skipped, and a token may be
 * followed by whitespace and a {@code #} comment. Surrounding whitespace is trimmed. A token with whitespace inside,
 * or a file that cannot be read, is an error naming the file and the line.
 *
 * <pre>
 * # collectors in eu-west
 * 6f1c0e4d9b…   # rotated 2026-11-30
 * </pre>
 */
public final class TokensFile {
  private TokensFile() {}

  /** The tokens in {@code file}, in file order without repeats. */
  public static Set<String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ServerConfigurationException("cannot read the tokens file " + file + ": " + e);
    }
    return parse(file.toString(), lines);
  }

  static Set<String> parse(String name, List<String> lines) {
    Set<String> tokens = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      if (parts.length == 2 && !parts[1].startsWith("#")) {
        throw new ServerConfigurationException("the tokens file " + name + ", line " + (i + 1)
            + ": one token per line, with no spaces inside (a comment after it starts with #), was '" + line + "'");
      }
      tokens.add(parts[0]);
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
