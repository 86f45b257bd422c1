package envshift.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Edits a blackbox config directory after a re-encryption: the admins list and the repo keyring
 * ({@code pubring.gpg} only; a keybox is left to gpg). Files are replaced atomically.
 */
public final class BlackboxUpdate {
  private BlackboxUpdate() {}

  /**
   * Removes {@code remove} and appends the missing {@code add} entries (compared
   * case-insensitively) to blackbox-admins.txt, keeping comments and order; returns true when the
   * file changed.
   */
  public static boolean updateAdmins(BlackboxLayout layout, List<String> add, List<String> remove) {
    Path file = layout.configDir().resolve("blackbox-admins.txt");
    List<String> lines = new ArrayList<>();
    try {
      if (Files.exists(file)) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new RepoException("cannot read " + file, e);
    }
    List<String> removeKeys = remove.stream().map(BlackboxUpdate::key).toList();
    List<String> kept =
        new ArrayList<>(lines.stream().filter(l -> !removeKeys.contains(key(l))).toList());
    for (String admin : add) {
      if (kept.stream().noneMatch(l -> key(l).equals(key(admin)))) {
        kept.add(admin);
      }
    }
    if (kept.equals(lines)) {
      return false;
    }
    StringBuilder text = new StringBuilder();
    kept.forEach(l -> text.append(l).append('\n'));
    replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    return true;
  }

  /** Appends binary certificates ({@code gpg --export} output) to the layout's pubring.gpg. */
  public static void appendToPubring(BlackboxLayout layout, List<byte[]> certificates) {
    Path ring = layout.pubring().orElse(layout.configDir().resolve("pubring.gpg"));
    if (!ring.getFileName().toString().equals("pubring.gpg")) {
      throw new RepoException(ring + ": envshift only appends to a pubring.gpg");
    }
    try {
      byte[] old = Files.exists(ring) ? Files.readAllBytes(ring) : new byte[0];
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.writeBytes(old);
      certificates.forEach(out::writeBytes);
      replace(ring, out.toByteArray());
    } catch (IOException e) {
      throw new RepoException("cannot read " + ring, e);
    }
  }

  private static String key(String line) {
    return line.strip().toLowerCase(Locale.ROOT);
  }

  private static void replace(Path file, byte[] content) {
    try {
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".envshift.", ".tmp");
      Files.write(tmp, content);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new RepoException("cannot write " + file, e);
    }
  }
}
