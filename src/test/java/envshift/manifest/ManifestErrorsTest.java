package envshift.manifest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each way envshift.yml can be wrong, with the exact message and line. */
class ManifestErrorsTest {
  private static final String HEAD = "version: 1\nenvironments:\n";

  @TempDir Path repo;

  @BeforeEach
  void sources() throws IOException {
    Files.createDirectories(repo.resolve("configs/dir"));
    Files.writeString(repo.resolve("configs/a.py"), "x");
    Files.writeString(repo.resolve("configs/b.py"), "x");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("invalid YAML", HEAD + "  dev:\n    sources: [configs/a.py\n  prod: {}\n",
            "envshift.yml:5: invalid YAML: expected ',' or ']', but got :"),
        Arguments.of("bad indentation", "version: 1\n  environments: {}\n",
            "envshift.yml:2: invalid YAML: mapping values are not allowed here"),
        Arguments.of("unknown key in an environment", """
            version: 1
            environments:
              development:
                sources: [configs/a.py]
              staging:
                heroku: {app: payroll-staging}
                sorces: [configs/x.py.gpg]
            """,
            "envshift.yml:7: unknown key 'sorces' in environments.staging "
                + "(expected: sources, dotenv, heroku, live)"),
        Arguments.of("unknown top-level key", "version: 1\nenviroments: {}\n",
            "envshift.yml:2: unknown key 'enviroments' at the top level (expected: version, "
                + "recipients, environments, rename, drop, secrets, same, env_specific)"),
        Arguments.of("unknown key under heroku",
            HEAD + "  dev:\n    sources: [configs/a.py]\n    heroku: {ap: x}\n",
            "envshift.yml:5: unknown key 'ap' in environments.dev.heroku "
                + "(expected: app, pipeline, stage)"),
        Arguments.of("sources as a string", HEAD + "  dev:\n    sources: configs/a.py\n",
            "envshift.yml:4: environments.dev.sources: expected a list, found a string"),
        Arguments.of("a source mapping with an unknown key",
            HEAD + "  dev:\n    sources:\n      - {a: b}\n",
            "envshift.yml:5: unknown key 'a' in environments.dev.sources[0] "
                + "(expected: file, dialect, as)"),
        Arguments.of("a source mapping without file",
            HEAD + "  dev:\n    sources:\n      - {dialect: compose}\n",
            "envshift.yml:5: environments.dev.sources[0]: missing file (expected {file: PATH, "
                + "dialect: compose | python} or {file: PATH, as: NAME})"),
        Arguments.of("an unknown dialect",
            HEAD + "  dev:\n    sources:\n      - file: configs/a.py\n        dialect: ruby\n",
            "envshift.yml:6: environments.dev.sources[0].dialect: 'ruby' is not a dotenv dialect "
                + "(expected compose or python)"),
        Arguments.of("dialect and as together",
            HEAD + "  dev:\n    sources: [{file: configs/a.py, dialect: python, as: A}]\n",
            "envshift.yml:4: environments.dev.sources[0]: has both dialect and as (as takes the "
                + "whole file as one variable, so no dialect reads it)"),
        Arguments.of("as that is not a variable name",
            HEAD + "  dev:\n    sources: [{file: configs/a.py, as: GOOGLE-JSON}]\n",
            "envshift.yml:4: environments.dev.sources[0].as: 'GOOGLE-JSON' is not a valid "
                + "environment variable name (expected [A-Za-z_][A-Za-z0-9_]*)"),
        Arguments.of("heroku as a string",
            HEAD + "  dev:\n    sources: [configs/a.py]\n    heroku: payroll\n",
            "envshift.yml:5: environments.dev.heroku: expected a mapping (app: NAME, or pipeline: "
                + "NAME and stage: STAGE), found a string"),
        Arguments.of("environments as a list", "version: 1\nenvironments: [dev]\n",
            "envshift.yml:2: environments: expected a mapping, found a list"),
        Arguments.of("version as a string", "version: '1'\nenvironments: {}\n",
            "envshift.yml:1: version: expected a number, found a string"),
        Arguments.of("drop as a mapping", HEAD + "  dev: {sources: [configs/a.py]}\ndrop: {A: 1}\n",
            "envshift.yml:4: drop: expected a list, found a mapping"),
        Arguments.of("rename to a list", HEAD + "  dev: {sources: [configs/a.py]}\n"
                + "rename:\n  SECRET_KEY: [A]\n",
            "envshift.yml:5: rename.SECRET_KEY: expected a string, found a list"),
        Arguments.of("recipients holding a boolean", "version: 1\nrecipients: [yes]\n",
            "envshift.yml:2: recipients[0]: expected a string, found a boolean"),
        Arguments.of("the whole file is a list", "- version: 1\n",
            "envshift.yml:1: the manifest: expected a mapping, found a list"),
        Arguments.of("empty file", "",
            "envshift.yml:1: the manifest is empty (expected version: 1 and environments:)"),
        Arguments.of("version 2", "version: 2\nenvironments: {}\n",
            "envshift.yml:1: version: unsupported version 2 (this envshift reads version 1)"),
        Arguments.of("no version", "environments:\n  dev: {sources: [configs/a.py]}\n",
            "envshift.yml:1: version: missing (expected: version: 1)"),
        Arguments.of("no environments", "version: 1\nrecipients: [a@b.org]\n",
            "envshift.yml:1: environments: missing (at least one environment is needed)"),
        Arguments.of("empty environments", "version: 1\nenvironments: {}\n",
            "envshift.yml:2: environments: empty (at least one environment is needed)"),
        Arguments.of("environment without sources", HEAD + "  dev:\n    dotenv: .env\n",
            "envshift.yml:3: environments.dev: no sources (add sources: [path, ...])"),
        Arguments.of("environment with nothing under it", HEAD + "  dev:\n",
            "envshift.yml:3: environments.dev: no sources (add sources: [path, ...])"),
        Arguments.of("environment with an empty source list", HEAD + "  dev:\n    sources: []\n",
            "envshift.yml:4: environments.dev: no sources (add sources: [path, ...])"),
        Arguments.of("bad environment name", HEAD + "  'my env':\n    sources: [configs/a.py]\n",
            "envshift.yml:3: environments.my env: environment names are letters, digits, '.', "
                + "'_' and '-', starting with a letter or digit"),
        Arguments.of("heroku with app and pipeline", HEAD + "  staging:\n"
                + "    sources: [configs/a.py]\n"
                + "    heroku:\n      app: payroll-staging\n      pipeline: payroll\n",
            "envshift.yml:6: environments.staging.heroku: has both app and pipeline (use one)"),
        Arguments.of("pipeline without stage", HEAD + "  staging:\n    sources: [configs/a.py]\n"
                + "    heroku: {pipeline: payroll}\n",
            "envshift.yml:5: environments.staging.heroku: pipeline payroll needs a stage (one of: "
                + "test, review, development, staging, production)"),
        Arguments.of("stage without pipeline", HEAD + "  staging:\n    sources: [configs/a.py]\n"
                + "    heroku: {stage: staging}\n",
            "envshift.yml:5: environments.staging.heroku: stage needs a pipeline"),
        Arguments.of("empty heroku mapping", HEAD + "  staging:\n    sources: [configs/a.py]\n"
                + "    heroku: {}\n",
            "envshift.yml:5: environments.staging.heroku: needs app, or pipeline and stage"),
        Arguments.of("unknown stage", HEAD + "  staging:\n    sources: [configs/a.py]\n"
                + "    heroku:\n      pipeline: payroll\n      stage: prod\n",
            "envshift.yml:7: environments.staging.heroku.stage: 'prod' is not a pipeline stage "
                + "(expected one of: test, review, development, staging, production)"),
        Arguments.of("app with a stage", HEAD + "  staging:\n    sources: [configs/a.py]\n"
                + "    heroku: {app: payroll-staging, stage: staging}\n",
            "envshift.yml:5: environments.staging.heroku.stage: only goes with pipeline, not app"),
        Arguments.of("app name Heroku would refuse", HEAD + "  staging:\n"
                + "    sources: [configs/a.py]\n    heroku: {app: Payroll_Staging}\n",
            "envshift.yml:5: environments.staging.heroku.app: 'Payroll_Staging' is not a Heroku "
                + "app name (3 to 30 lowercase letters, digits and dashes, starting with a "
                + "letter)"),
        Arguments.of("missing source file", """
            version: 1
            environments:
              staging:
                heroku: {app: payroll-staging}
                sources: [configs/x.py.gpg]
            """,
            "envshift.yml:5: source configs/x.py.gpg does not exist"),
        Arguments.of("source is a directory", HEAD + "  dev:\n    sources: [configs/dir]\n",
            "envshift.yml:4: source configs/dir is not a file"),
        Arguments.of("source escaping with ..", HEAD + "  dev:\n    sources:\n"
                + "      - configs/a.py\n      - configs/../../etc/passwd\n",
            "envshift.yml:6: source configs/../../etc/passwd escapes the repository "
                + "('..' is not allowed)"),
        Arguments.of("absolute source", HEAD + "  dev:\n    sources: [/etc/passwd]\n",
            "envshift.yml:4: source /etc/passwd is absolute: give a path relative to the "
                + "repository root"),
        Arguments.of("source listed twice", HEAD + "  dev:\n    sources: [configs/a.py, "
                + "configs/b.py, configs/a.py]\n",
            "envshift.yml:4: environments.dev: source configs/a.py is listed twice"),
        Arguments.of("dotenv escaping", HEAD + "  dev:\n    sources: [configs/a.py]\n"
                + "    dotenv: ../.env\n",
            "envshift.yml:5: dotenv ../.env escapes the repository ('..' is not allowed)"),
        Arguments.of("two environments on one app", HEAD
                + "  a:\n    sources: [configs/a.py]\n    heroku: {app: payroll}\n"
                + "  b:\n    sources: [configs/b.py]\n    heroku: {app: payroll}\n",
            "envshift.yml:6: environments.b: app payroll is already the target of environment a"),
        Arguments.of("two environments on one .env", HEAD
                + "  a:\n    sources: [configs/a.py]\n    dotenv: .env\n"
                + "  b:\n    sources: [configs/b.py]\n    dotenv: .env\n",
            "envshift.yml:6: environments.b: dotenv .env is already the target of environment a"),
        Arguments.of("duplicate environment", HEAD + "  dev:\n    sources: [configs/a.py]\n"
                + "  dev:\n    sources: [configs/b.py]\n",
            "envshift.yml:5: duplicate key 'dev' (first at line 3)"),
        Arguments.of("duplicate top-level key", "version: 1\nversion: 1\n",
            "envshift.yml:2: duplicate key 'version' (first at line 1)"),
        Arguments.of("rename to an invalid name", HEAD + "  dev: {sources: [configs/a.py]}\n"
                + "rename:\n  SECRET_KEY: django-secret-key\n",
            "envshift.yml:5: rename.SECRET_KEY: target 'django-secret-key' is not a valid "
                + "environment variable name (expected [A-Za-z_][A-Za-z0-9_]*)"),
        Arguments.of("rename to a HEROKU_ name", HEAD + "  dev: {sources: [configs/a.py]}\n"
                + "rename: {APP: HEROKU_APP}\n",
            "envshift.yml:4: rename.APP: target 'HEROKU_APP' starts with HEROKU_, a prefix Heroku "
                + "reserves for itself"),
        Arguments.of("two renames to one name", HEAD + "  dev: {sources: [configs/a.py]}\n"
                + "rename:\n  DEBUG: DJANGO_DEBUG\n  DJ_DEBUG: DJANGO_DEBUG\n",
            "envshift.yml:6: rename.DJ_DEBUG: DJANGO_DEBUG is also the target of rename.DEBUG "
                + "(line 5)"),
        Arguments.of("renamed and dropped", HEAD + "  dev: {sources: [configs/a.py]}\n"
                + "rename: {DEBUG: DJANGO_DEBUG}\ndrop:\n  - DEBUG\n",
            "envshift.yml:6: drop: DEBUG is also renamed in rename (keep one)"),
        Arguments.of("same with an invalid name", HEAD + "  dev: {sources: [configs/a.py]}\n"
                + "same: [SENTRY-DSN]\n",
            "envshift.yml:4: same: 'SENTRY-DSN' is not a valid environment variable name "
                + "(expected [A-Za-z_][A-Za-z0-9_]*)"),
        Arguments.of("empty drop entry", HEAD + "  dev: {sources: [configs/a.py]}\n"
                + "drop: ['']\n",
            "envshift.yml:4: drop: empty entry"),
        Arguments.of("YAML alias", "version: &v 1\nenvironments:\n  dev:\n"
                + "    sources: [configs/a.py]\nsame: [*v]\n",
            "envshift.yml:5: YAML aliases (*name) are not supported: write the value out"),
        Arguments.of("two documents", "version: 1\n---\nversion: 1\n",
            "envshift.yml:3: more than one YAML document (remove the second '---')"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void badManifestFailsWithItsLine(String claim, String yaml, String message) {
    assertThatThrownBy(() -> ManifestLoader.parse(yaml, "envshift.yml", repo))
        .isInstanceOf(ManifestException.class)
        .hasMessage(message)
        .extracting(e -> ((ManifestException) e).exitCode()).isEqualTo(1);
  }
}
