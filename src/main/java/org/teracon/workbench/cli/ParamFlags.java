package org.teracon.workbench.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.teracon.workbench.method.catalog.MethodCatalog;
import org.teracon.workbench.method.params.ParamException;
import org.teracon.workbench.method.params.ParamKind;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The method-parameter flags, made from the specs when picocli builds a command: one option per spec
 * that names a CLI flag (--s, --alpha, --no-kr, ...), and a help section listing every
 * {@code --param} key. Values are read as text so the spec, not picocli, says what is wrong with one.
 */
public final class ParamFlags implements CommandLine.IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (ParamSpec<?> p : MethodCatalog.allParams()) {
            if (p.cliFlag() == null || spec.findOption(p.cliFlag()) != null) continue;
            boolean isSwitch = p.kind() == ParamKind.BOOLEAN;
            spec.addOption(OptionSpec.builder(p.cliFlag())
                    .type(isSwitch ? Boolean.class : String.class)
                    .arity(isSwitch ? "0" : "1")
                    .paramLabel(isSwitch ? "" : p.kind() == ParamKind.ENUM ? String.join("|", p.allowed()) : "VALUE")
                    .description(description(p))
                    .build());
        }
        List<String> lines = new ArrayList<>();
        Set<ParamSpec<?>> listed = new HashSet<>();
        for (String method : MethodCatalog.names()) {
            // each key once, under the first method that takes it (the ablations share TERACON's)
            List<ParamSpec<?>> params = MethodCatalog.params(method).stream().filter(listed::add).toList();
            if (params.isEmpty()) continue;
            lines.add("  " + method + ":");
            for (ParamSpec<?> p : params) lines.add("    " + p.key() + "  " + p.expected() + ", default " + defaultText(p) + ". " + p.help());
        }
        spec.usageMessage().footerHeading("%nMethod parameters (--param KEY=VALUE):%n").footer(lines.toArray(String[]::new));
        return spec;
    }

    private static String description(ParamSpec<?> p) {
        if (p.kind() == ParamKind.BOOLEAN) {
            return "Sets " + p.key() + "=" + !((Boolean) p.defaultValue()) + " (default " + defaultText(p) + "): " + p.help();
        }
        return p.help() + " (" + p.key() + ": " + p.expected() + ", default " + defaultText(p) + ")";
    }

    private static <T> String defaultText(ParamSpec<T> p) {
        return p.format(p.defaultValue());
    }

    /** {@code into} with every generated flag the user gave; a value its spec refuses is a usage error. */
    static ParamValues read(CommandSpec command, ParamValues into) {
        ParamValues p = into;
        for (ParamSpec<?> spec : MethodCatalog.allParams()) {
            OptionSpec o = spec.cliFlag() == null ? null : command.findOption(spec.cliFlag());
            Object given = o == null ? null : o.getValue();
            if (given == null || Boolean.FALSE.equals(given)) continue;
            try {
                p = given instanceof Boolean ? flipped(p, spec) : parsed(p, spec, (String) given);
            } catch (ParamException e) {
                throw new CommandLine.ParameterException(command.commandLine(), spec.cliFlag() + ": " + e.getMessage());
            }
        }
        return p;
    }

    private static <T> ParamValues parsed(ParamValues p, ParamSpec<T> spec, String text) {
        return p.with(spec, spec.parse(text));
    }

    /** A switch sets the opposite of the default: --no-kr turns knowledge retention off. */
    private static <T> ParamValues flipped(ParamValues p, ParamSpec<T> spec) {
        return p.with(spec, spec.type().cast(!((Boolean) spec.defaultValue())));
    }
}
