package eu.vigie.cases.rest;

import java.util.UUID;

import eu.vigie.cases.CaseStatus;

/**
 * What a jurisdiction that referred the same content, but does not own the case, may learn: that the
 * case exists, who owns it, and its status. Nothing more.
 */
public record DeconflictionView(UUID id, String ownerJurisdiction, String ownerAgency, CaseStatus status) {
}
