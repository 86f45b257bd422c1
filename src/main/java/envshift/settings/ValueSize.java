package envshift.settings;

import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * envshift's bound on the size of one computed value, and how a value is measured against it. A
 * value is measured as roughly the characters it takes written out whole (a list as its items
 * and separators), so a value shared many times, as YAML aliases and Python names allow
 * ({@code A = [A, A]}), counts every time it appears: that is what rendering it would cost. The
 * walk stops as soon as the bound is passed, so measuring costs at most the bound.
 */
public final class ValueSize {
  /** The longest value, in characters, envshift computes: far above Heroku's 32 kB per app. */
  public static final long LIMIT = 10_000_000;

  /**
   * The most characters the settings of one file may write out to together: as much as the
   * largest file envshift reads, so only values shared many times ever reach it.
   */
  public static final long FILE_LIMIT = envshift.SecureFiles.MAX_READ_BYTES;

  private ValueSize() {}

  /**
   * Refuses a module whose settings together pass {@link #FILE_LIMIT}, naming the setting at
   * which they do: a value shared by a thousand settings would be written out a thousand times
   * (to the dev .env, to the PATCH body).
   */
  static SettingsModule withinFileLimit(SettingsModule module) {
    long total = 0;
    for (Setting s : module.settings()) {
      long left = FILE_LIMIT - total;
      long size = measure(s.value(), left);
      if (size > left) {
        throw SettingsException.at(module.file(), s.origin().line(), s.name() + ": the settings "
            + "of this file, up to this one, write out to more than " + FILE_LIMIT
            + " characters together (envshift's bound, see docs/security.md)");
      }
      total += size;
    }
    return module;
  }

  /** Whether the value, written out, would pass {@link #LIMIT}. */
  public static boolean exceedsLimit(SettingValue value) {
    return measure(value, LIMIT) > LIMIT;
  }

  /** The error of a dotenv value that {@code ${...}} references built past {@link #LIMIT}. */
  static SettingsException builtByReferences(String file, int line, String key) {
    return SettingsException.at(file, line, key + ": a value built by ${...} references is "
        + "longer than " + LIMIT + " characters (envshift's bound, see docs/security.md)");
  }

  /** The value's written-out size, or, when that is over {@code cap}, some number over it. */
  static long measure(SettingValue value, long cap) {
    long limit = cap;
    long total = 0;
    Deque<SettingValue> pending = new ArrayDeque<>();
    pending.push(value);
    while (!pending.isEmpty()) {
      SettingValue v = pending.pop();
      total += 2; // separators, brackets, quotes: and every value counts, so the walk is bounded
      if (v instanceof Str s) {
        total += s.value().length();
      } else if (v instanceof Int i) {
        total += i.value().bitLength() / 3;
      } else if (v instanceof Float) {
        total += 24;
      } else if (v instanceof ListValue l) {
        if (total + 2L * l.items().size() > limit) {
          return limit + 1; // each item adds at least 2: no need to hold them all
        }
        l.items().forEach(pending::push);
      } else if (v instanceof DictValue d) {
        if (total + 2L * d.entries().size() > limit) {
          return limit + 1;
        }
        for (Map.Entry<String, SettingValue> e : d.entries().entrySet()) {
          total += e.getKey().length();
          pending.push(e.getValue());
        }
      } else {
        total += 4;
      }
      if (total > limit) {
        return total;
      }
    }
    return total;
  }
}
