package envshift.repo;

import java.util.regex.Pattern;

/** Turns a gitignore glob into a regex: '*', '?', '[...]', '**' and backslash escapes. */
final class Glob {
  private Glob() {}

  static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (glob.startsWith("**", i) && atSegmentStart(glob, i)) {
        i = doubleStar(glob, i, regex);
      } else if (c == '*') {
        regex.append("[^/]*");
        i++;
      } else if (c == '?') {
        regex.append("[^/]");
        i++;
      } else if (c == '[') {
        i = characterClass(glob, i, regex);
      } else if (c == '\\' && i + 1 < glob.length()) {
        regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
        i += 2;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static boolean atSegmentStart(String glob, int i) {
    int after = i + 2;
    boolean segmentEnds = after == glob.length() || glob.charAt(after) == '/';
    return (i == 0 || glob.charAt(i - 1) == '/') && segmentEnds;
  }

  /** "**&#47;" is zero or more directories; a final "/**" is everything inside. */
  private static int doubleStar(String glob, int i, StringBuilder regex) {
    if (i + 2 == glob.length()) {
      regex.append(".*");
      return i + 2;
    }
    regex.append("(?:.*/)?");
    return i + 3;
  }

  /** A bracket expression, '!' or '^' negating; an unclosed '[' is a literal. */
  private static int characterClass(String glob, int start, StringBuilder regex) {
    int i = start + 1;
    StringBuilder set = new StringBuilder("[");
    if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
      set.append('^');
      i++;
    }
    boolean first = true;
    while (i < glob.length() && (first || glob.charAt(i) != ']')) {
      char c = glob.charAt(i);
      if (c == '\\' && i + 1 < glob.length()) {
        c = glob.charAt(++i);
      }
      if (!Character.isLetterOrDigit(c) && c != '-') {
        set.append('\\'); // a backslash before a non-letter is always a literal in a class
      }
      set.append(c);
      first = false;
      i++;
    }
    if (i >= glob.length()) {
      regex.append(Pattern.quote("["));
      return start + 1;
    }
    regex.append("(?!/)").append(set).append(']');
    return i + 1;
  }
}
