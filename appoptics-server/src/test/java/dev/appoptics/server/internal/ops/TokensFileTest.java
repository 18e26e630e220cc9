package dev.appoptics.server.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.appoptics.emulator.TokenRole;
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

    assertThat(TokensFile.parse("tokens", lines)).containsOnlyKeys("alpha", "beta", "gamma")
        .containsValues(TokenRole.ADMIN);
  }

  @Test
  void aRoleAfterTheTokenLimitsIt() {
    List<String> lines = List.of("alpha recorder", "beta\tVIEWER  # dashboards", "gamma admin", "delta");

    assertThat(TokensFile.parse("tokens", lines)).containsExactly(entry("alpha", TokenRole.RECORDER),
        entry("beta", TokenRole.VIEWER), entry("gamma", TokenRole.ADMIN), entry("delta", TokenRole.ADMIN));
  }

  @Test
  void anUnknownRoleOrAThirdWordIsRefusedNamingFileAndLine() {
    assertThatThrownBy(() -> TokensFile.parse("/etc/tokens", List.of("# ok", "alpha root")))
        .isInstanceOf(ServerConfigurationException.class)
        .hasMessageContaining("/etc/tokens, line 2").hasMessageContaining("admin, recorder or viewer")
        .hasMessageContaining("'root'");
    assertThatThrownBy(() -> TokensFile.parse("/etc/tokens", List.of("three words here")))
        .isInstanceOf(ServerConfigurationException.class)
        .hasMessageContaining("/etc/tokens, line 1").hasMessageContaining("'three words here'");
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
