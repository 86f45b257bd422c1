package envshift.pgp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An S-expression as libgcrypt sees it: every atom is a byte string, however it was written (token,
 * quoted string, hex, base64 or verbatim), so a value reads the same whichever encoding GnuPG chose
 * for its bytes. Read with {@link SexpReader}.
 */
sealed interface Sexp permits Sexp.Atom, Sexp.Group {

  /** The canonical encoding ({@code (3:rsa(1:n3:...))}), which GnuPG hashes and authenticates. */
  void canonical(ByteArrayOutputStream out);

  default byte[] canonical() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    canonical(out);
    return out.toByteArray();
  }

  /** A byte string. */
  record Atom(byte[] bytes) implements Sexp {
    public Atom {
      Objects.requireNonNull(bytes, "bytes == null");
    }

    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void canonical(ByteArrayOutputStream out) {
      out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      out.write(':');
      out.writeBytes(bytes);
    }

    /** Never shows the bytes: an atom may be secret key material. */
    @Override
    public String toString() {
      return "Atom[<" + bytes.length + " bytes>]";
    }
  }

  /** A parenthesised list; its label is its first element when that is an atom. */
  record Group(List<Sexp> items) implements Sexp {
    public Group {
      items = List.copyOf(items);
    }

    Optional<String> label() {
      return !items.isEmpty() && items.get(0) instanceof Atom atom
          ? Optional.of(atom.text())
          : Optional.empty();
    }

    /** The atom at {@code index}; a {@link SexpException} when there is none. */
    Atom atom(int index) {
      if (index < items.size() && items.get(index) instanceof Atom atom) {
        return atom;
      }
      throw new SexpException("expected a value at position " + index + " of " + describe());
    }

    /** The list at {@code index}; a {@link SexpException} when there is none. */
    Group group(int index) {
      if (index < items.size() && items.get(index) instanceof Group group) {
        return group;
      }
      throw new SexpException("expected a list at position " + index + " of " + describe());
    }

    /** The first list, at any depth (depth first), labelled {@code label}. */
    Optional<Group> find(String label) {
      for (Sexp item : items) {
        if (item instanceof Group group) {
          if (group.label().filter(label::equals).isPresent()) {
            return Optional.of(group);
          }
          Optional<Group> nested = group.find(label);
          if (nested.isPresent()) {
            return nested;
          }
        }
      }
      return Optional.empty();
    }

    /** This list without its direct sub-lists labelled {@code label}. */
    Group without(String label) {
      List<Sexp> kept = new ArrayList<>();
      for (Sexp item : items) {
        if (!(item instanceof Group group && group.label().filter(label::equals).isPresent())) {
          kept.add(item);
        }
      }
      return new Group(kept);
    }

    @Override
    public void canonical(ByteArrayOutputStream out) {
      out.write('(');
      items.forEach(item -> item.canonical(out));
      out.write(')');
    }

    private String describe() {
      return label().map(l -> "(" + l + " ...)").orElse("a list");
    }
  }

  /** Malformed or unexpected S-expression; the message never holds atom bytes. */
  final class SexpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SexpException(String message) {
      super(message);
    }
  }
}
