package envshift.settings;

/** Which module-level names are settings: Django and Flask take those that are upper case. */
final class PyNames {
  private PyNames() {}

  /**
   * Python's {@code str.isupper()}: at least one cased character and no lower- or title-case one,
   * so {@code SECRET_KEY} and {@code _X1} are settings while {@code base_dir} and {@code Foo} are
   * not.
   */
  static boolean isSetting(String name) {
    boolean cased = false;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      cased |= Character.isUpperCase(cp);
      i += Character.charCount(cp);
    }
    return cased;
  }
}
