package envshift.settings;

import envshift.Origin;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of a decrypted file. A bad byte is reported by its line ({@code file:4}),
 * so the user can find it in an editor, and never by quoting the text around it: that text is a
 * secret. The one strict decoder: sources, the dev .env, envshift.yml and {@code decrypt} use it.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * The text of {@code bytes}, a leading byte-order mark dropped (settings parsers must not see
   * it).
   *
   * @throws SettingsException {@code file:LINE: not UTF-8 text} at the first bad byte
   */
  public static String decode(byte[] bytes, String file) {
    String text = decodeExactly(bytes, file);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The text of {@code bytes}, every character kept, so it encodes back to the same bytes. */
  public static String decodeExactly(byte[] bytes, String file) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new SettingsException(
          new Origin(file, lineAt(bytes, in.position())) + ": not UTF-8 text");
    }
    return out.flip().toString();
  }

  /** The 1-based line holding byte {@code offset}. */
  static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
