package envshift.pgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.UnsupportedPacketVersionException;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * Reads a decrypted stream to its end into memory: through compression (capped, against zip bombs)
 * to the one literal packet, noting signer key ids on the way. Nothing read here may be used until
 * the caller has checked the integrity of the whole stream.
 */
final class PlaintextReader {
  /** Decompressed or literal data beyond this is refused; settings files are tiny. */
  static final long LIMIT = 64L << 20;

  private static final int MAX_COMPRESSION_DEPTH = 2;

  /** Uncompressed, ZIP, ZLIB, BZip2: RFC 9580 §9.4, all that Bouncy Castle reads. */
  private static final Set<Integer> COMPRESSION =
      Set.of(
          CompressionAlgorithmTags.UNCOMPRESSED,
          CompressionAlgorithmTags.ZIP,
          CompressionAlgorithmTags.ZLIB,
          CompressionAlgorithmTags.BZIP2);

  /** The literal packet's content and name, and the key ids of any signatures. */
  record Plaintext(byte[] data, String fileName, List<KeyId> signers) {}

  /** Thrown when the data exceeds {@link #LIMIT}. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("plaintext exceeds " + (LIMIT >> 20) + " MiB");
    }
  }

  /** A structure this reader does not support; {@code what} names it, never data. */
  static final class Unsupported extends PGPException {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what);
    }
  }

  private PlaintextReader() {}

  /** What was unsupported, when {@code e} says so: an algorithm, a packet type or version. */
  static Optional<String> unsupported(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Unsupported) {
        return Optional.of(t.getMessage());
      } else if (t instanceof UnsupportedPacketVersionException unsupported) {
        return Optional.of(EncryptedMessage.unsupportedWhat(unsupported));
      }
    }
    return Optional.empty();
  }

  static Plaintext read(InputStream decrypted) throws IOException, PGPException {
    BcPGPObjectFactory factory = new BcPGPObjectFactory(decrypted);
    List<KeyId> signers = new ArrayList<>();
    byte[] data = null;
    String fileName = "";
    int compressionDepth = 0;
    for (Object object = factory.nextObject(); object != null; object = factory.nextObject()) {
      if (object instanceof PGPCompressedData compressed) {
        if (++compressionDepth > MAX_COMPRESSION_DEPTH) {
          throw new PGPException("compressed data nested too deeply");
        } else if (!COMPRESSION.contains(compressed.getAlgorithm())) {
          throw new Unsupported("compression algorithm " + compressed.getAlgorithm());
        }
        factory = new BcPGPObjectFactory(compressed.getDataStream(LIMIT));
      } else if (object instanceof PGPLiteralData literal) {
        if (data != null) {
          throw new PGPException("more than one literal data packet");
        }
        data = readCapped(literal.getDataStream());
        int format = literal.getFormat();
        if (format == PGPLiteralData.TEXT || format == PGPLiteralData.UTF8) {
          data = withoutCarriageReturns(data);
        }
        fileName = literal.getFileName();
      } else if (object instanceof PGPOnePassSignatureList list) {
        list.forEach((PGPOnePassSignature ops) -> addSigner(signers, ops.getKeyID()));
      } else if (object instanceof PGPSignatureList list) {
        list.forEach((PGPSignature signature) -> addSigner(signers, signature.getKeyID()));
      } else if (!(object instanceof PGPMarker) && !(object instanceof PGPPadding)) {
        throw new PGPException("unexpected " + object.getClass().getSimpleName() + " in message");
      }
    }
    if (data == null) {
      throw new PGPException("no literal data in message");
    }
    drain(decrypted); // the MDC is computed over everything, so read to the very end
    return new Plaintext(data, fileName, signers);
  }

  /**
   * What {@code gpg -d} writes for canonical text ({@code gpg --textmode}, format 't' or 'u'): the
   * data with every CR dropped, a lone one too, not only those of CRLF pairs (GnuPG's
   * plaintext.c); trailing whitespace and a missing final newline are kept.
   */
  static byte[] withoutCarriageReturns(byte[] text) {
    byte[] out = new byte[text.length];
    int length = 0;
    for (byte b : text) {
      if (b != '\r') {
        out[length++] = b;
      }
    }
    byte[] result = Arrays.copyOf(out, length);
    Arrays.fill(out, (byte) 0);
    Arrays.fill(text, (byte) 0);
    return result;
  }

  private static void addSigner(List<KeyId> signers, long keyId) {
    KeyId id = new KeyId(keyId);
    if (!signers.contains(id)) {
      signers.add(id);
    }
  }

  private static byte[] readCapped(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copyCapped(in, out);
    return out.toByteArray();
  }

  private static void drain(InputStream in) throws IOException {
    copyCapped(in, OutputStream.nullOutputStream());
  }

  /** Copies all of {@code in}, refusing more than {@link #LIMIT} bytes (a zip bomb). */
  private static void copyCapped(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > LIMIT) {
        throw new TooLarge();
      }
      out.write(buffer, 0, n);
    }
  }
}
