package eu.vigie.classify.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.classify.HashBank;

@Schema(name = "Bank")
public record BankView(String name, String description, boolean enabled, long signalCount, Instant createdAt,
        String createdBy, Instant updatedAt, String updatedBy, long version) {

    public static BankView of(HashBank bank, long signalCount) {
        return new BankView(bank.name, bank.description, bank.enabled, signalCount, bank.createdAt, bank.createdBy,
                bank.updatedAt, bank.updatedBy, bank.version);
    }
}
