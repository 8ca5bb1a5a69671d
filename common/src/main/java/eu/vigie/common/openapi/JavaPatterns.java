package eu.vigie.common.openapi;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Bean Validation patterns are Java regular expressions; a JSON Schema {@code pattern} is an ECMA-262
 * one. The difference that matters in Vigie is the inline flag {@code (?i)} (case-insensitive), which
 * ECMA-262 does not know: a document carrying it is invalid and clients cannot check input against it.
 * This rewrites such a pattern into the same language without the flag, each ASCII letter {@code x}
 * becoming {@code [xX]} and each range {@code a-z} in a class gaining {@code A-Z}, so the document says
 * exactly what the service accepts.
 */
final class JavaPatterns {

    static final String CASE_INSENSITIVE = "(?i)";

    private JavaPatterns() {
    }

    /** Rewrites every {@code (?i)} pattern of the document's schemas (components, parameters, bodies, responses). */
    static void rewrite(OpenAPI openAPI) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(s -> walk(s, seen));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> walk(p.getSchema(), seen));
            }
            if (item.getOperations() == null) {
                return;
            }
            item.getOperations().values().forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> walk(p.getSchema(), seen));
                }
                if (op.getRequestBody() != null) {
                    walk(op.getRequestBody().getContent(), seen);
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> walk(r.getContent(), seen));
                }
            });
        });
    }

    private static void walk(Content content, Set<Schema> seen) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType mediaType : content.getMediaTypes().values()) {
            walk(mediaType.getSchema(), seen);
        }
    }

    private static void walk(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && pattern.startsWith(CASE_INSENSITIVE)) {
            schema.setPattern(withoutCaseFlag(pattern.substring(CASE_INSENSITIVE.length())));
        }
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                walk(property.getValue(), seen);
            }
        }
        walk(schema.getItems(), seen);
        walk(schema.getAdditionalPropertiesSchema(), seen);
        walk(schema.getNot(), seen);
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> walk(s, seen));
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(s -> walk(s, seen));
        }
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(s -> walk(s, seen));
        }
    }

    /** The case-insensitive language of {@code pattern}, as a pattern without flags. */
    static String withoutCaseFlag(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() * 2);
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                // An escape (\S, \d, \., \\): its letter is not a literal.
                out.append(c).append(pattern.charAt(++i));
                continue;
            }
            if (!inClass) {
                if (c == '[') {
                    inClass = true;
                    out.append(c);
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                        out.append('^');
                        i++;
                    }
                } else if (isAsciiLetter(c)) {
                    out.append('[').append(Character.toLowerCase(c)).append(Character.toUpperCase(c)).append(']');
                } else {
                    out.append(c);
                }
                continue;
            }
            if (c == ']') {
                inClass = false;
                out.append(c);
            } else if (isAsciiLetter(c) && i + 2 < pattern.length() && pattern.charAt(i + 1) == '-'
                    && isAsciiLetter(pattern.charAt(i + 2))) {
                char to = pattern.charAt(i + 2);
                out.append(c).append('-').append(to).append(otherCase(c)).append('-').append(otherCase(to));
                i += 2;
            } else if (isAsciiLetter(c)) {
                out.append(c).append(otherCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static char otherCase(char c) {
        return Character.isLowerCase(c) ? Character.toUpperCase(c) : Character.toLowerCase(c);
    }
}
