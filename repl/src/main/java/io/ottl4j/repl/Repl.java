package io.ottl4j.repl;

import io.ottl4j.language.ContextKind;
import io.ottl4j.language.Ottl;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.repl.data.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The OTTL REPL. Interactive on a terminal (JLine: history, completion, highlighting, multi-line input);
 * on a pipe it reads lines and prints plain results, for scripts and tests. Nothing typed ends the
 * session except {@code :quit} or end of input: internal errors are reported and the session goes on.
 */
public final class Repl {
    private final Session session;
    private final Evaluator evaluator;
    private final OttlCompleter completer;
    private final Commands commands;
    private final PrintWriter out;
    private final Style style;

    private Repl(Session session, PrintWriter out, Style style) {
        this.session = session;
        this.out = out;
        this.style = style;
        this.evaluator = new Evaluator(session, out, style);
        this.completer = new OttlCompleter(session);
        this.commands = new Commands(session, evaluator, completer, out, style);
    }

    /** A session on the options' data (or the samples), printing to {@code out}. */
    public static Repl create(ReplOptions options, PrintWriter out, boolean color) throws IOException {
        return new Repl(session(options), out, new Style(color));
    }

    private static Session session(ReplOptions options) throws IOException {
        ContextKind ctx = options.context() == null ? ContextKind.SPAN : ContextKind.parse(options.context());
        java.util.concurrent.CompletableFuture<Ottl> ottl = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Ottl.builder().featureGates(options.featureGates()).build());
        Dataset data;
        boolean samples = options.inputs().isEmpty();
        if (samples) {
            data = Dataset.samples();
        } else {
            data = new Dataset();
            for (Path p : options.inputs()) {
                for (TelemetryBatch<?> b : Commands.read(p)) {
                    data.add(p.toString(), b);
                }
            }
        }
        return new Session(ottl, ctx, data, samples);
    }

    /**
     * Compiles and runs a throwaway statement, condition and expression on a copy of the data, so that
     * the first thing the user types does not pay for initialising Truffle and the function library.
     */
    private void warmUp() {
        Thread t = new Thread(() -> {
            try {
                Dataset copy = session.data().deepCopy();
                ContextKind ctx = session.context();
                var st = session.ottl().compileStatements(ctx, java.util.List.of("set(cache[\"warm\"], 1)"),
                        io.ottl4j.language.ErrorMode.SILENT);
                var cond = session.ottl().compileConditions(ctx, java.util.List.of("cache[\"warm\"] == 1"),
                        io.ottl4j.language.LogicOperation.OR, io.ottl4j.language.ErrorMode.SILENT);
                Evaluator.forEachRecord(copy, ctx, r -> {
                    st.execute(r);
                    cond.test(r);
                });
                io.ottl4j.repl.data.Units.all(copy);
                io.ottl4j.language.inspect.PathCatalog.of(ctx).allPaths();
            } catch (Exception | LinkageError e) {
                // warming up is an optimisation only; the real input reports any problem
            }
        }, "ottl-repl-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Handles one complete input; false after {@code :quit}. Never throws. */
    public boolean handle(String input) {
        String text = input.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return true;
        }
        try {
            if (text.startsWith(":")) {
                return commands.run(text);
            }
            evaluator.evaluate(text);
        } catch (StackOverflowError | RuntimeException | AssertionError | LinkageError e) {
            internalError(e);
        } finally {
            out.flush();
        }
        return true;
    }

    private void internalError(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String[] lines = trace.toString().split("\n");
        out.println(style.error("internal error: " + e) + style.dim("  (the session goes on; please report this with the input)"));
        for (int i = 1; i < lines.length && i <= 6; i++) {
            out.println(style.dim(lines[i].stripTrailing()));
        }
    }

    String prompt() {
        return "ottl " + session.context().configName() + "> ";
    }

    String banner() {
        StringBuilder sb = new StringBuilder("ottl4j REPL · context ").append(session.context().configName()).append(" · ");
        sb.append(session.samples() ? "sample data: " : "data: ");
        int n = 0;
        for (Dataset.Source s : session.data().sources()) {
            TelemetryBatch<?> b = s.batch();
            sb.append(n++ > 0 ? ", " : "").append(b.itemCount()).append(' ').append(switch (b.signal()) {
                case TRACES -> "spans";
                case METRICS -> "metrics";
                case LOGS -> "log records";
                case PROFILES -> "profiles";
            });
        }
        return sb.append(" · :help for commands").toString();
    }

    // ------------------------------------------------------------------ the two ways of running

    /**
     * Plain mode: lines from {@code in}, continued while brackets are open; results without colour. An unfinished
     * statement never swallows what follows: a string literal open at the end of a line (OTTL strings do not span
     * lines), a blank line or a {@code :command} line ends it, with its syntax error. Returns false when any input
     * failed (the exit status of {@code ottl repl} on a pipe).
     */
    public boolean runScript(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (!pending.isEmpty() && (line.isBlank() || line.stripLeading().startsWith(":"))) {
                String unfinished = pending.toString();
                pending.setLength(0);
                handle(unfinished); // shows where it is unfinished
            }
            if (pending.isEmpty() && line.isBlank()) {
                continue;
            }
            if (!pending.isEmpty()) {
                pending.append('\n');
            }
            pending.append(line);
            if (Words.incomplete(pending.toString()) && !Words.quoteOpen(pending.toString())) {
                continue;
            }
            String input = pending.toString();
            pending.setLength(0);
            if (!handle(input)) {
                return style.errors() == 0;
            }
        }
        if (!pending.isEmpty()) {
            handle(pending.toString()); // input ended inside brackets: show the syntax error
        }
        return style.errors() == 0;
    }

    /** Interactive mode on a JLine terminal. */
    public void runInteractive(Terminal terminal, Path history) {
        runInteractive(terminal, history, false);
    }

    /**
     * @param echo print each accepted line after its prompt, for terminals that do not show typing
     *             (transcript tests run on a dumb terminal with echo off, so that input and output interleave)
     */
    void runInteractive(Terminal terminal, Path history, boolean echo) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("ottl")
                .parser(new OttlLineParser())
                .completer(completer)
                .highlighter(new OttlHighlighter())
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  ...> ")
                .variable(LineReader.INDENTATION, 2)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, false)
                .build();
        mark("reader");
        out.println(style.dim(banner()));
        out.flush();
        warmUp();
        int readerFailures = 0;
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            } catch (RuntimeException e) {
                internalError(e); // the line reader failed (a terminal hiccup): keep the session, unless it keeps failing
                if (++readerFailures >= 3) {
                    break;
                }
                continue;
            }
            readerFailures = 0;
            if (echo) {
                out.println(line.replace("\n", "\n" + " ".repeat(Math.max(0, prompt().length() - 6)) + "...> "));
            }
            if (!handle(line)) {
                break;
            }
        }
        out.flush();
    }

    /** {@code ottl repl}: interactive when stdin and stdout are a terminal, else plain. Returns the exit status. */
    public static int main(ReplOptions options) {
        java.io.Console console = System.console();
        boolean interactive = console != null && console.isTerminal();
        try {
            if (!interactive) {
                PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
                Repl repl = create(options, out, false);
                boolean ok = repl.runScript(System.in);
                out.flush();
                return ok ? 0 : 1;
            }
            // the session (function library, sample data) loads while JLine sets up the terminal
            java.util.concurrent.CompletableFuture<Session> session = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return session(options);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            mark("terminal");
            try (Terminal terminal = TerminalBuilder.builder().system(true).name("ottl").build()) {
                mark("terminal built: " + terminal.getClass().getSimpleName());
                boolean color = !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
                        && System.getenv("NO_COLOR") == null;
                Repl repl = new Repl(join(session), terminal.writer(), new Style(color));
                mark("session");
                repl.runInteractive(terminal, historyFile(options));
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("ottl repl: " + e.getMessage());
            return 1;
        }
    }

    private static Session join(java.util.concurrent.CompletableFuture<Session> f) throws IOException {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** {@code -Dottl.repl.startup=true}: where start-up time goes, in ms since the JVM started. */
    static void mark(String what) {
        if (Boolean.getBoolean("ottl.repl.startup")) {
            long ms = java.time.Duration.between(ProcessHandle.current().info().startInstant().orElseThrow(), java.time.Instant.now()).toMillis();
            System.err.println("[startup] " + ms + " ms " + what);
        }
    }

    static Path historyFile(ReplOptions options) {
        if (options.history() != null) {
            return options.history();
        }
        String env = System.getenv("OTTL_HISTORY");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".ottl_history");
    }

    /** For tests: a plain session writing to {@code sink}. */
    static Repl forTest(ReplOptions options, OutputStream sink) throws IOException {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(sink, StandardCharsets.UTF_8), true);
        return create(options, out, false);
    }

    Session session() {
        return session;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
