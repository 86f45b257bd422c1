package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecryptedFileTest {
  @Test
  void closingWipesThePlaintext() {
    byte[] plaintext = "SECRET_KEY = 'hunter2'\n".getBytes(StandardCharsets.UTF_8);
    try (DecryptedFile file = new DecryptedFile(
        plaintext, List.of(), Optional.empty(), true, "SEIPDv1 AES-256", List.of(), "")) {
      assertThat(file.plaintext()).startsWith('S');
    }

    assertThat(plaintext).containsOnly(0);
  }
}
