package dev.appoptics.server.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.server.ServerConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensFileTest {
  @TempDir Path dir;

  @Test
  void oneTokenPerLineWithCommentsBlankLinesAndSurroundingSpaceSkipped() {
    List<String> lines = List.of("# collectors", "", "  alpha  ", "beta # rotated today", "\tgamma\t#", "alpha");

    assertThat(TokensFile.parse("tokens", lines)).containsExactly("alpha", "beta", "gamma");
  }

  @Test
  void aTokenWithSpaceInsideIsRefusedNamingFileAndLine() {
    assertThatThrownBy(() -> TokensFile.parse("/etc/tokens", List.of("# ok", "two words")))
        .isInstanceOf(ServerConfigurationException.class)
        .hasMessageContaining("/etc/tokens, line 2").hasMessageContaining("'two words'");
  }

  @Test
  void aMissingFileIsRefusedNamingIt() {
    Path missing = dir.resolve("none");

    assertThatThrownBy(() -> TokensFile.read(missing))
        .isInstanceOf(ServerConfigurationException.class)
        .hasMessageStartingWith("cannot read the tokens file " + missing);
  }

  @Test
  void aFileOthersMayReadIsReported() throws Exception {
    Path open = Files.writeString(dir.resolve("open"), "t\n");
    Path closed = Files.writeString(dir.resolve("closed"), "t\n");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));

    assertThat(TokensFile.exposure(open)).hasValueSatisfying(w -> assertThat(w).contains("chmod 600 " + open));
    assertThat(TokensFile.exposure(closed)).isEmpty();
  }
}
