package eu.vigie.cases.console;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A text cut into segments so that the spans the classification matched are highlighted: each
 * segment is plain or marked with what matched it. Overlapping spans are merged; spans outside the
 * text are ignored (the verdict's offsets are for the text as classify-service received it).
 */
public final class HighlightedText {

    /** A piece of the text; {@code mark} names what matched it, null when plain. */
    public record Segment(String text, String mark) {

        public boolean marked() {
            return mark != null;
        }
    }

    private HighlightedText() {
    }

    public static List<Segment> of(String text, List<ClassificationEvidence.Indicator> indicators) {
        TreeMap<Integer, int[]> spans = new TreeMap<>();
        TreeMap<Integer, String> labels = new TreeMap<>();
        for (ClassificationEvidence.Indicator i : indicators) {
            if (i.start() == null || i.end() == null || i.start() < 0 || i.end() > text.length()
                    || i.start() >= i.end()) {
                continue;
            }
            int start = i.start();
            int end = i.end();
            String label = i.category() != null ? i.category() : i.entity() != null ? i.entity() : i.kind();
            var before = spans.floorEntry(start);
            if (before != null && before.getValue()[1] >= start) {
                start = before.getKey();
                end = Math.max(end, before.getValue()[1]);
                label = labels.get(before.getKey()) + ", " + label;
            }
            var after = spans.ceilingEntry(start + 1);
            while (after != null && after.getKey() <= end) {
                end = Math.max(end, after.getValue()[1]);
                label = label + ", " + labels.get(after.getKey());
                spans.remove(after.getKey());
                labels.remove(after.getKey());
                after = spans.ceilingEntry(start + 1);
            }
            spans.put(start, new int[] { start, end });
            labels.put(start, label);
        }
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (var span : spans.values()) {
            if (span[0] > at) {
                segments.add(new Segment(text.substring(at, span[0]), null));
            }
            segments.add(new Segment(text.substring(span[0], span[1]), labels.get(span[0])));
            at = span[1];
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null));
        }
        return segments;
    }
}
