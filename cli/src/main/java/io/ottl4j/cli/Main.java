package io.ottl4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ottl} command. */
@Command(name = "ottl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The OpenTelemetry Transformation Language on the JVM.",
        subcommands = {TestCommand.class, EvalCommand.class, FunctionsCommand.class, CollectorCommand.class, ValidateCommand.class, ComponentsCommand.class, ReplCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    static {
        // before anything touches java.util.logging: keep logging alive while the collector drains on SIGTERM
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl.execute(args);
    }
}
