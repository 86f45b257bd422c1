package envshift.repo;

import envshift.pgp.OpenPgp;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every version of the encrypted files in a git repo's history (all refs), found by content like
 * {@link RepoScanner} does, and every blob of it for {@code scan}. Three git processes whatever
 * the repo's size: {@code rev-parse} (is this a checkout?), one {@code log --raw} listing each blob
 * a commit added and one {@code cat-file --batch} reading them ({@code scan} adds one {@code
 * ls-files}). git gets a fixed argument list, no user input and no shell; paths come back relative
 * to the repo root, so a root inside a larger checkout sees its own files only.
 */
public final class GitHistory {
  /** Larger blobs are not read: encrypted settings are small, and memory is not. */
  static final long MAX_BLOB = 16L << 20;

  /**
   * One version of a file: the content a commit gave it (the oldest such commit, by commit date).
   * {@code content} is the blob's bytes, an OpenPGP message (never decrypted here).
   */
  public record Version(String path, String commit, Instant date, byte[] content) {
    public Version {
      Objects.requireNonNull(path, "path == null");
      Objects.requireNonNull(commit, "commit == null");
      Objects.requireNonNull(date, "date == null");
      Objects.requireNonNull(content, "content == null");
    }
  }

  /**
   * A commit's blob at a path, from {@code git log --raw}; {@code age} is its place in git's
   * newest-first output, breaking ties between commits made in the same second.
   */
  record Change(String path, String commit, Instant date, String blob, int age) {
    boolean olderThan(Change other) {
      int byDate = date.compareTo(other.date);
      return byDate < 0 || (byDate == 0 && age > other.age);
    }
  }

  private final Path root;

  private GitHistory(Path root) {
    this.root = root;
  }

  /** The history of the checkout {@code root} is in; empty when it is none or git is missing. */
  public static Optional<GitHistory> open(Path root) {
    try {
      byte[] out = run(root, List.of("rev-parse", "--is-inside-work-tree"), Optional.empty());
      boolean inside = new String(out, StandardCharsets.UTF_8).strip().equals("true");
      return inside ? Optional.of(new GitHistory(root)) : Optional.empty();
    } catch (RepoException e) {
      return Optional.empty();
    }
  }

  /** Every version of every file that is an OpenPGP message, sorted by path, then date. */
  public List<Version> encryptedVersions() {
    List<Change> changes = changes();
    Set<String> blobs = new LinkedHashSet<>();
    changes.forEach(c -> blobs.add(c.blob()));
    Map<String, byte[]> encrypted = readEncrypted(blobs);
    return changes.stream()
        .filter(c -> encrypted.containsKey(c.blob()))
        .map(c -> new Version(c.path(), c.commit(), c.date(), encrypted.get(c.blob())))
        .toList();
  }

  /** Each (path, blob) once, at the oldest commit that has it; sorted by path, then date. */
  List<Change> changes() {
    byte[] log = log();
    Map<String, Change> oldest = new HashMap<>();
    for (Change c : parseLog(new String(log, StandardCharsets.UTF_8))) {
      oldest.merge(c.path() + "\0" + c.blob(), c, (a, b) -> b.olderThan(a) ? b : a);
    }
    return oldest.values().stream()
        .sorted(Comparator.comparing(Change::path).thenComparing(Change::date)
            .thenComparing(Change::age, Comparator.reverseOrder()))
        .toList();
  }

  /** The blobs each commit of every ref wrote: one {@code log --raw}, merges against each. */
  private byte[] log() {
    return run(root, List.of("log", "--all", "--no-show-signature", "-m", "--root",
        "--no-renames", "--relative", "--raw", "--no-abbrev", "-z", "--format=%x01%H %ct"),
        Optional.empty());
  }

  /**
   * {@code log -z --raw} output: per commit {@code \1SHA TIME\0}, then per file {@code :MODE MODE
   * SHA SHA STATUS\0PATH\0}. Deletions, symlinks and submodules carry no file content: skipped.
   */
  static List<Change> parseLog(String log) {
    List<Change> out = new ArrayList<>();
    String[] tokens = log.split("\0", -1);
    String commit = null;
    Instant date = Instant.EPOCH;
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i].startsWith("\n") ? tokens[i].substring(1) : tokens[i];
      if (token.startsWith("\u0001")) {
        String[] header = token.substring(1).split(" ");
        commit = header[0];
        date = Instant.ofEpochSecond(Long.parseLong(header[1].strip()));
      } else if (token.startsWith(":") && i + 1 < tokens.length && commit != null) {
        String[] f = token.substring(1).split(" ");
        String path = tokens[++i];
        if (f.length == 5 && f[1].startsWith("100") && !f[4].startsWith("D")) {
          out.add(new Change(path, commit, date, f[3], out.size()));
        }
      }
    }
    return out;
  }

  /** The blobs that are OpenPGP messages, read through one {@code cat-file --batch}. */
  private Map<String, byte[]> readEncrypted(Set<String> blobs) {
    Map<String, byte[]> out = new HashMap<>();
    readBlobs(blobs, (blob, content) -> {
      if (OpenPgp.looksLikeOpenPgp(content)) out.put(blob, content);
    });
    return out;
  }

  /** Hears each blob read, one at a time, so only one is held in memory. */
  public interface BlobVisitor {
    void visit(String blob, byte[] content);
  }

  /**
   * Streams the blobs through one {@code cat-file --batch}, in the order given; blobs larger than
   * {@link #MAX_BLOB} are skipped, and their number returned.
   */
  public int readBlobs(Collection<String> blobs, BlobVisitor visitor) {
    StringBuilder request = new StringBuilder();
    blobs.forEach(b -> request.append(b).append('\n'));
    int[] skipped = {0};
    run(root, List.of("cat-file", "--batch"),
        Optional.of(request.toString().getBytes(StandardCharsets.US_ASCII)),
        in -> skipped[0] = readBatch(in, visitor));
    return skipped[0];
  }

  private static int readBatch(InputStream raw, BlobVisitor visitor) throws IOException {
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    int skipped = 0;
    for (String header = line(in); header != null; header = line(in)) {
      String[] f = header.split(" ");
      if (f.length != 3) continue; // "SHA missing": nothing follows
      long size = Long.parseLong(f[2]);
      if (size > MAX_BLOB || !f[1].equals("blob")) {
        in.skipNBytes(size + 1);
        if (size > MAX_BLOB) skipped++;
        continue;
      }
      byte[] content = in.readNBytes((int) size);
      in.skipNBytes(1);
      visitor.visit(f[0], content);
    }
    return skipped;
  }

  /**
   * A blob a path held in history: the oldest and the newest commit (by commit date) that wrote
   * that blob at that path. A later commit that kept the file unchanged is not listed by git, so
   * {@code last} is the last commit that wrote it, not the last one that still had it.
   */
  public record BlobAtPath(
      String path, String blob, String first, Instant firstDate, String last, Instant lastDate) {
    public BlobAtPath {
      Objects.requireNonNull(path, "path == null");
      Objects.requireNonNull(blob, "blob == null");
      Objects.requireNonNull(first, "first == null");
      Objects.requireNonNull(firstDate, "firstDate == null");
      Objects.requireNonNull(last, "last == null");
      Objects.requireNonNull(lastDate, "lastDate == null");
    }
  }

  /** Each (path, blob) of all history once, with its first and last commit; sorted by path. */
  public List<BlobAtPath> blobsAtPaths() {
    Map<String, Change[]> span = new HashMap<>();
    for (Change c : parseLog(new String(log(), StandardCharsets.UTF_8))) {
      span.merge(c.path() + "\0" + c.blob(), new Change[] {c, c}, (a, b) -> new Change[] {
          b[0].olderThan(a[0]) ? b[0] : a[0], a[1].olderThan(b[1]) ? b[1] : a[1]});
    }
    return span.values().stream()
        .map(s -> new BlobAtPath(s[0].path(), s[0].blob(), s[0].commit(), s[0].date(),
            s[1].commit(), s[1].date()))
        .sorted(Comparator.comparing(BlobAtPath::path).thenComparing(BlobAtPath::blob))
        .toList();
  }

  /** A file the index tracks now: its path and blob (regular files only, no symlinks). */
  public record Tracked(String path, String blob) {
    public Tracked {
      Objects.requireNonNull(path, "path == null");
      Objects.requireNonNull(blob, "blob == null");
    }
  }

  /** The files tracked now, from {@code ls-files --stage}: as staged, relative to the root. */
  public List<Tracked> tracked() {
    String out = new String(run(root, List.of("ls-files", "--stage", "-z", "."), Optional.empty()),
        StandardCharsets.UTF_8);
    List<Tracked> files = new ArrayList<>();
    for (String entry : out.split("\0")) {
      int tab = entry.indexOf('\t');
      if (tab < 0) continue;
      String[] f = entry.substring(0, tab).split(" ");
      // stage 0 only (a conflict lists stages 1-3), regular files only
      if (f.length == 3 && f[0].startsWith("100") && f[2].equals("0")) {
        files.add(new Tracked(entry.substring(tab + 1), f[1]));
      }
    }
    return List.copyOf(files);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private static byte[] run(Path root, List<String> args, Optional<byte[]> stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    run(root, args, stdin, in -> in.transferTo(out));
    return out.toByteArray();
  }

  /** A consumer of git's stdout that may fail with an IOException. */
  private interface Reader {
    void read(InputStream in) throws IOException;
  }

  /** Runs {@code git --no-pager ARGS} in {@code root}; stdin is fed from a second thread. */
  private static void run(Path root, List<String> args, Optional<byte[]> stdin, Reader reader) {
    List<String> command = new ArrayList<>(List.of("git", "--no-pager"));
    command.addAll(args);
    String what = "git " + args.get(0);
    Process p = null;
    try {
      p = new ProcessBuilder(command).directory(root.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      OutputStream toGit = p.getOutputStream();
      Thread feeder = new Thread(() -> feed(toGit, stdin.orElse(new byte[0])), "git-stdin");
      feeder.start();
      try (InputStream in = p.getInputStream()) {
        reader.read(in);
      }
      feeder.join();
      int code = p.waitFor();
      if (code != 0) {
        throw new RepoException(what + " failed in " + root + " (exit " + code + ")");
      }
    } catch (IOException e) {
      throw new RepoException(what + ": cannot run git (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RepoException(what + ": interrupted", e);
    } finally {
      if (p != null && p.isAlive()) p.destroyForcibly(); // only after a failure
    }
  }

  private static void feed(OutputStream stdin, byte[] bytes) {
    try (stdin) {
      stdin.write(bytes);
    } catch (IOException e) {
      // git exited early; its exit code tells what went wrong
    }
  }
}
