package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** os.path's pure functions on known text give what python3's posixpath printed for them. */
class PythonOsPathTest {
  @Test
  void joinDirnameBasenameSplitAndSplitextAreComputed() {
    assertThat(Golden.values("""
        import os
        ROOT = '/srv/app'
        J1 = os.path.join(ROOT, 'static')
        J2 = os.path.join('/srv/app/', 'static/')
        J3 = os.path.join('a', '/abs', 'b')
        J4 = os.path.join('', 'x')
        J5 = os.path.join('a')
        J6 = os.path.join('a', '', 'b')
        D1 = os.path.dirname('/srv/app/settings.py')
        D2 = os.path.dirname('///')
        D3 = os.path.dirname('a//b//')
        D4 = os.path.dirname('x')
        B1 = os.path.basename('/srv/app/')
        B2 = os.path.basename('a/b.py')
        S1 = os.path.split('/a/b')
        S2 = os.path.split('//x')
        E1 = os.path.splitext('a/b.tar.gz')
        E2 = os.path.splitext('.bashrc')
        E3 = os.path.splitext('a/..b')
        E4 = os.path.splitext('a.b/c')
        """)).containsExactly(
        Map.entry("ROOT", "'/srv/app'"),
        Map.entry("J1", "'/srv/app/static'"),
        Map.entry("J2", "'/srv/app/static/'"),
        Map.entry("J3", "'/abs/b'"),
        Map.entry("J4", "'x'"),
        Map.entry("J5", "'a'"),
        Map.entry("J6", "'a/b'"),
        Map.entry("D1", "'/srv/app'"),
        Map.entry("D2", "'///'"),
        Map.entry("D3", "'a//b'"),
        Map.entry("D4", "''"),
        Map.entry("B1", "''"),
        Map.entry("B2", "'b.py'"),
        Map.entry("S1", "('/a', 'b')"),
        Map.entry("S2", "('//', 'x')"),
        Map.entry("E1", "('a/b.tar', '.gz')"),
        Map.entry("E2", "('.bashrc', '')"),
        Map.entry("E3", "('a/..b', '')"),
        Map.entry("E4", "('a.b/c', '')"));
  }

  @Test
  void whatDependsOnTheMachineStaysUnresolved() {
    SettingsModule m = PythonSettingsParser.parse("""
        import os
        BASE_DIR = os.path.dirname(os.path.abspath(__file__))
        STATIC_ROOT = os.path.join(BASE_DIR, 'static')
        HOME = os.path.expanduser('~')
        BYTES = os.path.join(b'a', b'b')
        """, "configs/settings.py");
    assertThat(m.settings()).isEmpty();
    assertThat(m.warnings()).map(ParseWarning::message).contains(
        "BASE_DIR: skipped (calls os.path.abspath())",
        "HOME: skipped (calls os.path.expanduser())");
  }
}
