package eu.vigie.deploy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each overlay is rendered once per test run. */
final class RenderedOverlays {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    private RenderedOverlays() {
    }
}
