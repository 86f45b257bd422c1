package envshift.pgp;

import envshift.pgp.Sexp.Atom;
import envshift.pgp.Sexp.Group;
import envshift.pgp.Sexp.SexpException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads one S-expression in libgcrypt's syntax, canonical or advanced: verbatim {@code 3:abc},
 * tokens, quoted strings with C escapes, {@code #hex#} and {@code |base64|}. GnuPG writes a value
 * in whichever of these its bytes allow: a random S2K salt or OCB nonce that happens to be
 * printable comes out as a quoted string (with {@code \"}, {@code \n}, {@code \x..} escapes) or
 * even a token, which Bouncy Castle's SExpression does not turn back into bytes. Display hints are
 * refused.
 */
final class SexpReader {
  private static final int MAX_DEPTH = 16;
  private static final String TOKEN_SPECIALS = "-./_:*+=";

  private final byte[] in;
  private int pos;

  private SexpReader(byte[] in) {
    this.in = in;
  }

  /** Parses exactly one list; only whitespace may follow it. */
  static Group parse(byte[] text) {
    SexpReader reader = new SexpReader(text);
    Group group = reader.first();
    reader.skipSpace();
    if (reader.pos != text.length) {
      throw new SexpException("data after the S-expression at offset " + reader.pos);
    }
    return group;
  }

  /** Parses the list at the start of {@code text}, ignoring what follows (cipher padding). */
  static Group parseLeading(byte[] text) {
    return new SexpReader(text).first();
  }

  private Group first() {
    skipSpace();
    if (peek() != '(') {
      throw new SexpException("an S-expression must start with '('");
    }
    pos++;
    return group(1);
  }

  /** The rest of a list whose '(' has been read. */
  private Group group(int depth) {
    if (depth > MAX_DEPTH) {
      throw new SexpException("S-expression nested too deeply");
    }
    List<Sexp> items = new ArrayList<>();
    while (true) {
      skipSpace();
      int c = next();
      if (c == ')') {
        return new Group(items);
      } else if (c == '(') {
        items.add(group(depth + 1));
      } else {
        items.add(atom(c));
      }
    }
  }

  private Atom atom(int c) {
    if (isDigit(c)) {
      return lengthPrefixed(c);
    } else if (c == '"') {
      return new Atom(quoted());
    } else if (c == '#') {
      return new Atom(HexFormat.of().parseHex(until('#', true)));
    } else if (c == '|') {
      return new Atom(Base64.getDecoder().decode(until('|', true)));
    } else if (c == '[') {
      throw new SexpException("display hints are not supported (offset " + (pos - 1) + ")");
    } else if (isTokenStart(c)) {
      int start = pos - 1;
      while (pos < in.length && isTokenPart(in[pos] & 0xff)) {
        pos++;
      }
      return new Atom(Arrays.copyOfRange(in, start, pos));
    }
    throw new SexpException("unexpected character at offset " + (pos - 1));
  }

  /** {@code 12:<12 bytes>}, or a length before a quoted, hex or base64 value (then checked). */
  private Atom lengthPrefixed(int first) {
    int length = first - '0';
    int c;
    while (isDigit(c = next())) {
      length = Math.addExact(Math.multiplyExact(length, 10), c - '0');
    }
    if (c == ':') {
      if (length > in.length - pos) {
        throw new SexpException("verbatim value runs past the end of the data");
      }
      pos += length;
      return new Atom(Arrays.copyOfRange(in, pos - length, pos));
    }
    Atom atom = atom(c);
    if (atom.bytes().length != length) {
      throw new SexpException("value length does not match its prefix at offset " + pos);
    }
    return atom;
  }

  /** A quoted string's bytes, escapes resolved; raw bytes (UTF-8 or not) are kept as they are. */
  private byte[] quoted() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int c = next(); c != '"'; c = next()) {
      if (c == '\\') {
        escape(out);
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  private void escape(ByteArrayOutputStream out) {
    int c = next();
    switch (c) {
      case 'b' -> out.write('\b');
      case 't' -> out.write('\t');
      case 'v' -> out.write(0x0b);
      case 'n' -> out.write('\n');
      case 'f' -> out.write('\f');
      case 'r' -> out.write('\r');
      case '"', '\'', '\\' -> out.write(c);
      case 'x' -> out.write(Integer.parseInt(chars(2), 16));
      case '\n', '\r' -> skipLineBreakRest(c); // a backslash before a line break joins lines
      default -> {
        if (c < '0' || c > '7') {
          throw new SexpException("bad escape in a quoted string at offset " + (pos - 1));
        }
        pos--;
        out.write(Integer.parseInt(chars(3), 8));
      }
    }
  }

  private void skipLineBreakRest(int first) {
    int other = first == '\n' ? '\r' : '\n';
    if (pos < in.length && in[pos] == other) {
      pos++;
    }
  }

  private String chars(int count) {
    if (count > in.length - pos) {
      throw new SexpException("escape runs past the end of the data");
    }
    String text = new String(in, pos, count, StandardCharsets.US_ASCII);
    pos += count;
    return text;
  }

  /** The text up to {@code end}, whitespace dropped when asked (hex and base64 may be wrapped). */
  private String until(char end, boolean dropSpace) {
    StringBuilder text = new StringBuilder();
    for (int c = next(); c != end; c = next()) {
      if (!(dropSpace && isSpace(c))) {
        text.append((char) c);
      }
    }
    return text.toString();
  }

  private void skipSpace() {
    while (pos < in.length && isSpace(in[pos] & 0xff)) {
      pos++;
    }
  }

  private int peek() {
    return pos < in.length ? in[pos] & 0xff : -1;
  }

  private int next() {
    if (pos >= in.length) {
      throw new SexpException("S-expression ends too early");
    }
    return in[pos++] & 0xff;
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isTokenStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || TOKEN_SPECIALS.indexOf(c) >= 0;
  }

  private static boolean isTokenPart(int c) {
    return isTokenStart(c) || isDigit(c);
  }
}
