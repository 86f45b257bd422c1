package envshift.plan;

/** ANSI SGR colours, applied only when the caller asked for colour. */
final class Ansi {
  static final String BOLD = "1";
  static final String DIM = "2";
  static final String RED = "31";
  static final String GREEN = "32";
  static final String YELLOW = "33";
  static final String CYAN = "36";

  private Ansi() {}

  static String paint(String text, String code, boolean color) {
    return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
