package io.ottl4j.language.function.std;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.Ottl;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 9: ParseJSON never overflows the stack, at any depth up to its limit (upstream's 10,000). */
class DeepValuesTest {
    static final String DEEP = "[".repeat(6000) + "]".repeat(6000);

    @Test
    void parseJsonIsIterative() {
        Object v = ParseJson.parse(DEEP);
        int depth = 0;
        while (v instanceof AttributeList l && !l.isEmpty()) {
            v = l.get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(5999);
    }

    @Test
    void deeperThanTheLimitIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParseJson.parse("[".repeat(10_001) + "]".repeat(10_001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth");
    }

    static TelemetryBatch<?> deepLog() {
        return OtlpJson.read("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"" + DEEP + "\"}}]}]}]}");
    }

    static CompiledStatements parseStatement(ErrorMode mode) throws Exception {
        return Ottl.create().compileStatements(ContextKind.LOG,
                List.of("set(log.attributes[\"parsed\"], ParseJSON(log.body)) where IsMatch(log.body, \"^\\\\[\")"), mode);
    }

    /** Runs {@code task} on a thread with {@code stack} bytes of stack, rethrowing what it throws. */
    static void onStack(long stack, Runnable task) throws Throwable {
        Throwable[] failure = new Throwable[1];
        Thread t = Thread.ofPlatform().stackSize(stack).start(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    @Test
    void onAPipelineWorkersStackTheStatementSucceeds() throws Throwable {
        CompiledStatements s = parseStatement(ErrorMode.PROPAGATE);
        TelemetryBatch<?> logs = deepLog();
        onStack(64L << 20, () -> s.execute(logs)); // the collector's worker threads (WorkerThreads.STACK_BYTES)
        LogRecord l = logs.asLogs().resources().get(0).scopes().get(0).items().get(0);
        assertThat(l.attributes().get("parsed")).isInstanceOf(AttributeList.class);
    }

    @Test
    void onASmallStackTheRecordIsHandledPerErrorMode() throws Throwable {
        // ignore: the statement fails, is logged, and the record goes on unchanged (no StackOverflowError escapes)
        CompiledStatements ignore = parseStatement(ErrorMode.IGNORE);
        TelemetryBatch<?> logs = deepLog();
        onStack(256 << 10, () -> ignore.execute(logs));
        assertThat(logs.asLogs().resources().get(0).scopes().get(0).items().get(0).attributes().get("parsed")).isNull();
        // propagate: a clean OTTL runtime error naming the statement
        CompiledStatements propagate = parseStatement(ErrorMode.PROPAGATE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> onStack(256 << 10, () -> propagate.execute(deepLog())))
                .isInstanceOf(io.ottl4j.language.OttlRuntimeException.class).hasMessageContaining("nested too deeply");
    }
}
