package envshift.settings;

import envshift.EnvshiftException;
import envshift.Origin;

/**
 * A settings file that cannot be read: bad syntax, a malformed dotenv line, a top level that is not
 * a mapping, bytes that are not UTF-8, or a value the dotenv writer cannot express. The message
 * names the file and line (or the variable) and what is wrong, never the text found there: settings
 * files hold secrets, and a syntax error may sit in the middle of one.
 */
public final class SettingsException extends EnvshiftException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }

  public SettingsException(String message, Throwable cause) {
    super(message, cause);
  }

  static SettingsException at(String file, int line, String what) {
    return new SettingsException(new Origin(file, Math.max(line, 0)) + ": " + what);
  }

  static SettingsException at(String file, int line, String what, Throwable cause) {
    return new SettingsException(new Origin(file, Math.max(line, 0)) + ": " + what, cause);
  }
}
