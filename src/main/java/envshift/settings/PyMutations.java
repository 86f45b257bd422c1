package envshift.settings;

import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.ListValue;
import java.util.ArrayList;
import java.util.List;

/** The in-place list and dict methods a settings file commonly calls, applied to copies. */
final class PyMutations {
  private PyMutations() {}

  /** {@code X.insert(i, v)}: Python clamps the index to the list, as a slice would. */
  static SettingValue insert(SettingValue receiver, SettingValue index, SettingValue item) {
    if (!(receiver instanceof ListValue l) || l.tuple() || !PyOps.isInteger(index)) {
      throw new PyUnresolved("is changed by a call to .insert()");
    }
    List<SettingValue> items = new ArrayList<>(l.items());
    java.math.BigInteger size = java.math.BigInteger.valueOf(items.size());
    java.math.BigInteger i = PyOps.integer(index);
    if (i.signum() < 0) {
      i = i.add(size).max(java.math.BigInteger.ZERO);
    }
    items.add(i.min(size).intValue(), item);
    return new ListValue(items, false);
  }

  static SettingValue apply(SettingValue receiver, String method, SettingValue arg) {
    if (receiver instanceof ListValue l && !l.tuple()
        && (method.equals("append") || method.equals("extend"))) {
      List<SettingValue> items = new ArrayList<>(l.items());
      if (method.equals("append")) {
        items.add(arg);
      } else {
        items.addAll(PyOps.iterate(arg));
      }
      return new ListValue(items, false);
    }
    if (receiver instanceof DictValue d && method.equals("update")) {
      PyDicts.Builder entries = PyDicts.builder(d);
      if (arg instanceof DictValue other) {
        entries.putAll(other);
      } else {
        for (SettingValue pair : PyOps.iterate(arg)) {
          List<SettingValue> kv = PyOps.iterate(pair);
          if (kv.size() != 2) {
            throw new PyUnresolved("is changed by .update() with items that are not pairs");
          }
          entries.put(kv.get(0), kv.get(1));
        }
      }
      return entries.build();
    }
    throw new PyUnresolved("is changed by a call to ." + method + "()");
  }
}
