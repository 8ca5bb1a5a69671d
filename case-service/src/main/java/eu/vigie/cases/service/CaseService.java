package eu.vigie.cases.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.CaseStatus;
import eu.vigie.cases.config.CaseConfig;
import eu.vigie.cases.repository.CaseRepository;
import eu.vigie.cases.rest.CasePage;
import eu.vigie.cases.rest.CaseSummary;
import eu.vigie.cases.rest.CaseView;
import eu.vigie.cases.rest.DeconflictionView;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.Tier;

/** Reading cases: the list of a jurisdiction's cases, and one case as far as the caller may see it. */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final CaseAccess access;
    private final Views views;
    private final CaseConfig config;
    private final ReadAudit reads;
    private final Caller caller;

    public CaseService(CaseRepository cases, CaseAccess access, Views views, CaseConfig config, ReadAudit reads,
            Caller caller) {
        this.reads = reads;
        this.caller = caller;
        this.cases = cases;
        this.access = access;
        this.views = views;
        this.config = config;
    }

    /**
     * A page of cases, newest first.
     *
     * @param jurisdiction the caller's jurisdiction, or null for an auditor (every jurisdiction)
     */
    @Transactional
    public CasePage list(String jurisdiction, String status, String tier, String cursor, String limit) {
        CaseStatus statusFilter = parse(CaseStatus.class, "status", status);
        Tier tierFilter = parse(Tier.class, "tier", tier);
        int size = CaseService.pageSize(limit, config);
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        List<CaseFile> page = cases.page(jurisdiction, statusFilter, tierFilter,
                after == null ? null : after.createdAt(), after == null ? null : after.id(), size + 1);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            CaseFile last = page.get(size - 1);
            next = new Cursor(last.createdAt, last.id).encode();
        }
        return new CasePage(page.stream().map(CaseSummary::of).toList(), next);
    }

    /** One case: in full, or only its existence for a jurisdiction that referred the same content. */
    @Transactional
    public Object get(UUID id) {
        CaseFile file = cases.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Case " + id));
        if (access.readLevel(file) == CaseAccess.Level.DECONFLICTION) {
            return new DeconflictionView(file.id, file.ownerJurisdiction, file.ownerAgency, file.status);
        }
        CaseView view = views.caseView(file);
        String as = caller.hasRole(Roles.AUDITOR) ? "AUDITOR"
                : caller.jurisdiction().filter(file.ownerJurisdiction::equals).isPresent() ? "OWNER" : "SHARED";
        reads.record(AuditTrail.CASE_READ, "CASE", file.id, file.id,
                Map.of("view", "FULL", "access", as, "version", file.version));
        return view;
    }

    /** The page size asked for, or the default; 400 unless a whole number between 1 and the maximum. */
    static int pageSize(String limit, CaseConfig config) {
        if (limit == null || limit.isBlank()) {
            return config.defaultPageSize();
        }
        try {
            int size = Integer.parseInt(limit.trim());
            if (size >= 1 && size <= config.maxPageSize()) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField("limit", "must be a whole number between 1 and " + config.maxPageSize());
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    /** The keyset position after which the next page starts: (createdAt, id), base64url-encoded. */
    record Cursor(Instant createdAt, UUID id) {

        String encode() {
            String raw = createdAt.toString() + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this service handed out");
            }
        }
    }
}
