package envshift.plan;

import envshift.Secret;
import java.util.List;

/**
 * How a value appears in text output: its mask, or with reveal its plaintext with control
 * characters made visible (a revealed value must not drive the terminal), split into lines.
 */
final class Shown {
  private Shown() {}

  /** The lines of the value as shown; one element unless the value spans lines. */
  static List<String> lines(Secret value, boolean reveal) {
    if (!reveal || value.isEmpty()) {
      // An empty value revealed would be invisible; its mask says <empty> and hides nothing.
      return List.of(value.mask());
    }
    return List.of(visible(value.reveal()).split("\n", -1));
  }

  static boolean multiLine(Secret value, boolean reveal) {
    return reveal && value.reveal().indexOf('\n') >= 0;
  }

  private static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        out.append("\\r");
      } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
