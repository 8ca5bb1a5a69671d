package eu.vigie.classify.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ScanResponse")
public record ScanResponse(List<TextIndicator> indicators) {
}
