package eu.vigie.classify.service;

import java.util.Locale;
import java.util.regex.Pattern;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.SignalType;

/** The form of signal values: hexadecimal of the type's length, stored and compared in lower case. */
public final class SignalValues {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private SignalValues() {
    }

    public static int length(SignalType type) {
        return switch (type) {
            case MD5 -> 32;
            case SHA256, PDQ -> 64;
        };
    }

    /** The lower-cased value, or a 400 problem naming {@code field} when it is not the type's hexadecimal form. */
    public static String normalise(SignalType type, String value, String field) {
        if (value == null) {
            throw ProblemException.invalidField(field, "is required");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.length() != length(type) || !HEX.matcher(lower).matches()) {
            throw ProblemException.invalidField(field,
                    "must be " + length(type) + " hexadecimal digits for a " + type + " signal");
        }
        return lower;
    }
}
