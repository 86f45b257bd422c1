package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.pgp.Sexp.Group;
import envshift.pgp.Sexp.SexpException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * libgcrypt's S-expression syntax: every way GnuPG may write a byte string reads as those bytes.
 */
class SexpReaderTest {
  private static Group parse(String text) {
    return SexpReader.parse(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void quotedStringEscapesAreResolvedToBytes() {
    Group g = parse("(salt \"a\\\"b\\\\c\\'d\\n\\t\\v\\b\\f\\r\\x41\\101 \")");

    assertThat(g.atom(1).bytes()).isEqualTo(bytes("a\"b\\c'd\n\t\u000b\b\f\rAA "));
  }

  @Test
  void rawHighBytesInAQuotedStringAreKeptAsTheyAre() {
    Group g = parse("(salt \"T_$+?\u00d3 3\u00e1\")");

    assertThat(g.atom(1).bytes()).isEqualTo(bytes("T_$+?\u00d3 3\u00e1"));
  }

  @Test
  void backslashBeforeALineBreakJoinsTheLines() {
    assertThat(parse("(s \"ab\\\ncd\")").atom(1).bytes()).isEqualTo(bytes("abcd"));
    assertThat(parse("(s \"ab\\\r\ncd\")").atom(1).bytes()).isEqualTo(bytes("abcd"));
  }

  @Test
  void tokenHexBase64AndVerbatimAllReadAsTheSameBytes() {
    Group g = parse("(v ab-c.d #61 62 2D\n 63 2E 64# |YWItYy5k| 6:ab-c.d 6\"ab-c.d\")");

    for (int i = 1; i <= 5; i++) {
      assertThat(g.atom(i).bytes()).as("item " + i).isEqualTo(bytes("ab-c.d"));
    }
  }

  @Test
  void verbatimValuesMayHoldParenthesesQuotesAndNewlines() {
    Group g = parse("(1:d5:()\"\n#)");

    assertThat(g.label()).contains("d");
    assertThat(g.atom(1).bytes()).isEqualTo(bytes("()\"\n#"));
  }

  @Test
  void canonicalFormIsLengthPrefixedWhateverTheInputEncoding() {
    Group g = parse("(rsa (n #00FF#) (protected-at \"20260101T000000\"))");

    assertThat(new String(g.canonical(), StandardCharsets.ISO_8859_1))
        .isEqualTo("(3:rsa(1:n2:\u0000\u00ff)(12:protected-at15:20260101T000000))");
  }

  @Test
  void findSearchesDepthFirstAndWithoutDropsOnlyDirectChildren() {
    Group g = parse("(rsa (n #01#) (protected x ((sha1 #02# \"3\") #04#)) (e #05#))");

    assertThat(g.find("sha1").orElseThrow().atom(1).bytes()).containsExactly(2);
    assertThat(g.without("protected").items()).hasSize(3);
    assertThat(g.without("protected").find("protected")).isEmpty();
  }

  @Test
  void lengthPrefixThatDisagreesWithTheValueIsRefused() {
    assertThatThrownBy(() -> parse("(s 4\"abc\")")).isInstanceOf(SexpException.class);
  }

  @Test
  void truncatedInputIsAnErrorNotAHang() {
    assertThatThrownBy(() -> parse("(a \"unterminated")).isInstanceOf(SexpException.class);
    assertThatThrownBy(() -> parse("(a 9:short)")).isInstanceOf(SexpException.class);
    assertThatThrownBy(() -> parse("(a (b)")).isInstanceOf(SexpException.class);
  }

  @Test
  void displayHintsAndTrailingDataAreRefused() {
    assertThatThrownBy(() -> parse("(a [text/plain]b)")).hasMessageContaining("display hints");
    assertThatThrownBy(() -> parse("(a) (b)")).hasMessageContaining("data after");
  }

  @Test
  void deepNestingIsRefused() {
    assertThatThrownBy(() -> parse("(".repeat(40) + ")".repeat(40)))
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void errorsAndToStringNeverShowAtomBytes() {
    assertThatThrownBy(() -> parse("(secret \"hunter2\" 4\"hunter2\")"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThat(parse("(d \"hunter2\")").toString()).doesNotContain("hunter2");
  }
}
