package io.ottl4j.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor: headless Neovim's built-in LSP client opens the seed config with a misspelt function and
 * reports the diagnostic, a completion and a hover (src/test/resources/nvim/check.lua). Skipped, saying so,
 * when {@code nvim} is not installed (.ci/run installs it).
 */
class NeovimTest {
    @TempDir
    Path dir;

    private static String nvim() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path c = Path.of(p, "nvim");
            if (Files.isExecutable(c)) {
                return c.toString();
            }
        }
        return null;
    }

    @Test
    void neovimShowsDiagnosticCompletionAndHover() throws Exception {
        String nvim = nvim();
        Assumptions.assumeTrue(nvim != null, "nvim is not installed: skipping the Neovim test (apt-get install neovim)");
        String seed = ServerProcess.resource("/fixtures/mastodon-collector.yaml");
        // line 103 of the seed: "                Concat([attributes[..." inside a plain multi-line scalar
        String[] lines = seed.split("\n", -1);
        assertThat(lines[102].substring(16, 22)).isEqualTo("Concat");
        lines[102] = lines[102].substring(0, 16) + "Concatt" + lines[102].substring(22);
        Path config = dir.resolve("mastodon-collector.yaml");
        Files.writeString(config, String.join("\n", lines));
        Path script = dir.resolve("check.lua");
        Files.writeString(script, ServerProcess.resource("/nvim/check.lua"));
        Path out = dir.resolve("out.txt");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> server = List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"), LspMain.class.getName());
        StringBuilder json = new StringBuilder("[");
        for (String s : server) {
            json.append(json.length() > 1 ? "," : "").append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        json.append(']');
        ProcessBuilder pb = new ProcessBuilder(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + script)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("nvim.log").toFile());
        pb.environment().put("OTTL_LSP_CMD", json.toString());
        pb.environment().put("OTTL_LSP_FILE", config.toString());
        pb.environment().put("OTTL_LSP_OUT", out.toString());
        pb.environment().put("OTTL_LSP_LINE", "102");
        pb.environment().put("OTTL_LSP_COL", "16");
        pb.environment().put("XDG_STATE_HOME", dir.toString());
        pb.environment().put("XDG_DATA_HOME", dir.toString());
        pb.environment().put("XDG_CACHE_HOME", dir.toString());
        Process p = pb.start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String report = Files.exists(out) ? Files.readString(out) : "(no output)";
        String log = Files.readString(dir.resolve("nvim.log"));
        assertThat(done).as("nvim finished; report:\n%s\nlog:\n%s", report, log).isTrue();
        assertThat(report).as("log:\n%s", log).doesNotContain("FAIL").contains("OK diagnostic OTTL-E104 102:16", "OK completion offers Concat",
                "OK hover");
        assertThat(p.exitValue()).as(report).isZero();
    }
}
