package envshift.heroku;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ~/.netrc reader, as ftp(1) and the netrc-parser the Heroku CLI uses define it:
 * whitespace-separated tokens over any number of lines; {@code machine NAME} or {@code default}
 * starts an entry, followed by {@code login}, {@code password}, {@code account} pairs;
 * {@code macdef NAME} is followed by a macro body that runs to the next blank line and is skipped;
 * {@code #} starts a comment (netrc-parser extension). The first matching {@code machine} wins;
 * {@code default} applies only when no machine matches.
 */
final class Netrc {
  private Netrc() {}

  /** The password (the API token) for {@code host}, if the file names one. */
  static Optional<String> password(String text, String host) {
    Optional<String> fallback = Optional.empty();
    List<String> tokens = tokens(text);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean isDefault = token.equals("default");
      if (!isDefault && !(token.equals("machine") && i + 1 < tokens.size())) {
        continue;
      }
      boolean matches = !isDefault && tokens.get(i + 1).equalsIgnoreCase(host);
      int j = isDefault ? i + 1 : i + 2;
      Optional<String> password = Optional.empty();
      for (; j + 1 < tokens.size() && !starts(tokens.get(j)); j += 2) {
        if (tokens.get(j).equals("password")) {
          password = Optional.of(tokens.get(j + 1));
        }
      }
      if (matches && password.isPresent()) {
        return password;
      }
      if (isDefault && fallback.isEmpty()) {
        fallback = password;
      }
      i = j - 1;
    }
    return fallback;
  }

  private static boolean starts(String token) {
    return token.equals("machine") || token.equals("default") || token.equals("macdef");
  }

  /** Tokens of the file, with comments and macro bodies removed. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    boolean inMacro = false;
    for (String line : text.split("\r?\n", -1)) {
      if (inMacro) {
        inMacro = !line.isBlank();
        continue;
      }
      String[] words = line.strip().split("\\s+");
      for (int w = 0; w < words.length; w++) {
        if (words[w].isEmpty() || words[w].startsWith("#")) {
          break;
        }
        if (words[w].equals("macdef")) {
          inMacro = true; // the macro name ends the line; its body follows until a blank line
          break;
        }
        tokens.add(words[w]);
      }
    }
    return tokens;
  }
}
