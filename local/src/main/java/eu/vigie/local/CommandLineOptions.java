package eu.vigie.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of a benchmark or tool run from the command line: {@code --name value} pairs. A name it does not know,
 * a name given twice or a name without its value is refused with the usage, before anything runs: a mistyped
 * {@code --rates 50} must not start a ten-minute benchmark at the default rate and write a report under the wrong
 * heading.
 */
public final class CommandLineOptions {

    private CommandLineOptions() {
    }

    /**
     * The options in {@code args}, by name without the dashes.
     *
     * @param usage what to print when the arguments are refused
     * @param names the option names the program reads
     * @throws IllegalArgumentException naming the first argument refused, followed by {@code usage}
     */
    public static Map<String, String> parse(String[] args, String usage, String... names) {
        Set<String> known = Set.of(names);
        Map<String, String> options = new LinkedHashMap<>();
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i += 2) {
            String arg = list.get(i);
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name == null || !known.contains(name)) {
                throw new IllegalArgumentException("Unknown option " + arg + ". Usage: " + usage);
            }
            if (i + 1 >= list.size()) {
                throw new IllegalArgumentException("Option " + arg + " has no value. Usage: " + usage);
            }
            if (options.putIfAbsent(name, list.get(i + 1)) != null) {
                throw new IllegalArgumentException("Option " + arg + " is given twice. Usage: " + usage);
            }
        }
        return options;
    }
}
