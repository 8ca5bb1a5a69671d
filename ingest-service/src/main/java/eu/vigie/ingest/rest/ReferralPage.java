package eu.vigie.ingest.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of referrals, oldest first; {@code nextCursor} is null on the last page. */
@Schema(name = "ReferralPage")
public record ReferralPage(List<ReferralView> items, String nextCursor) {
}
