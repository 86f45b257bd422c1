package envshift.plan;

import envshift.Secret;
import java.util.List;

/**
 * The one renderer of user data in text output: a value (its mask, or with reveal its plaintext
 * split into lines) and any name that came from a file or from Heroku. Control characters are
 * made visible ({@code \u001b}, {@code \r}, ...), so nothing printed can drive the terminal, move
 * the cursor or reorder the line. JSON output is exact and does not come here.
 */
public final class Shown {
  private Shown() {}

  /** The lines of the value as shown; one element unless the value spans lines. */
  public static List<String> lines(Secret value, boolean reveal) {
    if (!reveal || value.isEmpty()) {
      // An empty value revealed would be invisible; its mask says <empty> and hides nothing.
      return List.of(value.mask());
    }
    return List.of(value.reveal().split("\n", -1)).stream().map(Shown::line).toList();
  }

  public static boolean multiLine(Secret value, boolean reveal) {
    return reveal && value.reveal().indexOf('\n') >= 0;
  }

  /** Text for one line of output: every control character, line breaks too, made visible. */
  public static String visible(String text) {
    return line(text.replace("\n", "\\n"));
  }

  /** Tabs stay (they only move along the line); everything else that is not printed is escaped. */
  private static String line(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        out.append("\\r");
      } else if (isControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * C0 but tab, DEL, C1, the Unicode line and paragraph separators, and the bidirectional
   * overrides and isolates (which reorder what follows them on the line).
   */
  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t')
        || (c >= 0x7f && c < 0xa0)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
