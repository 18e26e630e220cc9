package dev.appoptics.emulator.internal.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a ByteWriter writes, a ByteReader reads back bit for bit, whichever way it was written. */
class ByteWriterTest {
  private static final long[] LIMITS = {0, 1, -1, 63, 64, -64, -65, 127, 128, 16_383, 16_384, Long.MAX_VALUE,
      Long.MIN_VALUE, 1L << 35};

  @Test
  void numbersRoundTripAtTheirLimits() {
    ByteWriter out = new ByteWriter(1);
    for (long v : LIMITS) {
      out.putSignedVarLong(v).putVarLong(v).putDouble(Double.longBitsToDouble(v));
    }
    out.putString("é ü 中").putDouble(Double.NaN).putDouble(-0.0);
    ByteReader in = new ByteReader(out.toByteArray());
    for (long v : LIMITS) {
      assertThat(in.getSignedVarLong()).isEqualTo(v);
      assertThat(in.getVarLong()).isEqualTo(v);
      assertThat(Double.doubleToRawLongBits(in.getDouble())).isEqualTo(v);
    }
    assertThat(in.getString()).isEqualTo("é ü 中");
    assertThat(in.getDouble()).isNaN();
    assertThat(Double.doubleToRawLongBits(in.getDouble())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(in.hasMore()).isFalse();
    assertThatThrownBy(in::get).isInstanceOf(CorruptDataException.class);
  }

  @Test
  void writingStraightIntoAnArrayGivesTheSameBytesAndVarLongSizeCountsThem() {
    for (long v : LIMITS) {
      byte[] direct = new byte[20];
      int end = ByteWriter.putDouble(direct, ByteWriter.putVarLong(direct, 0, v), Double.longBitsToDouble(v));
      ByteWriter out = new ByteWriter(1).putVarLong(v).putDouble(Double.longBitsToDouble(v));
      assertThat(Arrays.copyOf(direct, end)).isEqualTo(out.toByteArray());
      assertThat(ByteWriter.varLongSize(v)).isEqualTo(new ByteWriter(1).putVarLong(v).size());
    }
  }

  @Test
  void littleEndianDoublesAreWhatProtobufsFixed64Is() {
    double d = -1234.5678e-9;
    byte[] expected = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(d).array();
    assertThat(new ByteWriter(1).putDoubleLittleEndian(d).toByteArray()).isEqualTo(expected);
  }

  @Test
  void damagedNumbersAndCountsAreRefusedNamingTheOffset() {
    byte[] tooLong = new byte[11];
    Arrays.fill(tooLong, (byte) 0x80);
    assertThatThrownBy(() -> new ByteReader(tooLong).getVarLong()).isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("10 bytes");
    assertThatThrownBy(() -> new ByteReader(new byte[] {(byte) 0x80}).getVarLong())
        .isInstanceOf(CorruptDataException.class).hasMessageContaining("past the end");
    assertThatThrownBy(() -> new ByteReader(new ByteWriter(4).putVarLong(300).toByteArray()).getCount(299))
        .isInstanceOf(CorruptDataException.class).hasMessageContaining("300 exceeds 299");
  }
}
