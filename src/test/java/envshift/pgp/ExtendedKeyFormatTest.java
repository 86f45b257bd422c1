package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.pgp.Sexp.SexpException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Unfolding the Key: entry of a private-keys-v1.d file the way GnuPG's name-value reader does. */
class ExtendedKeyFormatTest {
  private static String key(String file) {
    byte[] value = ExtendedKeyFormat.keyExpression(file.getBytes(StandardCharsets.ISO_8859_1));
    return new String(value, StandardCharsets.ISO_8859_1);
  }

  @Test
  void continuationLinesLoseOneLeadingSpaceAndTheLineBreak() {
    String file = "Created: 20260101T000000\nKey: (a (b\n #0102\n 03#))\n";

    assertThat(key(file)).isEqualTo("(a (b#010203#))");
  }

  @Test
  void aQuotedStringFoldedAtItsOwnSpaceKeepsThatSpace() {
    // GnuPG breaks long lines at a space and starts the next line with " " + that space
    String file = "Key: (p ((sha1 \"T_$+?\u00d3\n  3\u00e1\" \"1\")))\n";

    assertThat(key(file)).isEqualTo("(p ((sha1 \"T_$+?\u00d3 3\u00e1\" \"1\")))");
    assertThat(
            SexpReader.parse(key(file).getBytes(StandardCharsets.ISO_8859_1))
                .find("sha1")
                .orElseThrow()
                .atom(1)
                .bytes())
        .isEqualTo("T_$+?\u00d3 3\u00e1".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aBlankContinuationLineStandsForANewline() {
    assertThat(key("Key: (a\n\n   b)\n")).isEqualTo("(a\nb)");
  }

  @Test
  void entriesAfterTheKeyAndCrlfLineEndsAreIgnored() {
    String file = "Key: (a\r\n b)\r\nLabel: my key\r\n  folded label\r\n# comment\r\n";

    assertThat(key(file)).isEqualTo("(ab)");
  }

  @Test
  void theNameIsCaseInsensitive() {
    assertThat(key("KEY: (a)")).isEqualTo("(a)");
  }

  @Test
  void theOldFormatIsTheExpressionItself() {
    String file = "(21:protected-private-key(3:rsa(1:n1:\n)))";

    assertThat(key(file)).isEqualTo(file);
  }

  @Test
  void aFileWithoutAKeyEntryIsRefused() {
    assertThatThrownBy(() -> key("Created: 20260101T000000\nLabel: x\n"))
        .isInstanceOf(SexpException.class)
        .hasMessage("no Key: entry");
  }
}
