package envshift.settings;

import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;

/**
 * What evaluating one Python file may cost, counted deterministically: every value the evaluator
 * computes or reads costs 1 plus its size (characters of a str, items of a list or dict). A real
 * settings file spends thousands; a hostile one that loops over a large range and touches a large
 * string each time ({@code [x for x in range(10**7) if S.upper()]}) would spend trillions, and is
 * refused at the statement that passes the bound (docs/security.md).
 */
final class PyWork {
  static final long LIMIT = 500_000_000L;
  private long spent;

  void spend(SettingValue value) {
    long size = value instanceof Str s ? s.value().length()
        : value instanceof ListValue l ? l.items().size()
        : value instanceof DictValue d ? d.entries().size() : 0;
    spent += 1 + size;
    if (spent > LIMIT) {
      throw new PyTooLarge("takes more work to compute than envshift's bound (see "
          + "docs/security.md)");
    }
  }
}
