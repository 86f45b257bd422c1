package envshift.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init drafts dialect: and as: from evidence in the repo; invented files only. */
class SourceEvidenceTest {
  @TempDir Path repo;

  private String draft() {
    return ManifestDraft.render(RepoScanner.scan(repo));
  }

  private void write(String path, String text) throws IOException {
    Files.createDirectories(repo.resolve(path).getParent());
    Files.writeString(repo.resolve(path), text);
  }

  @Test
  void aComposeEnvFileNamingTheSourceDraftsTheComposeDialect() throws IOException {
    write("configs/.env.staging", "A=1\n");
    write("docker-compose.yml", "services:\n  web:\n    env_file: configs/.env.staging\n");

    assertThat(draft()).contains("    sources:\n      - {file: configs/.env.staging, dialect: "
        + "compose}\n");
  }

  @Test
  void pythonDotenvInTheRequirementsDraftsThePythonDialect() throws IOException {
    write("configs/.env.staging", "A=1\n");
    write("requirements-prod.txt", "Django==4.2\npython-dotenv==1.0.1\n");

    assertThat(draft()).contains("      - {file: configs/.env.staging, dialect: python}\n");
  }

  @Test
  void withoutEvidenceTheSourcesStayAFlowList() throws IOException {
    write("configs/.env.staging", "A=1\n");

    assertThat(draft()).contains("    sources: [configs/.env.staging]\n");
  }

  @Test
  void aCredentialShapedJsonOrAPemIsReadAsOneWholeFileVariable() {
    String json = "{\"type\": \"service_account\", \"private_key\": \"TEST-ONLY\"}\n";
    RepoFile file = new RepoFile("configs/google-credentials.json", FileKind.SETTINGS,
        envshift.settings.SettingsFormat.JSON, false, false, java.util.Optional.of("staging"),
        true);
    RepoFile pem = new RepoFile("configs/deploy.pem", FileKind.UNKNOWN,
        envshift.settings.SettingsFormat.UNKNOWN, false, false, java.util.Optional.empty(), true);

    assertThat(SourceEvidence.readers(repo, java.util.List.of(file, pem), java.util.Map.of(
        file.path(), json.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .containsExactly(java.util.Map.entry(file.path(), "as: GOOGLE_CREDENTIALS_JSON"),
            java.util.Map.entry(pem.path(), "as: DEPLOY_PEM"));
  }

  @Test
  void anEncryptedCredentialFileIsToldByItsNameSinceItIsNeverDecryptedHere() {
    RepoFile json = new RepoFile("configs/google-credentials.json.gpg", FileKind.SETTINGS,
        envshift.settings.SettingsFormat.JSON, true, false, java.util.Optional.of("production"),
        true);
    RepoFile account = new RepoFile("keys/firebase-service-account.json.gpg", FileKind.SETTINGS,
        envshift.settings.SettingsFormat.JSON, true, false, java.util.Optional.empty(), true);
    RepoFile settings = new RepoFile("configs/settings.json.gpg", FileKind.SETTINGS,
        envshift.settings.SettingsFormat.JSON, true, false, java.util.Optional.empty(), true);

    assertThat(SourceEvidence.readers(repo, java.util.List.of(json, account, settings),
        java.util.Map.of()))
        .containsExactly(java.util.Map.entry(json.path(), "as: GOOGLE_CREDENTIALS_JSON"),
            java.util.Map.entry(account.path(), "as: FIREBASE_SERVICE_ACCOUNT_JSON"));
  }

  @Test
  void aVarNameComesFromTheFileNameWithoutTheEncryptionSuffix() {
    assertThat(SourceEvidence.varName("google-credentials.json.gpg"))
        .isEqualTo("GOOGLE_CREDENTIALS_JSON");
    assertThat(SourceEvidence.varName("1password.pem")).isEqualTo("FILE_1PASSWORD_PEM");
  }
}
