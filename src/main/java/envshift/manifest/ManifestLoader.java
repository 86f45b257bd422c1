package envshift.manifest;

import envshift.settings.SettingsException;
import envshift.settings.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads {@code envshift.yml} at a repo root in three steps: YAML to a tree that keeps lines, the
 * tree to the raw {@link ManifestFile} (shape), then validation into a {@link Manifest} (meaning).
 */
public final class ManifestLoader {
  public static final String FILE_NAME = "envshift.yml";

  private ManifestLoader() {}

  /** The manifest at {@code repoRoot/envshift.yml}; source paths are checked against the repo. */
  /** The largest envshift.yml read: real ones are a few kilobytes. */
  public static final long MAX_BYTES = 1 << 20;

  public static Manifest load(Path repoRoot) {
    Path path = repoRoot.resolve(FILE_NAME);
    String text;
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        // a manifest is a few kilobytes; the YAML parser is slow on huge inputs (a 16 MB
        // comment took minutes), so refuse before parsing
        throw new ManifestException(FILE_NAME + ": " + size + " bytes, over envshift's limit of "
            + MAX_BYTES + " bytes (1 MiB) for a manifest");
      }
      text = Utf8Text.decode(Files.readAllBytes(path), FILE_NAME);
    } catch (NoSuchFileException e) {
      throw new ManifestException(
          FILE_NAME + ": not found in " + repoRoot + " (run `envshift init` to create it)", e);
    } catch (SettingsException e) {
      throw new ManifestException(e.getMessage(), e); // envshift.yml:LINE: not UTF-8 text
    } catch (IOException e) {
      throw new ManifestException(
          FILE_NAME + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
    return parse(text, FILE_NAME, repoRoot);
  }

  /** Parses manifest text: {@code fileName} prefixes errors, {@code repoRoot} anchors paths. */
  public static Manifest parse(String yaml, String fileName, Path repoRoot) {
    String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    ManifestFile raw = new ManifestReader(fileName).read(YamlTree.parse(text, fileName));
    return Manifest.validate(raw, fileName, repoRoot);
  }
}
