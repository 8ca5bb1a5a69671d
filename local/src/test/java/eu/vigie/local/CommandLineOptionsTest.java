package eu.vigie.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CommandLineOptionsTest {

    private static final String USAGE = "Bench [--rate 20] [--seconds 30]";

    @Test
    void knownOptionsAreReadByName() {
        assertEquals(Map.of("rate", "50", "seconds", "10"),
                CommandLineOptions.parse(new String[] { "--rate", "50", "--seconds", "10" }, USAGE, "rate", "seconds"));
        assertEquals(Map.of(), CommandLineOptions.parse(new String[0], USAGE, "rate", "seconds"));
    }

    @Test
    void aMistypedOptionIsRefusedBeforeAnythingRuns() {
        refused("Unknown option --rates", "--rates", "50");
        refused("Unknown option rate", "rate", "50");
        refused("Unknown option --bad", "--bad");
    }

    @Test
    void anOptionWithoutItsValueOrGivenTwiceIsRefused() {
        refused("Option --seconds has no value", "--rate", "50", "--seconds");
        refused("Option --rate is given twice", "--rate", "50", "--rate", "20");
    }

    private static void refused(String message, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandLineOptions.parse(args, USAGE, "rate", "seconds"));
        assertTrue(e.getMessage().startsWith(message) && e.getMessage().endsWith("Usage: " + USAGE), e.getMessage());
    }
}
