package envshift.scan;

import envshift.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds known values in arbitrary bytes while holding none of them: each value is kept as an
 * HMAC-SHA256 under a key drawn for this run only, plus a keyed rolling hash of its first {@link
 * #WINDOW} bytes. A scan rolls that hash over every window of the content; only where it hits is
 * the HMAC of the candidate substring computed and compared. The key never leaves this object, so
 * neither hash can be tested against guesses after the run.
 */
final class ValueIndex {
  /** The shortest value searched for, in bytes and in characters: shorter ones match by chance. */
  static final int WINDOW = 8;

  private static final int FILTER_BITS = 1 << 22;

  /** One value: its UTF-8 length, its HMAC, and the ids of the variables that hold it. */
  private record Entry(int length, byte[] mac, List<Integer> ids) {}

  private final byte[] key = new byte[32];
  private final long base;
  private final long baseToWindow;
  private final BitSet filter = new BitSet(FILTER_BITS);
  private final Map<Long, List<Entry>> byPrefix = new HashMap<>();
  private final Mac mac;

  ValueIndex() {
    SecureRandom random = new SecureRandom();
    random.nextBytes(key);
    this.base = random.nextLong() | 1L; // odd: multiplication mod 2^64 stays a bijection
    long pow = 1;
    for (int i = 0; i < WINDOW; i++) pow *= base;
    this.baseToWindow = pow;
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Whether a value is long enough to be searched for. */
  static boolean searchable(Secret value) {
    return value.length() >= WINDOW;
  }

  /** Indexes {@code value} as held by variable {@code id}; values too short are ignored. */
  void add(int id, Secret value) {
    if (!searchable(value)) return;
    byte[] bytes = value.reveal().getBytes(StandardCharsets.UTF_8);
    long prefix = rolling(bytes);
    byte[] digest = mac(bytes, 0, bytes.length);
    List<Entry> entries = byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>());
    for (Entry e : entries) {
      if (e.length() == bytes.length && MessageDigest.isEqual(e.mac(), digest)) {
        e.ids().add(id);
        return;
      }
    }
    List<Integer> ids = new ArrayList<>();
    ids.add(id);
    entries.add(new Entry(bytes.length, digest, ids));
    filter.set(slot(prefix));
  }

  boolean isEmpty() {
    return byPrefix.isEmpty();
  }

  /** Whether {@code value} is the value variable {@code id} was indexed with. */
  boolean holds(int id, Secret value) {
    if (!searchable(value)) return false;
    byte[] bytes = value.reveal().getBytes(StandardCharsets.UTF_8);
    List<Entry> entries = byPrefix.getOrDefault(rolling(bytes), List.of());
    byte[] digest = mac(bytes, 0, bytes.length);
    return entries.stream().anyMatch(e -> e.length() == bytes.length && e.ids().contains(id)
        && MessageDigest.isEqual(e.mac(), digest));
  }

  /** The ids of the variables whose values occur in {@code content}. */
  Set<Integer> find(byte[] content) {
    Set<Integer> found = new LinkedHashSet<>();
    if (content.length < WINDOW || byPrefix.isEmpty()) return found;
    long h = 0;
    for (int i = 0; i < WINDOW; i++) h = h * base + (content[i] & 0xff);
    for (int start = 0; ; start++) {
      if (filter.get(slot(h))) check(content, start, h, found);
      int next = start + WINDOW;
      if (next >= content.length) break;
      h = h * base + (content[next] & 0xff) - baseToWindow * (content[start] & 0xff);
    }
    return found;
  }

  private void check(byte[] content, int start, long prefix, Set<Integer> found) {
    for (Entry e : byPrefix.getOrDefault(prefix, List.of())) {
      if (start + e.length() <= content.length
          && MessageDigest.isEqual(e.mac(), mac(content, start, e.length()))) {
        found.addAll(e.ids());
      }
    }
  }

  private long rolling(byte[] bytes) {
    long h = 0;
    for (int i = 0; i < WINDOW; i++) h = h * base + (bytes[i] & 0xff);
    return h;
  }

  /** The high bits: the low bits of a product with an odd base mix poorly. */
  private static int slot(long hash) {
    return (int) ((hash * 0x9E3779B97F4A7C15L) >>> 42);
  }

  private byte[] mac(byte[] bytes, int offset, int length) {
    mac.update(bytes, offset, length);
    return mac.doFinal();
  }
}
