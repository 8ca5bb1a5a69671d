package eu.vigie.ingest.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Roles;
import eu.vigie.common.vocabulary.ContentType;
import eu.vigie.ingest.CustodyAction;
import eu.vigie.ingest.CustodyEvent;
import eu.vigie.ingest.Referral;
import eu.vigie.ingest.ReferralStatus;
import eu.vigie.ingest.client.CaseIntakeAnswer;
import eu.vigie.ingest.client.PdqVariant;
import eu.vigie.ingest.config.IngestConfig;
import eu.vigie.ingest.repository.EvidenceRepository;
import eu.vigie.ingest.repository.EvidenceStore;
import eu.vigie.ingest.repository.IdempotencyRepository;
import eu.vigie.ingest.repository.ReferralRepository;
import eu.vigie.ingest.rest.MediaPayload;
import eu.vigie.ingest.rest.ReferralRequest;
import eu.vigie.ingest.rest.ReferralView;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Intake of referrals: validation, URL canonicalisation, platform identification, evidence with
 * its chain of custody, duplicate detection, idempotent submission, and the durable hand-off to
 * classification ({@value #TOPIC}) in the same transaction as the referral.
 */
@ApplicationScoped
public class ReferralService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReferralService.class);

    /** The outbox topic of accepted referrals, relayed by {@link ReferralHandOff}. */
    public static final String TOPIC = "referral.accepted";

    /** How far in the future an {@code observedAt} may be, for clocks that are a little ahead. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String TEXT_MEDIA_TYPE = "text/plain; charset=utf-8";

    /** The outbox message of {@value #TOPIC}: the rest is read from the referral when relaying. */
    // read and written only through ObjectMapper (outbox payload): registered for native images
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record HandOff(UUID referralId) {
    }

    /** The answer to a submission: status, the referral's id and the JSON body (the stored one for a replay). */
    public record Submission(int status, UUID referralId, String body, boolean replayed) {
    }

    /** A validated referral, ready to be written. */
    private record Prepared(ReferralRequest request, ContentType contentType, String canonicalUrl,
            PlatformIdentification platform, byte[] content, String mediaType, String sha256, String md5) {
    }

    /** A validated referral waiting to be written, with its caller and idempotency key. */
    private record Pending(Prepared prepared, String idempotencyKey, String requestHash, Actor actor) {

        /** What it may not share with another referral of its group: its content (URL, bytes) and idempotency key. */
        Set<String> keys() {
            Set<String> keys = new HashSet<>(contentKeys(prepared));
            if (idempotencyKey != null) {
                keys.add("idempotency:" + actor.subject() + "\n" + idempotencyKey);
            }
            return keys;
        }
    }

    /**
     * The most referrals written in one transaction. Concurrent submissions share their transaction's statements and
     * commit; sixteen concurrent clients make groups of a few.
     */
    static final int MAX_GROUP = 32;

    private final GroupCommit<Pending, Submission> writes = new GroupCommit<>(MAX_GROUP, Pending::keys, this::create);
    private final java.util.concurrent.atomic.AtomicInteger submitting = new java.util.concurrent.atomic.AtomicInteger();
    private final UrlCanonicalizer canonicalizer;
    private final PlatformIdentifier platforms;
    private final ReferralRepository referrals;
    private final EvidenceRepository evidence;
    private final IdempotencyRepository idempotency;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final IngestConfig config;
    private final EntityManager em;
    private final EvidenceStore store;

    public ReferralService(UrlCanonicalizer canonicalizer, PlatformIdentifier platforms, ReferralRepository referrals,
            EvidenceRepository evidence, IdempotencyRepository idempotency, Outbox outbox, ObjectMapper mapper,
            IngestConfig config, EntityManager em, EvidenceStore store) {
        this.store = store;
        this.canonicalizer = canonicalizer;
        this.platforms = platforms;
        this.referrals = referrals;
        this.evidence = evidence;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
        this.em = em;
    }

    /**
     * Accepts a referral. With an {@code Idempotency-Key}, a replay of the same body by the same
     * caller answers the stored result and creates nothing; the same key with another body is 422.
     */
    public Submission submit(ReferralRequest request, String idempotencyKey, Actor actor) {
        submitting.incrementAndGet();
        try {
            return submitNow(request, idempotencyKey, actor);
        } finally {
            submitting.decrementAndGet();
        }
    }

    /** Whether referrals are being submitted right now (the hand-off yields to them). */
    public boolean intakeBusy() {
        return submitting.get() > 0;
    }

    private Submission submitNow(ReferralRequest request, String idempotencyKey, Actor actor) {
        checkMaySubmit(actor);
        String requestHash = idempotencyKey == null ? null : requestHash(request);
        if (idempotencyKey != null) {
            Optional<IdempotencyRepository.Stored> stored = QuarkusTransaction.requiringNew()
                    .call(() -> idempotency.find(actor.subject(), idempotencyKey));
            if (stored.isPresent() && stored.get().responseBody() != null) {
                return replay(stored.get(), requestHash);
            }
        }
        // Validation and the registry look-up happen before the transaction: no connection is held
        // while notify-service is asked.
        Prepared prepared = prepare(request);
        return writes.submit(new Pending(prepared, idempotencyKey, requestHash, actor));
    }

    /** Referrals are submitted by an officer of a government tenant, for their agency; 403 otherwise. */
    public void checkMaySubmit(Actor actor) {
        if (actor.jurisdiction() == null) {
            throw ProblemException.forbidden("Only an officer of a government tenant may submit referrals");
        }
        if (actor.agency() == null || actor.agency().isBlank()) {
            throw ProblemException.forbidden("Your token names no agency; referrals are submitted for an agency");
        }
    }

    private Submission replay(IdempotencyRepository.Stored stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used by you with a different request body");
        }
        return new Submission(stored.responseStatus(), stored.referralId(), stored.responseBody(), true);
    }

    private Prepared prepare(ReferralRequest request) {
        ContentType type = request.contentTypeOrDefault();
        String canonicalUrl;
        try {
            canonicalUrl = canonicalizer.canonicalize(request.url());
        } catch (InvalidUrlException e) {
            throw ProblemException.invalidField("url", e.getMessage());
        }
        canonicalUrl = expandShortLink(canonicalUrl);
        if (request.observedAt() != null && request.observedAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw ProblemException.invalidField("observedAt", "must not be in the future");
        }
        checkNoControlCharacters("text", request.text(), true);
        checkNoControlCharacters("notes", request.notes(), true);
        checkNoControlCharacters("reference", request.reference(), false);
        byte[] content = null;
        String mediaType = null;
        switch (type) {
            case URL -> {
                if (request.media() != null) {
                    throw ProblemException.invalidField("media", "is accepted only with contentType IMAGE, VIDEO or DOCUMENT");
                }
            }
            case TEXT -> {
                if (request.text() == null || request.text().isBlank()) {
                    throw ProblemException.invalidField("text", "is required when contentType is TEXT");
                }
                if (request.media() != null) {
                    throw ProblemException.invalidField("media", "is accepted only with contentType IMAGE, VIDEO or DOCUMENT");
                }
                content = request.text().getBytes(StandardCharsets.UTF_8);
                checkSize(content.length);
                mediaType = TEXT_MEDIA_TYPE;
            }
            case IMAGE, VIDEO, DOCUMENT -> {
                MediaPayload media = request.media();
                if (media == null) {
                    throw ProblemException.invalidField("media", "is required when contentType is " + type);
                }
                mediaType = normaliseMediaType(media.mediaType());
                if (type == ContentType.IMAGE && !mediaType.startsWith("image/")) {
                    throw ProblemException.invalidField("media.mediaType", "must be an image/* type for an IMAGE");
                }
                if (type == ContentType.VIDEO && !mediaType.startsWith("video/")) {
                    throw ProblemException.invalidField("media.mediaType", "must be a video/* type for a VIDEO");
                }
                content = decode(media.dataBase64());
                checkBytesAreWhatIsDeclared(content, mediaType);
            }
        }
        PlatformIdentification platform = platforms.identify(request.platformId(),
                UrlCanonicalizer.hostOf(canonicalUrl));
        String sha256 = content == null ? null : hex("SHA-256", content);
        String md5 = content == null ? null : hex("MD5", content);
        return new Prepared(request, type, canonicalUrl, platform, content, mediaType, sha256, md5);
    }

    /**
     * A short link of the platform serving the URL's host (from the registry, cached with the
     * platform look-up) replaced by the long form it stands for, canonicalised again, so that short and
     * long forms of the same content have one canonical URL. A long form that is not a valid URL is
     * the registry's mistake, not the caller's: the short form is kept.
     */
    private String expandShortLink(String canonicalUrl) {
        Optional<String> expanded = platforms.expandShortLink(canonicalUrl);
        if (expanded.isEmpty()) {
            return canonicalUrl;
        }
        try {
            return canonicalizer.canonicalize(expanded.get());
        } catch (InvalidUrlException e) {
            LOG.warnf("Short link %s expands to %s, which is not a valid URL (%s): kept as it is", canonicalUrl,
                    expanded.get(), e.getMessage());
            return canonicalUrl;
        }
    }

    /**
     * Writes a group of referrals in one transaction: each one's idempotency claim, the locks of their contents (one
     * statement, in key order), their precedents, then the referrals, their evidence and custody records and their
     * hand-offs, committed together. No two referrals of a group share a content or an idempotency key, so that each
     * sees what was committed before it exactly as if it were written alone.
     */
    private List<GroupCommit.Outcome<Submission>> create(List<Pending> group) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<GroupCommit.Outcome<Submission>> outcomes = new ArrayList<>(group.size());
            List<Pending> accepted = new ArrayList<>(group.size());
            for (Pending pending : group) {
                GroupCommit.Outcome<Submission> answered = claimIdempotencyKey(pending, now);
                outcomes.add(answered);
                if (answered == null) {
                    accepted.add(pending);
                }
            }
            // Referrals of the same content are serialised, so that each sees the ones before it.
            lock(accepted.stream().flatMap(a -> contentKeys(a.prepared()).stream()).map(ReferralService::lockKey)
                    .toList());
            List<ReferralRepository.Precedents> precedents = accepted.stream()
                    .map(a -> referrals.precedents(a.prepared().canonicalUrl(), a.prepared().sha256(),
                            a.actor().jurisdiction()))
                    .toList();
            for (Pending a : accepted) {
                Prepared p = a.prepared();
                if (p.content() != null) {
                    evidence.describeIfAbsent(p.sha256(), p.md5(), p.mediaType(), p.content().length, now,
                            a.actor().jurisdiction());
                    store.put(p.sha256(), p.content());
                }
            }
            List<Referral> written = new ArrayList<>(accepted.size());
            for (int i = 0; i < accepted.size(); i++) {
                Pending a = accepted.get(i);
                Referral r = referral(a.prepared(), a.actor(), precedents.get(i), now);
                referrals.persist(r);
                if (a.prepared().content() != null) {
                    recordCustody(a.prepared().sha256(), r.id, CustodyAction.SUBMITTED, a.actor(), now);
                }
                written.add(r);
            }
            outbox.enqueueAll(TOPIC, written.stream()
                    .map(r -> new Outbox.Message(r.id.toString(), new HandOff(r.id))).toList());
            for (int i = 0, w = 0; i < group.size(); i++) {
                if (outcomes.get(i) != null) {
                    continue;
                }
                Pending a = group.get(i);
                Referral r = written.get(w++);
                String body = json(ReferralView.of(r));
                if (a.idempotencyKey() != null) {
                    idempotency.complete(a.actor().subject(), a.idempotencyKey(), r.id, 201, body);
                }
                outcomes.set(i, GroupCommit.Outcome.of(new Submission(201, r.id, body, false)));
            }
            return outcomes;
        });
    }

    /**
     * Claims a referral's idempotency key: null when it is the first use (or there is no key), so the referral is to
     * be written; otherwise the answer to give instead (the stored result, or a conflict while it is in progress).
     */
    private GroupCommit.Outcome<Submission> claimIdempotencyKey(Pending p, Instant now) {
        if (p.idempotencyKey() == null
                || idempotency.claim(p.actor().subject(), p.idempotencyKey(), p.requestHash(), now)) {
            return null;
        }
        // A concurrent request with the same key committed first.
        try {
            return GroupCommit.Outcome.of(idempotency.find(p.actor().subject(), p.idempotencyKey())
                    .map(stored -> replay(stored, p.requestHash()))
                    .orElseThrow(() -> ProblemException.conflict("A request with this Idempotency-Key is in progress")));
        } catch (ProblemException e) {
            return GroupCommit.Outcome.failed(e);
        }
    }

    private static List<String> contentKeys(Prepared p) {
        return p.sha256() == null ? List.of("url:" + p.canonicalUrl())
                : List.of("url:" + p.canonicalUrl(), "sha256:" + p.sha256());
    }

    /** The new referral, with its duplicate, group and deconfliction from the referrals of the same content before it. */
    private static Referral referral(Prepared p, Actor actor, ReferralRepository.Precedents precedents, Instant now) {
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.status = ReferralStatus.ACCEPTED;
        r.url = p.request().url();
        r.canonicalUrl = p.canonicalUrl();
        r.platformId = p.platform().platformId();
        r.platformKnown = p.platform().known();
        r.contentType = p.contentType();
        r.text = p.request().text();
        r.mediaType = p.mediaType();
        r.language = p.request().language();
        r.observedAt = p.request().observedAt() == null ? null : p.request().observedAt().truncatedTo(ChronoUnit.MICROS);
        r.notes = p.request().notes();
        r.reference = p.request().reference();
        r.sha256 = p.sha256();
        r.md5 = p.md5();
        r.jurisdiction = actor.jurisdiction();
        r.agency = actor.agency();
        r.submittedBy = actor.subject();
        r.submittedAt = now;
        // duplicateOf names only a referral of the caller's own jurisdiction; another jurisdiction's case shows as the
        // deconfliction block. The new referral joins the group of the earliest referral of the same canonical URL or
        // bytes, so that its hand-off names that group's case.
        r.duplicateOf = precedents.duplicateOf();
        r.groupContentKey = precedents.groupContentKey() != null ? precedents.groupContentKey() : r.contentKey();
        deconflict(r, precedents.earliestInCase());
        return r;
    }

    /**
     * When the same content already has a case owned by another jurisdiction, tells the new
     * reporter that it exists (case id, owning jurisdiction and agency, status) and nothing more.
     * Known here when an earlier referral of the same group (same canonical URL or same bytes, directly or
     * through other referrals of the group) has been taken into a case;
     * otherwise the hand-off records it from case-service's intake answer.
     */
    private static void deconflict(Referral r, ReferralRepository.InCase earlier) {
        if (earlier == null) {
            return;
        }
        boolean ownedElsewhere = earlier.deconflictionCaseId() != null
                ? !earlier.deconflictionJurisdiction().equals(r.jurisdiction)
                : !earlier.jurisdiction().equals(r.jurisdiction);
        if (!ownedElsewhere) {
            return;
        }
        if (earlier.deconflictionCaseId() != null) {
            r.deconflictionCaseId = earlier.deconflictionCaseId();
            r.deconflictionJurisdiction = earlier.deconflictionJurisdiction();
            r.deconflictionAgency = earlier.deconflictionAgency();
            r.deconflictionStatus = earlier.deconflictionStatus();
        } else {
            r.deconflictionCaseId = earlier.caseId();
            r.deconflictionJurisdiction = earlier.jurisdiction();
            r.deconflictionAgency = earlier.agency();
            r.deconflictionStatus = earlier.caseStatus();
        }
    }

    /** A referral the actor may see, or 404 (whether it exists elsewhere is not revealed). */
    public Referral get(UUID id, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> referrals.findByIdOptional(id)
                .filter(r -> ReferralAccess.canSee(actor, r))
                .orElseThrow(() -> ProblemException.notFound("Referral " + id)));
    }

    /** The filters of a listing; all optional. */
    public record Filter(ReferralStatus status, String platformId, Instant since, String agency) {
    }

    /** A page of the referrals the actor may see, oldest first, after the cursor's position. */
    public record Page(List<Referral> items, Referral last, boolean more) {
    }

    public Page list(Filter filter, ReferralCursor after, int limit, Actor actor) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!actor.oversees()) {
            List<String> visible = new ArrayList<>();
            if (actor.jurisdiction() != null && (actor.has(Roles.REVIEWER) || actor.has(Roles.ISSUER))) {
                visible.add("jurisdiction = :jurisdiction");
            }
            if (actor.jurisdiction() != null && actor.has(Roles.REFERRER) && actor.agency() != null) {
                visible.add("(jurisdiction = :jurisdiction and agency = :agency)");
                params.put("agency", actor.agency());
            }
            if (visible.isEmpty()) {
                return new Page(List.of(), null, false);
            }
            params.put("jurisdiction", actor.jurisdiction());
            where.append(" and (").append(String.join(" or ", visible)).append(')');
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.platformId() != null) {
            where.append(" and platformId = :platformId");
            params.put("platformId", filter.platformId());
        }
        if (filter.agency() != null) {
            where.append(" and agency = :agencyFilter");
            params.put("agencyFilter", filter.agency());
        }
        if (filter.since() != null) {
            where.append(" and submittedAt >= :since");
            params.put("since", filter.since());
        }
        if (after != null) {
            where.append(" and (submittedAt > :afterAt or (submittedAt = :afterAt and id > :afterId))");
            params.put("afterAt", after.submittedAt());
            params.put("afterId", after.id());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Referral> found = referrals.find(where + " order by submittedAt, id", params).page(0, limit + 1).list();
            boolean more = found.size() > limit;
            List<Referral> items = more ? found.subList(0, limit) : found;
            return new Page(List.copyOf(items), items.isEmpty() ? null : items.get(items.size() - 1), more);
        });
    }

    /** Records classify-service's verdict in brief; moves ACCEPTED to CLASSIFIED. */
    public void recordClassification(UUID referralId, JsonNode verdict) {
        QuarkusTransaction.requiringNew().run(() -> {
            Referral r = referrals.findById(referralId);
            if (r != null) {
                applyClassification(r, verdict);
            }
        });
    }

    /**
     * Records the verdict (as {@link #recordClassification}) and the case the referral belongs to, in one transaction;
     * moves the referral to CASE_OPENED. When the case is owned by another jurisdiction, records the deconfliction
     * answer: the owning agency is the agency of the owning jurisdiction's earliest referral of the same content group
     * (the case's first referral).
     */
    public void recordClassificationAndCase(UUID referralId, JsonNode verdict, CaseIntakeAnswer answer) {
        QuarkusTransaction.requiringNew().run(() -> {
            Referral r = referrals.findById(referralId);
            if (r != null) {
                applyClassification(r, verdict);
                applyCase(r, answer);
            }
        });
    }

    private static void applyClassification(Referral r, JsonNode verdict) {
        r.classificationId = uuidOrNull(verdict.path("id").asText(null));
        r.classificationScore = score(verdict.path("score"));
        r.classificationTier = verdict.path("tier").isTextual() ? verdict.path("tier").asText() : null;
        List<String> categories = new ArrayList<>();
        verdict.path("categories").forEach(c -> {
            if (c.isTextual()) {
                categories.add(c.asText());
            }
        });
        r.classificationCategories = String.join(",", categories);
        r.classificationRouting = verdict.path("routing").isTextual() ? verdict.path("routing").asText() : null;
        r.classifiedAt = parseInstant(verdict.path("classifiedAt").asText(null));
        if (r.status.isBefore(ReferralStatus.CLASSIFIED)) {
            r.status = ReferralStatus.CLASSIFIED;
        }
    }

    private void applyCase(Referral r, CaseIntakeAnswer answer) {
        UUID caseId = answer.caseId();
        r.caseStatus = answer.status();
        if (answer.ownerJurisdiction() != null && !answer.ownerJurisdiction().equals(r.jurisdiction)) {
            r.deconflictionCaseId = caseId;
            r.deconflictionJurisdiction = answer.ownerJurisdiction();
            r.deconflictionAgency = referrals.earliestOfGroupIn(r.groupContentKey, answer.ownerJurisdiction())
                    .map(first -> first.agency).orElse(null);
            r.deconflictionStatus = answer.status();
        }
        if (r.caseId == null || !r.caseId.equals(caseId)) {
            r.caseId = caseId;
            r.caseLinkedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        if (r.status.isBefore(ReferralStatus.CASE_OPENED)) {
            r.status = ReferralStatus.CASE_OPENED;
        }
    }

    private void recordCustody(String sha256, UUID referralId, CustodyAction action, Actor actor, Instant at) {
        CustodyEvent event = new CustodyEvent();
        event.id = UUID.randomUUID();
        event.sha256 = sha256;
        event.referralId = referralId;
        event.action = action;
        event.actor = actor.subject();
        event.tenant = actor.tenant();
        event.jurisdiction = actor.jurisdiction();
        event.agency = actor.agency();
        event.tokenId = actor.tokenId();
        event.at = at;
        event.persist();
    }

    /**
     * Takes the transaction-scoped advisory locks of these keys in one statement, in ascending key order (every
     * caller takes its keys in that order, so no two transactions wait for each other's locks).
     */
    private void lock(List<Long> keys) {
        Long[] sorted = keys.stream().distinct().sorted().toArray(Long[]::new);
        if (sorted.length == 0) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            // unnest keeps the array's order, and the aggregate reads its rows in that order.
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(pg_advisory_xact_lock(k)) FROM unnest(?) AS locked(k)")) {
                statement.setArray(1, connection.createArrayOf("bigint", sorted));
                statement.executeQuery().close();
            }
        });
    }

    private static long lockKey(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records the PDQ classify-service computed for the referral's image, on the referral and its evidence, and on
     * the evidence the PDQ of its dihedral variants (when given and not yet recorded).
     */
    public void recordPdq(UUID referralId, String sha256, String pdq, int quality, List<PdqVariant> variants) {
        String variantsJson = variants == null || variants.isEmpty() ? null : json(variants);
        QuarkusTransaction.requiringNew().run(() -> {
            Referral r = referrals.findById(referralId);
            if (r != null && r.pdq == null) {
                r.pdq = pdq;
                r.pdqQuality = quality;
            }
            evidence.findByIdOptional(sha256).ifPresent(e -> {
                if (e.pdq == null) {
                    e.pdq = pdq;
                    e.pdqQuality = quality;
                }
                if (e.pdqVariants == null && variantsJson != null) {
                    e.pdqVariants = variantsJson;
                }
            });
        });
    }

    /** The dihedral variants recorded on evidence ({@link eu.vigie.ingest.Evidence#pdqVariants}); empty if none. */
    public List<PdqVariant> pdqVariants(String storedJson) {
        if (storedJson == null) {
            return List.of();
        }
        try {
            return List.of(mapper.readValue(storedJson, PdqVariant[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored dihedral variants cannot be read", e);
        }
    }

    private static void checkNoControlCharacters(String field, String value, boolean multiline) {
        int at = ControlCharacters.firstIn(value);
        if (at < 0 && !multiline && value != null) {
            at = Math.max(value.indexOf('\n'), Math.max(value.indexOf('\r'), value.indexOf('\t')));
        }
        if (at >= 0) {
            throw ProblemException.invalidField(field, "must not contain control characters (U+"
                    + String.format("%04X", (int) value.charAt(at)) + " at position " + at + ")");
        }
    }

    /**
     * Checks that the bytes are what their declared media type says (from their magic numbers), and
     * that an image's header declares sane dimensions (read from the header only: nothing is decoded).
     */
    private void checkBytesAreWhatIsDeclared(byte[] content, String mediaType) {
        String essence = mediaType.contains(";") ? mediaType.substring(0, mediaType.indexOf(';')).strip() : mediaType;
        MediaSniffer.Format format = MediaSniffer.sniff(content).orElseThrow(() -> ProblemException.unprocessable(
                "unrecognised-media", "Unrecognised content", "The bytes are declared as " + essence
                        + " but are none of the accepted formats (JPEG, PNG, GIF, BMP, WebP, MP4/QuickTime, "
                        + "WebM/Matroska, PDF, ZIP/Office, plain UTF-8 text)"));
        if (!format.accepts(essence)) {
            throw ProblemException.unprocessable("media-type-mismatch", "Media type mismatch", "The bytes are "
                    + "declared as " + essence + " but are a " + format.description());
        }
        if (format.isImage()) {
            MediaSniffer.Dimensions d;
            try {
                d = MediaSniffer.dimensions(format, content);
            } catch (MediaSniffer.UnreadableHeaderException e) {
                throw ProblemException.unprocessable("unreadable-image", "Unreadable image header",
                        "The image cannot be accepted: " + e.getMessage());
            }
            if (d.width() > config.maxImagePixels() || d.height() > config.maxImagePixels()
                    || d.pixels() > config.maxImagePixels()) {
                throw ProblemException.unprocessable("image-too-large", "Image dimensions too large",
                        "The image header declares " + d.width() + " x " + d.height() + " pixels; at most "
                                + config.maxImagePixels() + " pixels are accepted");
            }
        }
    }

    private void checkSize(long bytes) {
        long max = config.maxMediaBytes().asLongValue();
        if (bytes > max) {
            throw ProblemException.tooLarge("The content is " + bytes + " bytes; at most " + max
                    + " bytes are accepted inline");
        }
    }

    private byte[] decode(String base64) {
        StringBuilder compact = new StringBuilder(base64.length());
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                compact.append(c);
            }
        }
        int length = compact.length();
        int padding = length > 0 && compact.charAt(length - 1) == '=' ? (length > 1 && compact.charAt(length - 2) == '=' ? 2 : 1) : 0;
        checkSize((long) length / 4 * 3 - padding);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("media.dataBase64", "is not valid base64");
        }
        if (bytes.length == 0) {
            throw ProblemException.invalidField("media.dataBase64", "must not be empty");
        }
        checkSize(bytes.length);
        return bytes;
    }

    private static String normaliseMediaType(String mediaType) {
        String trimmed = mediaType.trim();
        int semicolon = trimmed.indexOf(';');
        String essence = (semicolon < 0 ? trimmed : trimmed.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return semicolon < 0 ? essence : essence + trimmed.substring(semicolon);
    }

    private String requestHash(ReferralRequest request) {
        try {
            return hex("SHA-256", mapper.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A referral request cannot be written as JSON", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A referral cannot be written as JSON", e);
        }
    }

    static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** The verdict's score when it is a number in [0,1] (kept to three decimals); null otherwise. */
    static java.math.BigDecimal score(JsonNode score) {
        if (!score.isNumber()) {
            return null;
        }
        java.math.BigDecimal value = score.decimalValue();
        if (value.signum() < 0 || value.compareTo(java.math.BigDecimal.ONE) > 0) {
            LOG.warnf("Classification score %s is outside [0,1]: not recorded", value);
            return null;
        }
        return value.setScale(3, java.math.RoundingMode.HALF_UP);
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return text == null ? Instant.now() : Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
        } catch (RuntimeException e) {
            return Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
    }
}
