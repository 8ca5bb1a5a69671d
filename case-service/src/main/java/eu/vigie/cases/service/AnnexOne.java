package eu.vigie.cases.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.cases.RemovalOrder;

/**
 * The Annex I document of a removal order, as signed and as the provider receives it, and its
 * signature: SHA-256 over the document's canonical JSON, so that any later change to a stored field
 * is evident.
 */
public final class AnnexOne {

    public static final String ALGORITHM = "SHA-256";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnnexOne() {
    }

    /** The Annex I fields, as a map with string, boolean and list values only. */
    public static Map<String, Object> document(RemovalOrder order) {
        Map<String, Object> authority = new LinkedHashMap<>();
        authority.put("type", order.authorityType);
        authority.put("name", order.authorityName);
        authority.put("officer", order.authorityOfficer);
        authority.put("fileNumber", order.fileNumber);
        authority.put("contact", order.authorityContact);
        Map<String, Object> addressee = new LinkedHashMap<>();
        addressee.put("platformId", order.platformId);
        addressee.put("homeState", order.platformHomeJurisdiction);
        Map<String, Object> redress = new LinkedHashMap<>();
        redress.put("body", order.redressBody);
        redress.put("deadline", order.redressDeadline);
        redress.put("legalReference", order.redressLegalReference);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("orderId", order.id.toString());
        document.put("referenceNumber", order.referenceNumber);
        document.put("issuingState", order.issuingJurisdiction);
        document.put("authority", authority);
        document.put("addressee", addressee);
        document.put("issuedAt", Canonical.time(order.issuedAt));
        document.put("urls", urls(order));
        document.put("contentLocator", order.contentLocator);
        document.put("categories", EnumSet.copyOf(order.categories).stream().map(Enum::name).toList());
        document.put("reasons", order.reasons);
        document.put("doNotInformContentProvider", order.doNotInform);
        document.put("emergency", order.emergency);
        document.put("emergencyReasons", order.emergencyReasons);
        document.put("crossBorder", order.crossBorder);
        document.put("homeAuthorityCopied", order.homeAuthorityCopied);
        document.put("redress", redress);
        return document;
    }

    public static String sign(RemovalOrder order) {
        return Canonical.sha256(Canonical.json(document(order)));
    }

    public static boolean verify(RemovalOrder order) {
        return ALGORITHM.equals(order.signatureAlgorithm) && sign(order).equals(order.signature);
    }

    /** The document with its signature: the payload delivered to the provider. */
    public static Map<String, Object> signedDocument(RemovalOrder order) {
        Map<String, Object> signed = new LinkedHashMap<>(document(order));
        signed.put("signature", Map.of("algorithm", order.signatureAlgorithm, "value", order.signature,
                "over", "canonical JSON (keys sorted, no whitespace) of this document without 'signature'"));
        return signed;
    }

    public static List<String> urls(RemovalOrder order) {
        return readUrls(order.urls);
    }

    /** Stored URLs (a JSON list) as a list. */
    public static List<String> readUrls(String stored) {
        try {
            return MAPPER.readValue(stored, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored URLs are not a JSON list", e);
        }
    }

    public static String writeUrls(List<String> urls) {
        try {
            return MAPPER.writeValueAsString(new ArrayList<>(urls));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("URLs cannot be written as JSON", e);
        }
    }
}
