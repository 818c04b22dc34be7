package io.ottl4j.cli;

import io.ottl4j.language.CompiledConditions;
import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.LogicOperation;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.OttlCompileException;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.otlp.OtlpDecodeException;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ottl eval}: runs statements or a condition on an OTLP/JSON document. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run OTTL statements on OTLP/JSON and print the result as OTLP/JSON, or print a condition's value per record.")
final class EvalCommand implements Callable<Integer> {
    @Option(names = {"-c", "--context"}, required = true, paramLabel = "CONTEXT",
            description = "resource, scope, span, spanevent, metric, datapoint, exemplar, log or profile.")
    String context;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "OTLP/JSON input file, or - for stdin.")
    String input;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = {"-s", "--statement"}, paramLabel = "STATEMENT", description = "A statement; repeat for several, run in order.")
        List<String> statements;

        @Option(names = "--condition", paramLabel = "CONDITION", description = "A condition; prints true or false per record.")
        String condition;
    }

    @Option(names = "--error-mode", defaultValue = "propagate", description = "propagate (default), ignore or silent.")
    String errorMode;

    @Option(names = "--pretty", description = "Indent the JSON output.")
    boolean pretty;

    @Mixin
    FeatureGateOption gates;

    /** Stack of the evaluating thread: values nest as deep as upstream allows (see the collector's WorkerThreads). */
    private static final long STACK_BYTES = 64L << 20;

    @Override
    public Integer call() throws InterruptedException {
        int[] rc = {1};
        Thread t = Thread.ofPlatform().name("ottl-eval").stackSize(STACK_BYTES).start(() -> rc[0] = evaluate());
        t.join();
        return rc[0];
    }

    private int evaluate() {
        try {
            ContextKind ctx = ContextKind.parse(context);
            ErrorMode mode = ErrorMode.parse(errorMode);
            TelemetryBatch<?> batch = read();
            Ottl ottl = gates.ottl();
            if (what.condition != null) {
                CompiledConditions c = ottl.compileConditions(ctx, List.of(what.condition), LogicOperation.OR, mode);
                for (boolean b : c.evaluate(batch)) {
                    System.out.println(b);
                }
            } else {
                CompiledStatements s = ottl.compileStatements(ctx, what.statements, mode);
                s.execute(batch);
                System.out.println(OtlpJson.writeString(batch, pretty));
            }
            return 0;
        } catch (OttlCompileException e) {
            System.err.println(e.format());
        } catch (OttlRuntimeException e) {
            System.err.println("error[runtime]: " + e.getMessage());
        } catch (IllegalArgumentException | IOException | OtlpDecodeException e) {
            System.err.println("error: " + e.getMessage());
        } catch (StackOverflowError e) {
            System.err.println("error: a value is nested too deeply to process");
        } catch (RuntimeException e) { // a fault, not bad input: one line naming it, never a raw stack trace
            System.err.println("error: internal failure: " + (e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        return 1;
    }

    private TelemetryBatch<?> read() throws IOException, OtlpDecodeException {
        if (input.equals("-")) {
            try (InputStream in = System.in) {
                return OtlpJson.read(in.readAllBytes());
            }
        }
        Path p = Path.of(input);
        if (!Files.isRegularFile(p)) {
            throw new IOException("input file " + input + " does not exist");
        }
        return OtlpJson.read(Files.readAllBytes(p));
    }
}
