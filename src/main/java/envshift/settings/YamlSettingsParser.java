package envshift.settings;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import envshift.SecureFiles;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML settings file with Jackson: the top level must be a mapping; each top-level key is a
 * setting. Scalars are typed the way Jackson's YAML 1.1 reading does (yes/no/on/off are booleans,
 * 0777 is octal), which matches PyYAML for the common cases; dates stay strings.
 */
public final class YamlSettingsParser {
  /** SnakeYAML stops at 3 MB by default; a source may be as large as any file envshift reads. */
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .loaderOptions(loaderOptions()).build();

  private YamlSettingsParser() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) SecureFiles.MAX_READ_BYTES);
    return options;
  }

  public static SettingsModule parse(String text, String fileName) {
    return JacksonSettings.parse(
        FACTORY, JsonSettingsParser.strip(text), fileName, SettingsFormat.YAML);
  }
}
