package io.ottl4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ottl} command. */
@Command(name = "ottl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The OpenTelemetry Transformation Language on the JVM.",
        subcommands = {TestCommand.class, EvalCommand.class, FunctionsCommand.class, CollectorCommand.class, ValidateCommand.class, ComponentsCommand.class, ReplCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        // before anything touches java.util.logging: every line a shutdown logs must reach stderr
        io.ottl4j.cli.internal.CliLogging.selectLogManager();
        io.ottl4j.cli.internal.CliLogging.install(System.err);
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl.execute(args);
    }
}
