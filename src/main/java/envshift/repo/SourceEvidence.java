package envshift.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How {@code init} drafts a source's reader from evidence in the repo: a docker compose file
 * whose {@code env_file:} names a dotenv source means {@code dialect: compose}; python-dotenv or
 * django-environ among the requirements means {@code dialect: python} for the other dotenv
 * sources; a plaintext JSON with {@code private_key} or a PEM block is one whole-file variable.
 * Encrypted files are never decrypted here, so only their names can tell (a {@code .pem}, a
 * {@code google-credentials.json.gpg}).
 */
final class SourceEvidence {
  private static final List<String> COMPOSE_FILES = List.of("docker-compose.yml",
      "docker-compose.yaml", "compose.yml", "compose.yaml", "docker-compose.override.yml");
  private static final Pattern PYTHON_DOTENV =
      Pattern.compile("(?i)\\b(python-dotenv|django-environ)\\b");
  private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
  /**
   * Names that say "one credential file" when the content cannot be read (an encrypted file is
   * never decrypted here): a PEM or key file, a service-account or credentials JSON.
   */
  private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(\\.pem|\\.key"
      + "|(credential|service[-_]?account|keyfile)[^/]*\\.json)(\\.(gpg|asc|pgp))?");

  private SourceEvidence() {}

  static Map<String, String> readers(Path root, List<RepoFile> files, Map<String, byte[]> heads) {
    String compose = read(root, COMPOSE_FILES);
    boolean python = PYTHON_DOTENV.matcher(requirements(root)).find();
    Map<String, String> readers = new LinkedHashMap<>();
    for (RepoFile f : files) {
      if (f.kind() == FileKind.INFRA) continue;
      byte[] head = heads.get(f.path());
      String text = head == null || f.encrypted() ? "" : new String(head, StandardCharsets.UTF_8);
      String name = f.path().substring(f.path().lastIndexOf('/') + 1);
      boolean jsonKey = text.strip().startsWith("{") && text.contains("\"private_key\"");
      if (PEM.matcher(text).find() || jsonKey || CREDENTIAL_NAME.matcher(name).matches()) {
        readers.put(f.path(), "as: " + varName(name));
      } else if (f.format() == envshift.settings.SettingsFormat.DOTENV) {
        if (compose.contains(f.path()) || compose.contains("env_file: " + name)) {
          readers.put(f.path(), "dialect: compose");
        } else if (python) {
          readers.put(f.path(), "dialect: python");
        }
      }
    }
    return readers;
  }

  /** {@code google-credentials.json.gpg} → {@code GOOGLE_CREDENTIALS_JSON}. */
  static String varName(String fileName) {
    String plain = fileName.replaceAll("(?i)\\.(gpg|asc|pgp)$", "");
    String name = plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
        .replaceAll("^_+|_+$", "");
    return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "FILE_" + name : name;
  }

  private static String requirements(Path root) {
    StringBuilder all = new StringBuilder(read(root, List.of("Pipfile", "pyproject.toml")));
    try (DirectoryStream<Path> reqs = Files.newDirectoryStream(root, "requirements*.txt")) {
      for (Path p : reqs) all.append(read(root, List.of(p.getFileName().toString())));
    } catch (IOException e) {
      // no evidence is no dialect
    }
    return all.toString();
  }

  private static String read(Path root, List<String> names) {
    StringBuilder text = new StringBuilder();
    for (String name : names) {
      Path file = root.resolve(name);
      try {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) < 1 << 20) {
          text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // unreadable evidence is no evidence
      }
    }
    return text.toString();
  }
}
