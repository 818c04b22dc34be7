package io.ottl4j.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import org.junit.jupiter.api.Test;

/**
 * The tests run on Truffle's optimising runtime, as production does: a silent fallback to the
 * interpreter would make every speed figure meaningless. {@code -Pinterpreter} runs the suite on the
 * fallback runtime on purpose and flips the expectation.
 */
class TruffleRuntimeTest {
    private static boolean expectOptimizing() {
        return Boolean.parseBoolean(System.getProperty("ottl.expectOptimizingRuntime", "true"));
    }

    @Test
    void runsOnTheExpectedTruffleRuntime() {
        String name = Truffle.getRuntime().getName();
        if (expectOptimizing()) {
            assertThat(name).as("Truffle runtime (is the Graal compiler on --upgrade-module-path?)").doesNotContain("Interpreted");
        } else {
            assertThat(name).contains("Interpreted");
        }
    }

    /** A hot root node ends up in compiled code on the optimising runtime. */
    @Test
    void hotCodeGetsCompiled() {
        RootNode probe = new RootNode(null) {
            @Override
            public Object execute(VirtualFrame frame) {
                return CompilerDirectives.inCompiledCode();
            }
        };
        var target = probe.getCallTarget();
        boolean compiled = false;
        // on the fallback runtime one round proves the point; compiled code needs warm-up, and the compilation runs
        // on a background thread that a busy machine starves: pause between rounds to leave it the CPU, and bound the
        // wait generously (seconds when idle, minutes only when the machine is swamped or nothing ever compiles)
        long deadline = System.nanoTime() + (expectOptimizing() ? 300_000_000_000L : 0);
        do {
            for (int i = 0; i < 10_000; i++) {
                compiled |= (Boolean) target.call();
            }
            if (!compiled && expectOptimizing()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } while (!compiled && System.nanoTime() < deadline);
        assertThat(compiled).isEqualTo(expectOptimizing());
    }
}
