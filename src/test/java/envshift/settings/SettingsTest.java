package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void detectsAmbiguousNamesByContent() {
    assertThat(Settings.detect("configs/deployment.cfg", "APP=x\nexport DOMAIN=y\n"))
        .isEqualTo(SettingsFormat.DOTENV);
    assertThat(Settings.detect("setup.cfg", "[metadata]\nname = x\n"))
        .isEqualTo(SettingsFormat.INI);
    assertThat(Settings.detect("configs/app.conf", "server {\n  listen 80;\n}\n"))
        .isEqualTo(SettingsFormat.NOT_SETTINGS);
    assertThat(Settings.detect("configs/jobs", "MAILTO=x\n*/5 * * * * run.sh\n@daily backup\n"))
        .isEqualTo(SettingsFormat.NOT_SETTINGS);
    assertThat(Settings.detect("configs/programs", "[program:web]\ncommand=x\n"))
        .isEqualTo(SettingsFormat.NOT_SETTINGS);
    assertThat(Settings.detect("configs/deploy", "#!/bin/bash\nrm -rf /tmp/x\n"))
        .isEqualTo(SettingsFormat.NOT_SETTINGS);
    // issue 11 finding 1: in a .py file a #! line is a comment, not a reason to read nothing
    assertThat(Settings.detect("configs/manage.py", "#!/usr/bin/env python\nimport os\n"))
        .isEqualTo(SettingsFormat.PYTHON);
    assertThat(Settings.parse("#!/usr/bin/env python\nSECRET_KEY = 'k'\n",
        "configs/settings_deployment.py").settings()).hasSize(1);
    assertThat(Settings.detect("configs/staging-config.conf", "#!/bin/sh\nexport A=1\n"))
        .isEqualTo(SettingsFormat.DOTENV);
    assertThat(Settings.detect("configs/notes", "just some text"))
        .isEqualTo(SettingsFormat.UNKNOWN);
  }

  @Test
  void parseDispatchesOnTheDetectedFormat() {
    assertThat(Settings.parse("SECRET_KEY = 'x'\n", "configs/app_config.py.gpg").format())
        .isEqualTo(SettingsFormat.PYTHON);
    assertThat(Settings.parse("A=1\n", "configs/.env.staging").settings())
        .extracting(Setting::name).containsExactly("A");
    assertThat(Settings.parse("{\"a\": 1}", "key.json").format()).isEqualTo(SettingsFormat.JSON);
    assertThat(Settings.parse("a: 1", "x.yml").format()).isEqualTo(SettingsFormat.YAML);
    assertThat(Settings.parse("[s]\na=1", "x.ini").format()).isEqualTo(SettingsFormat.INI);
  }

  @Test
  void infrastructureAndUnknownFilesAreNeverParsed() {
    SettingsModule nginx = Settings.parse("server { this is not ( valid python", "nginx.conf");
    SettingsModule unknown = Settings.parse("\u0000 binary ( junk", "blob.bin");

    assertThat(nginx.format()).isEqualTo(SettingsFormat.NOT_SETTINGS);
    assertThat(nginx.settings()).isEmpty();
    assertThat(nginx.warnings()).extracting(ParseWarning::toString)
        .containsExactly("nginx.conf: yields no variable (read as infrastructure, not settings)");
    assertThat(unknown.format()).isEqualTo(SettingsFormat.UNKNOWN);
    assertThat(unknown.settings()).isEmpty();
    assertThat(unknown.warnings()).extracting(ParseWarning::toString)
        .containsExactly("blob.bin: yields no variable (read as an unrecognised file; to read it "
            + "as dotenv, name it in envshift.yml as {file: ..., dialect: compose})");
  }

  @Test
  void aSettingsFileWithNoSettingIsAWarningNamingTheKindItWasReadAs() {
    assertThat(Settings.parse("# only comments\n", "configs/.env").warnings())
        .extracting(ParseWarning::toString)
        .containsExactly("configs/.env: yields no variable (read as dotenv)");
    assertThat(Settings.parse("{}", "key.json").warnings()).extracting(ParseWarning::toString)
        .containsExactly("key.json: yields no variable (read as JSON)");
  }

  @Test
  void aNamedDialectReadsAnyNameAsDotenv() {
    SettingsModule m = Settings.parse("A=1\n", "notes.md", Optional.of(DotenvFlavor.PYTHON));

    assertThat(m.format()).isEqualTo(SettingsFormat.DOTENV);
    assertThat(m.settings()).extracting(Setting::name).containsExactly("A");
  }

  @Test
  void aWholeFileIsOneVariableHoldingTheTextExactly() {
    String pem = "\uFEFF-----BEGIN PRIVATE KEY-----\r\nabc\n-----END PRIVATE KEY-----\n";

    SettingsModule m = Settings.wholeFile(pem, "configs/key.pem.gpg", "PRIVATE_KEY");

    assertThat(m.format()).isEqualTo(SettingsFormat.WHOLE_FILE);
    assertThat(m.settings()).containsExactly(new Setting("PRIVATE_KEY",
        new SettingValue.Str(pem), envshift.Origin.of("configs/key.pem.gpg")));
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void decodeIsStrictUtf8AndDropsAByteOrderMark() {
    byte[] withBom = "\uFEFFSECRET = 'é'\n".getBytes(StandardCharsets.UTF_8);

    assertThat(Settings.decode(withBom, "a.py")).isEqualTo("SECRET = 'é'\n");
  }

  @Test
  void decodeRefusesLatin1NamingTheLine() {
    byte[] latin1 = "DEBUG = False\nPASSWORD = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> Settings.decode(latin1, "configs/local_settings.py"))
        .isInstanceOf(SettingsException.class)
        .hasMessage("configs/local_settings.py:2: not UTF-8 text");
  }

  @Test
  void decodeRefusesATruncatedSequenceAtTheEnd() {
    byte[] truncated = {'A', '=', (byte) 0xE2, (byte) 0x82};

    assertThatThrownBy(() -> Settings.decode(truncated, ".env"))
        .hasMessage(".env:1: not UTF-8 text");
  }
}
