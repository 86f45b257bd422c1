package envshift.pgp;

import envshift.pgp.Sexp.SexpException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of a {@code private-keys-v1.d/*.key} file: GnuPG's extended format ({@code Name: value}
 * lines, the key in the {@code Key:} entry) or, from GnuPG before 2.1.12, a bare canonical
 * S-expression. The {@code Key:} value is unfolded exactly as GnuPG's name-value reader does: each
 * line loses one leading and all trailing whitespace and the lines are joined, so a quoted string
 * folded at one of its own spaces keeps that space; a blank line stands for a newline.
 */
final class ExtendedKeyFormat {
  private static final String KEY = "key:";

  private ExtendedKeyFormat() {}

  /** The key S-expression's text, ready for {@link SexpReader#parse}. */
  static byte[] keyExpression(byte[] file) {
    int start = 0;
    while (start < file.length && isSpace(file[start])) {
      start++;
    }
    if (start < file.length && file[start] == '(') {
      return file; // the old format: the file is the S-expression
    }
    // ISO-8859-1 maps bytes to chars one to one, so raw bytes in quoted strings survive
    String text = new String(file, StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    boolean inKey = false;
    boolean found = false;
    boolean swallow = false;
    String[] lines = text.split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length; // no line after the last \n
    for (String line : Arrays.copyOf(lines, count)) {
      boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
      if (inKey && (continuation || line.isBlank())) {
        swallow = unfold(line, swallow, value);
      } else if (found) {
        inKey = false;
      } else if (line.regionMatches(true, 0, KEY, 0, KEY.length())) {
        inKey = true;
        found = true;
        swallow = unfold(line.substring(KEY.length()), false, value);
      }
    }
    if (!found) {
      throw new SexpException("no Key: entry");
    }
    return value.toByteArray();
  }

  /**
   * Appends one folded line as GnuPG's {@code continuation_length} does; returns its swallow flag.
   */
  private static boolean unfold(String line, boolean swallow, ByteArrayOutputStream out) {
    int begin = 0;
    if (swallow) {
      while (begin < line.length() && isSpace((byte) line.charAt(begin))) {
        begin++;
      }
    } else if (begin < line.length() && isSpace((byte) line.charAt(begin))) {
      begin++; // exactly one: a second space is part of the value
    }
    int end = line.length();
    while (end > begin && isSpace((byte) line.charAt(end - 1))) {
      end--;
    }
    if (end == begin) {
      out.write('\n');
      return true;
    }
    out.writeBytes(line.substring(begin, end).getBytes(StandardCharsets.ISO_8859_1));
    return false;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0b;
  }
}
