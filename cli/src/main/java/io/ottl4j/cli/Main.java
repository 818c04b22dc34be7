package io.ottl4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ottl} command. */
@Command(name = "ottl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The OpenTelemetry Transformation Language on the JVM.",
        subcommands = {TestCommand.class, EvalCommand.class, ProcessCommand.class, FunctionsCommand.class, CollectorCommand.class, ValidateCommand.class, ComponentsCommand.class, ReplCommand.class, LspCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        // before anything touches java.util.logging: every line a shutdown logs must reach stderr
        io.ottl4j.cli.internal.CliLogging.selectLogManager();
        io.ottl4j.cli.internal.CliLogging.install(System.err);
        System.exit(run(args));
    }

    /**
     * {@code ottl collector ...} alone: the same command under the same name, without the models of the other
     * subcommands. Picocli builds every subcommand's model by reflection before parsing, and its classes are old
     * bytecode that the small profile's AOT cache cannot hold: measured cold, 0.33-0.41 s for this model against
     * 0.41-1.4 s for the whole tree (docs/performance.md, "Footprint", start-up).
     */
    @Command(name = "ottl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, subcommands = CollectorCommand.class)
    static final class CollectorOnly {
    }

    /** Runs the command line and returns the exit status (for tests). */
    public static int run(String... args) {
        CollectorCommand fast = CollectorArgs.parse(args);
        if (fast != null) {
            try {
                return fast.call();
            } catch (Exception e) {
                e.printStackTrace(); // what picocli's default handler prints for an exception of a command, with its exit status
                return 1;
            }
        }
        CommandLine cl = new CommandLine(args.length > 0 && args[0].equals("collector") ? new CollectorOnly() : new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl.execute(args);
    }
}
