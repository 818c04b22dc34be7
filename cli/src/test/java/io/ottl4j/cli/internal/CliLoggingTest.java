package io.ottl4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** {@code ottl test} / {@code ottl eval} print a runtime warning as one clean line. */
class CliLoggingTest {
    @Test
    void aWarningIsOneLineWithoutDateOrClassName() {
        LogRecord r = new LogRecord(Level.WARNING, "failed to execute {0}: {1}, {2}");
        r.setParameters(new Object[] {"statement", "set(x, 1)", "bad\nthing"});
        r.setLoggerName("io.ottl4j.language");
        r.setSourceClassName("io.ottl4j.language.internal.nodes.ErrorPolicy");
        String line = new CliLogging.OneLine().format(r);
        assertThat(line).isEqualTo("warning: failed to execute statement: set(x, 1), bad thing" + System.lineSeparator());
    }

    @Test
    void errorsNameTheirCause() {
        LogRecord r = new LogRecord(Level.SEVERE, "cannot start");
        r.setThrown(new IllegalStateException("port in use"));
        assertThat(new CliLogging.OneLine().format(r)).isEqualTo("error: cannot start: port in use" + System.lineSeparator());
    }
}
