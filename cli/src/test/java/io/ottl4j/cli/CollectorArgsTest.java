package io.ottl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The collector's plain command lines are parsed without picocli; each one must give exactly what picocli gives, and
 * every other line must be left to picocli.
 */
class CollectorArgsTest {
    private static CollectorCommand viaPicocli(String[] args) {
        CommandLine cl = new CommandLine(new Main.CollectorOnly());
        CommandLine.ParseResult r = cl.parseArgs(args);
        return (CollectorCommand) r.subcommand().commandSpec().userObject();
    }

    private static String[] split(String line) {
        return line.isEmpty() ? new String[0] : line.split(" ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "collector",
        "collector --config a.yaml",
        "collector --config=a.yaml --config b.yaml --set processors.batch.timeout=1s",
        "collector --set=a.b=c --shutdown-timeout 30s --exit-when-ready",
        "collector --feature-gates ottl.functions.enableLambda,-service.profilesSupport --config env:CFG",
        "collector --feature-gates=+a,b --feature-gates c",
        "collector --config yaml:processors::batch::timeout:=1s",
    })
    void plainLinesParseAsPicocliParsesThem(String line) {
        String[] args = split(line);
        CollectorCommand fast = CollectorArgs.parse(args);
        CollectorCommand picocli = viaPicocli(args);
        assertThat(fast).as("taken without picocli").isNotNull();
        assertThat(fast.configs).isEqualTo(picocli.configs);
        assertThat(fast.sets).isEqualTo(picocli.sets);
        assertThat(fast.shutdownTimeout).isEqualTo(picocli.shutdownTimeout);
        assertThat(fast.exitWhenReady).isEqualTo(picocli.exitWhenReady);
        assertThat(fast.gates.gates()).isEqualTo(picocli.gates.gates());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "collector --help", "collector -h", "collector -V", "collector --version", "collector --config", "collector --confg a.yaml",
        "collector --config -x", "collector extra", "validate --config a.yaml", "", "collector --set",
    })
    void everythingElseIsLeftToPicocli(String line) {
        assertThat(CollectorArgs.parse(split(line))).isNull();
    }

    @org.junit.jupiter.api.Test
    void anInvalidConfigFailsTheSameWayOnTheFastPath() {
        // the fast path runs the same command: a missing file is reported with exit status 1
        assertThat(Main.run("collector", "--config", "does-not-exist.yaml")).isEqualTo(1);
        assertThat(List.of(CollectorArgs.parse(new String[] {"collector", "--config", "x"}).configs)).hasSize(1);
    }
}
