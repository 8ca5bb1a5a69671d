package eu.vigie.cases.console;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.vigie.cases.CaseStatus;
import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.RemovalOrderStatus;
import eu.vigie.cases.client.IngestReporting;
import eu.vigie.cases.config.ConsoleConfig;
import eu.vigie.cases.rest.AssessmentRequest;
import eu.vigie.cases.rest.AssessmentView;
import eu.vigie.cases.rest.CasePage;
import eu.vigie.cases.rest.CaseView;
import eu.vigie.cases.rest.ComplianceReport;
import eu.vigie.cases.rest.DeconflictionView;
import eu.vigie.cases.rest.ReferralView;
import eu.vigie.cases.rest.RemovalOrderRequest;
import eu.vigie.cases.rest.RemovalOrderView;
import eu.vigie.cases.rest.TransparencyReport;
import eu.vigie.cases.rest.WithdrawalRequest;
import eu.vigie.cases.service.AuditService;
import eu.vigie.cases.service.CaseService;
import eu.vigie.cases.service.ComplianceHistory;
import eu.vigie.cases.service.RemovalOrderService;
import eu.vigie.cases.service.ReportService;
import eu.vigie.cases.service.ReviewService;
import eu.vigie.cases.service.Views;
import eu.vigie.common.problem.Problem;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.common.vocabulary.AssessmentDecision;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The officers' console: server-rendered pages under {@code /console/<tenant>/...} (the path picks the
 * government, and with it the OIDC web-app tenant the officer signs in with). Plain HTML forms,
 * CSRF-protected; the pages call the same service layer as the API (and ingest-service's public API
 * with the officer's own token), so every rule, refusal and audit record is the API's. Refusals are
 * shown on the page as readable messages. Not part of the API: excluded from the OpenAPI document.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    private static final Logger LOG = Logger.getLogger(ConsoleResource.class);

    /** The console tenants in the path: lower-case names only. */
    private static final String GOVERNMENT = "{government: [a-z][a-z0-9]{0,30}}";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/bmp");
    private static final String CSV = "text/csv";
    /** The months of the compliance page's time-to-removal chart. */
    private static final int CHART_MONTHS = 6;

    /** A government (or the operator) with a console, for the sign-in chooser. */
    public record Government(String tenant, String name) {
    }

    private final ConsoleContext context;
    private final ConsoleConfig config;
    private final Caller caller;
    private final CaseService cases;
    private final ReviewService review;
    private final RemovalOrderService orders;
    private final AuditService audit;
    private final ReportService reports;
    private final Views views;
    private final IngestReporting ingest;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final ConsoleCsrf csrf;

    public ConsoleResource(ConsoleCsrf csrf, ConsoleContext context, ConsoleConfig config, Caller caller, CaseService cases,
            ReviewService review, RemovalOrderService orders, AuditService audit, ReportService reports, Views views,
            IngestReporting ingest, Validator validator, ObjectMapper mapper) {
        this.csrf = csrf;
        this.context = context;
        this.config = config;
        this.caller = caller;
        this.cases = cases;
        this.review = review;
        this.orders = orders;
        this.audit = audit;
        this.reports = reports;
        this.views = views;
        this.ingest = ingest;
        this.validator = validator;
        this.mapper = mapper;
    }

    // ---- Public pages: choosing the government, the language, after sign-out ----

    @GET
    @PermitAll
    public TemplateInstance choose() {
        List<Government> governments = config.tenants().stream().sorted()
                .map(t -> new Government(t, config.names().getOrDefault(t, t.toUpperCase(Locale.ROOT)))).toList();
        return localized(Templates.choose(context.anonymousPage(), governments), context.anonymousPage());
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return localized(Templates.signedOut(context.anonymousPage()), context.anonymousPage());
    }

    /** Keeps the officer's language in a cookie and goes back to the page they were on (a console page only). */
    @GET
    @Path("/language")
    @PermitAll
    public Response language(@QueryParam("lang") String lang, @QueryParam("return") String back) {
        String chosen = ConsolePage.LANGUAGES.contains(lang) ? lang : "en";
        String target = back != null && back.matches("/console(/[A-Za-z0-9._~/-]*)?") && !back.contains("//")
                ? back : "/console";
        NewCookie cookie = new NewCookie.Builder(ConsoleContext.LANGUAGE_COOKIE).value(chosen).path("/console")
                .maxAge((int) Duration.ofDays(365).toSeconds()).httpOnly(true).sameSite(NewCookie.SameSite.LAX)
                .secure(context.secure()).build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }

    // ---- Home ----

    @GET
    @Path("/" + GOVERNMENT)
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.SCRUTINEER, Roles.REGULATOR, Roles.AUDITOR })
    public TemplateInstance home(@PathParam("government") String government) {
        ConsolePage page = context.page(government);
        return localized(Templates.home(page), page);
    }

    // ---- Report (ingest-service, with the officer's token) ----

    @GET
    @Path("/" + GOVERNMENT + "/report")
    @RolesAllowed(Roles.REFERRER)
    public TemplateInstance reportForm(@PathParam("government") String government) {
        ConsolePage page = context.page(government);
        return localized(Templates.report(page, new ConsoleForms.Report(null, null, null, null, null,
                UUID.randomUUID().toString()), null), page);
    }

    @POST
    @Path("/" + GOVERNMENT + "/report")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.REFERRER)
    public Response report(@PathParam("government") String government, @RestForm(ConsoleCsrf.FIELD) String csrfToken, @RestForm String url,
            @RestForm String text, @RestForm("file") FileUpload file, @RestForm String language,
            @RestForm String notes, @RestForm String reference, @RestForm String idempotencyKey) {
        ConsolePage page = context.page(government);
        csrf.verify(csrfToken);
        ConsoleForms.Report form = new ConsoleForms.Report(url, text, language, notes, reference,
                idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey);
        try {
            ObjectNode referral = mapper.createObjectNode();
            referral.put("url", ConsoleForms.blankToNull(url));
            boolean hasFile = file != null && file.size() > 0 && file.uploadedFile() != null;
            if (hasFile) {
                String mediaType = file.contentType() == null ? "application/octet-stream"
                        : file.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
                referral.put("contentType", mediaType.startsWith("image/") ? "IMAGE"
                        : mediaType.startsWith("video/") ? "VIDEO" : "DOCUMENT");
                ObjectNode media = referral.putObject("media");
                media.put("mediaType", mediaType);
                media.put("dataBase64", Base64.getEncoder().encodeToString(Files.readAllBytes(file.uploadedFile())));
                putIfPresent(referral, "text", text);
            } else if (ConsoleForms.blankToNull(text) != null) {
                referral.put("contentType", "TEXT");
                referral.put("text", text);
            } else {
                referral.put("contentType", "URL");
            }
            putIfPresent(referral, "language", language);
            putIfPresent(referral, "notes", notes);
            putIfPresent(referral, "reference", reference);
            if (referral.path("url").isNull()) {
                throw ProblemException.invalidField("url", "is required: where the content is");
            }
            JsonNode answer = ingest.submit(form.idempotencyKey(), referral);
            return Response.seeOther(URI.create(page.base() + "/referrals/" + answer.path("id").asText())).build();
        } catch (ProblemException e) {
            // A refusal created nothing: the corrected form is a new submission with a new key. After
            // an outage the same key is kept, so that sending again cannot create the referral twice.
            ConsoleForms.Report again = e.status() >= 500 ? form
                    : new ConsoleForms.Report(url, text, language, notes, reference, UUID.randomUUID().toString());
            return page(e.status(), Templates.report(page, again, Failure.of(e)), page);
        } catch (TimeoutException | CircuitBreakerOpenException e) {
            return page(503, Templates.report(page, form, Failure.of(IngestReporting.unavailable(e))), page);
        } catch (IOException e) {
            return page(400, Templates.report(page, form, Failure.of(ProblemException.invalidField("file",
                    "could not be read"))), page);
        }
    }

    @GET
    @Path("/" + GOVERNMENT + "/referrals/{id}")
    @RolesAllowed(Roles.REFERRER)
    public TemplateInstance referral(@PathParam("government") String government, @PathParam("id") UUID id) {
        ConsolePage page = context.page(government);
        try {
            return localized(Templates.referral(page, ConsoleForms.ReferralResult.of(ingest.referral(id.toString()))),
                    page);
        } catch (TimeoutException | CircuitBreakerOpenException e) {
            throw IngestReporting.unavailable(e);
        }
    }

    // ---- Cases and the review queue ----

    @GET
    @Path("/" + GOVERNMENT + "/cases")
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.REGULATOR, Roles.AUDITOR })
    public TemplateInstance cases(@PathParam("government") String government, @QueryParam("status") String status,
            @QueryParam("cursor") String cursor) {
        ConsolePage page = context.page(government);
        String jurisdiction = caller.hasRole(Roles.AUDITOR) ? null : caller.requireJurisdiction();
        String chosen = ConsoleForms.blankToNull(status);
        CasePage list = cases.list(jurisdiction, chosen, null, cursor, null);
        return localized(Templates.cases(page, list.items(), chosen, list.nextCursor(), "cases"), page);
    }

    @GET
    @Path("/" + GOVERNMENT + "/queue")
    @RolesAllowed(Roles.REVIEWER)
    public TemplateInstance queue(@PathParam("government") String government) {
        ConsolePage page = context.page(government);
        return localized(Templates.cases(page, review.queue(caller.requireJurisdiction(), null), null, null, "queue"),
                page);
    }

    @POST
    @Path("/" + GOVERNMENT + "/cases/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response claim(@PathParam("government") String government, @RestForm(ConsoleCsrf.FIELD) String csrfToken, @PathParam("id") UUID id) {
        ConsolePage page = context.page(government);
        csrf.verify(csrfToken);
        try {
            review.claim(id);
            return Response.seeOther(URI.create(page.base() + "/cases/" + id)).build();
        } catch (ProblemException e) {
            return casePage(page, id, null, null, Failure.of(e), e.status());
        }
    }

    @GET
    @Path("/" + GOVERNMENT + "/cases/{id}")
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.REGULATOR, Roles.AUDITOR })
    public Response caseFile(@PathParam("government") String government, @PathParam("id") UUID id) {
        return casePage(context.page(government), id, null, null, null, 200);
    }

    @POST
    @Path("/" + GOVERNMENT + "/cases/{id}/assessment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response assess(@PathParam("government") String government, @RestForm(ConsoleCsrf.FIELD) String csrfToken, @PathParam("id") UUID id,
            @RestForm String decision, @RestForm List<String> categories, @RestForm String tier,
            @RestForm String entity, @RestForm String legalBasis, @RestForm String reasons) {
        ConsolePage page = context.page(government);
        csrf.verify(csrfToken);
        List<String> chosen = categories == null ? List.of() : categories.stream().filter(Objects::nonNull).toList();
        ConsoleForms.Assessment form = new ConsoleForms.Assessment(decision, chosen, tier, entity, legalBasis, reasons);
        List<Problem.Violation> violations = new ArrayList<>();
        AssessmentDecision parsedDecision = parse(AssessmentDecision.class, "decision", decision, violations);
        Tier parsedTier = parse(Tier.class, "tier", tier, violations);
        List<Category> parsedCategories = new ArrayList<>();
        for (String c : chosen) {
            Category category = parse(Category.class, "categories", c, violations);
            if (category != null) {
                parsedCategories.add(category);
            }
        }
        AssessmentRequest request = new AssessmentRequest(parsedDecision, parsedCategories, parsedTier,
                ConsoleForms.blankToNull(entity), ConsoleForms.blankToNull(legalBasis), ConsoleForms.blankToNull(reasons));
        violations.addAll(violations(request));
        if (!violations.isEmpty()) {
            return casePage(page, id, form, null, Failure.invalid(violations), 400);
        }
        try {
            review.assess(id, request);
            return Response.seeOther(URI.create(page.base() + "/cases/" + id + "#assessment")).build();
        } catch (ProblemException e) {
            return casePage(page, id, form, null, Failure.of(e), e.status());
        }
    }

    /**
     * The preserved content of a case, behind a graphic-content warning: shown only once the officer has
     * chosen to see it ({@code confirm=yes}). Text is shown with the spans the classification matched
     * highlighted; images inline; anything else as a download.
     */
    @GET
    @Path("/" + GOVERNMENT + "/cases/{id}/content/{sha256}")
    @RolesAllowed({ Roles.REVIEWER, Roles.ISSUER, Roles.AUDITOR })
    public TemplateInstance content(@PathParam("government") String government, @PathParam("id") UUID id,
            @PathParam("sha256") String sha256, @QueryParam("confirm") String confirm) {
        ConsolePage page = context.page(government);
        ConsoleForms.ReferralEvidence referral = evidenceOf(id, sha256);
        if (!"yes".equals(confirm)) {
            return localized(Templates.content(page, id, sha256, false, null, List.of(), false), page);
        }
        IngestReporting.Evidence evidence = readEvidence(sha256);
        String mediaType = evidence.mediaType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        List<HighlightedText.Segment> segments = List.of();
        if (mediaType.startsWith("text/")) {
            String text = new String(evidence.bytes(), StandardCharsets.UTF_8);
            segments = HighlightedText.of(text, referral.evidence() == null ? List.of() : referral.evidence().indicators());
        }
        return localized(Templates.content(page, id, sha256, true, mediaType, segments,
                INLINE_IMAGES.contains(mediaType)), page);
    }

    /** The preserved bytes themselves: inline for common images, otherwise as a download; never sniffed or cached. */
    @GET
    @Path("/" + GOVERNMENT + "/cases/{id}/content/{sha256}/raw")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.REVIEWER, Roles.ISSUER, Roles.AUDITOR })
    public Response rawContent(@PathParam("government") String government, @PathParam("id") UUID id,
            @PathParam("sha256") String sha256, @QueryParam("confirm") String confirm) {
        context.page(government);
        evidenceOf(id, sha256);
        if (!"yes".equals(confirm)) {
            throw ProblemException.badRequest("The graphic-content warning must be accepted first");
        }
        IngestReporting.Evidence evidence = readEvidence(sha256);
        String mediaType = evidence.mediaType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        boolean inline = INLINE_IMAGES.contains(mediaType);
        return Response.ok(evidence.bytes()).type(inline ? mediaType : MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + sha256 + "\"")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox").build();
    }

    @GET
    @Path("/" + GOVERNMENT + "/cases/{id}/audit")
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.REGULATOR, Roles.AUDITOR })
    public TemplateInstance caseTrail(@PathParam("government") String government, @PathParam("id") UUID id) {
        ConsolePage page = context.page(government);
        return localized(Templates.caseTrail(page, id, audit.ofCase(id, true)), page);
    }

    // ---- Removal orders ----

    @POST
    @Path("/" + GOVERNMENT + "/cases/{id}/removal-orders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ISSUER)
    public Response issue(@PathParam("government") String government, @RestForm(ConsoleCsrf.FIELD) String csrfToken, @PathParam("id") UUID id,
            @RestForm String fileNumber, @RestForm String urls, @RestForm String contentLocator,
            @RestForm List<String> categories, @RestForm String reasons, @RestForm String doNotInform,
            @RestForm String emergency, @RestForm String emergencyReasons, @RestForm String officer) {
        ConsolePage page = context.page(government);
        csrf.verify(csrfToken);
        List<String> chosen = categories == null ? List.of() : categories.stream().filter(Objects::nonNull).toList();
        ConsoleForms.Order form = new ConsoleForms.Order(fileNumber, urls, contentLocator, chosen, reasons,
                doNotInform != null, emergency != null, emergencyReasons, officer);
        List<Problem.Violation> violations = new ArrayList<>();
        List<Category> parsedCategories = new ArrayList<>();
        for (String c : chosen) {
            Category category = parse(Category.class, "categories", c, violations);
            if (category != null) {
                parsedCategories.add(category);
            }
        }
        List<String> urlList = ConsoleForms.lines(urls);
        String officerName = ConsoleForms.blankToNull(officer);
        RemovalOrderRequest request = new RemovalOrderRequest(ConsoleForms.blankToNull(fileNumber),
                urlList.isEmpty() ? null : urlList, ConsoleForms.blankToNull(contentLocator),
                parsedCategories.isEmpty() ? null : parsedCategories, ConsoleForms.blankToNull(reasons),
                doNotInform != null, emergency != null, ConsoleForms.blankToNull(emergencyReasons),
                officerName == null ? null : new RemovalOrderRequest.Authority(null, null, officerName, null), null);
        violations.addAll(violations(request));
        if (!violations.isEmpty()) {
            return casePage(page, id, null, form, Failure.invalid(violations), 400);
        }
        try {
            RemovalOrder order = orders.issue(id, request);
            return Response.seeOther(URI.create(page.base() + "/orders/" + order.id)).build();
        } catch (ProblemException e) {
            return casePage(page, id, null, form, Failure.of(e), e.status());
        }
    }

    @GET
    @Path("/" + GOVERNMENT + "/orders/{id}")
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.REGULATOR, Roles.AUDITOR, Roles.SCRUTINEER })
    public TemplateInstance order(@PathParam("government") String government, @PathParam("id") UUID id) {
        ConsolePage page = context.page(government);
        return orderPage(page, views.orderView(orders.get(id)), null);
    }

    @POST
    @Path("/" + GOVERNMENT + "/orders/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ISSUER)
    public Response withdraw(@PathParam("government") String government, @RestForm(ConsoleCsrf.FIELD) String csrfToken, @PathParam("id") UUID id,
            @RestForm String reasons) {
        ConsolePage page = context.page(government);
        csrf.verify(csrfToken);
        WithdrawalRequest request = new WithdrawalRequest(ConsoleForms.blankToNull(reasons));
        List<Problem.Violation> violations = violations(request);
        try {
            if (!violations.isEmpty()) {
                return Response.status(400).entity(orderPage(page, views.orderView(orders.get(id)),
                        Failure.invalid(violations))).build();
            }
            orders.withdraw(id, request);
            return Response.seeOther(URI.create(page.base() + "/orders/" + id)).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(orderPage(page, views.orderView(orders.get(id)), Failure.of(e)))
                    .build();
        }
    }

    // ---- Regulator: compliance and transparency ----

    @GET
    @Path("/" + GOVERNMENT + "/compliance")
    @RolesAllowed({ Roles.REGULATOR, Roles.ISSUER })
    public Response compliance(@PathParam("government") String government, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("platformId") String platformId) {
        ConsolePage page = context.page(government);
        try {
            Instant fromTime = day("from", from);
            Instant toTime = day("to", to);
            ComplianceHistory history = reports.complianceHistory(fromTime == null ? null : fromTime.toString(),
                    toTime == null ? null : toTime.toString(), platformId, CHART_MONTHS, "HTML");
            ComplianceReport report = history.report();
            List<String> platforms = report.platforms().stream().map(ComplianceReport.PlatformCompliance::platformId)
                    .toList();
            String chosen = history.platformId();
            String share = SvgChart.horizontal("share-within-hour", "Share of orders complied with within one hour",
                    report.platforms().stream().map(p -> new SvgChart.Bar(p.platformId(), p.shareWithinOneHour(),
                            SvgChart.percent(p.shareWithinOneHour()))).toList(), 1.0);
            String breaches = SvgChart.horizontal("breaches", "Breaches in the last twelve months",
                    report.platforms().stream().map(p -> new SvgChart.Bar(p.platformId(),
                            (double) p.breachesLast12Months(), String.valueOf(p.breachesLast12Months()))).toList(), null);
            List<ConsoleForms.Month> months = history.months().stream().map(ConsoleResource::month).toList();
            String time = SvgChart.horizontal("time-to-removal", "Median time to removal per month, " + chosen,
                    months.stream().map(m -> new SvgChart.Bar(m.label(), m.median(), m.medianText())).toList(), null);
            return page(200, Templates.compliance(page, report, from, to, chosen, platforms, share, breaches, time,
                    months, null), page);
        } catch (ProblemException e) {
            return page(e.status(), Templates.compliance(page, null, from, to, null, List.of(), null, null, null,
                    List.of(), Failure.of(e)), page);
        }
    }

    @GET
    @Path("/" + GOVERNMENT + "/transparency")
    @RolesAllowed({ Roles.REGULATOR, Roles.ISSUER, Roles.AUDITOR })
    public Response transparency(@PathParam("government") String government, @QueryParam("year") String year) {
        ConsolePage page = context.page(government);
        String chosen = ConsoleForms.blankToNull(year) == null
                ? String.valueOf(Instant.now().atZone(ZoneOffset.UTC).getYear()) : year.strip();
        try {
            TransparencyReport report = reports.transparency(chosen, null, "JSON");
            return page(200, Templates.transparency(page, report, chosen, null), page);
        } catch (ProblemException e) {
            return page(e.status(), Templates.transparency(page, null, chosen, Failure.of(e)), page);
        }
    }

    @GET
    @Path("/" + GOVERNMENT + "/transparency.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.REGULATOR, Roles.ISSUER, Roles.AUDITOR })
    public Response transparencyCsv(@PathParam("government") String government, @QueryParam("year") String year) {
        context.page(government);
        TransparencyReport report = reports.transparency(year, null, "CSV");
        return Response.ok(ReportService.csv(report)).type(CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"transparency-"
                        + (report.jurisdiction() == null ? "all" : report.jurisdiction()) + "-" + report.year() + ".csv\"")
                .build();
    }

    // ---- Auditor ----

    @GET
    @Path("/" + GOVERNMENT + "/audit")
    @RolesAllowed(Roles.AUDITOR)
    public TemplateInstance audit(@PathParam("government") String government, @QueryParam("verify") String verify) {
        ConsolePage page = context.page(government);
        return localized(Templates.audit(page, "yes".equals(verify) ? audit.verify() : null), page);
    }

    // ---- Errors: readable pages, never a stack trace ----

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return errorPage(Failure.of(e));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return errorPage(new Failure(403, "Forbidden", "Your roles or jurisdiction do not allow this page", List.of()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return errorPage(new Failure(401, "Sign-in required", "Choose your government's console to sign in",
                List.of()));
    }

    @ServerExceptionMapper
    public Response faultTolerance(TimeoutException e) {
        return errorPage(Failure.of(IngestReporting.unavailable(e)));
    }

    @ServerExceptionMapper
    public Response openCircuit(CircuitBreakerOpenException e) {
        return errorPage(Failure.of(IngestReporting.unavailable(e)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return errorPage(new Failure(status, e.getResponse().getStatusInfo().getReasonPhrase(),
                "The request could not be processed", List.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 500)
    public Response unexpected(RuntimeException e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s in the console", errorId);
        return errorPage(new Failure(500, "Internal error", "The page could not be shown; quote the error id "
                + errorId + " to the operators", List.of()));
    }

    // ---- helpers ----

    private Response errorPage(Failure failure) {
        ConsolePage page = context.pageIfSignedIn().orElseGet(context::anonymousPage);
        return page(failure.status(), Templates.error(page, failure), page);
    }

    private Response casePage(ConsolePage page, UUID id, ConsoleForms.Assessment assessment, ConsoleForms.Order order,
            Failure failure, int status) {
        Object found = cases.get(id);
        if (found instanceof DeconflictionView deconfliction) {
            return page(failure == null ? 200 : status, Templates.deconfliction(page, deconfliction), page);
        }
        CaseView c = (CaseView) found;
        List<ConsoleForms.ReferralEvidence> referrals = new ArrayList<>();
        for (ReferralView r : c.referrals()) {
            JsonNode verdict = r.classification() != null && r.classification().isObject() ? r.classification()
                    : c.classification();
            String sha256 = r.contentType() != null && r.contentType() != eu.vigie.common.vocabulary.ContentType.URL
                    && r.signals() != null && r.signals().path("sha256").isTextual()
                            ? r.signals().path("sha256").asText() : null;
            referrals.add(new ConsoleForms.ReferralEvidence(r, ClassificationEvidence.of(verdict), sha256));
        }
        boolean owner = caller.jurisdiction().filter(c.ownerJurisdiction()::equals).isPresent();
        boolean mayAssess = owner && caller.hasRole(Roles.REVIEWER) && c.status().assessable();
        AssessmentView done = c.assessment();
        boolean fourEyes = owner && caller.hasRole(Roles.ISSUER) && done != null
                && caller.subject().equals(done.assessedBy());
        boolean mayIssue = owner && caller.hasRole(Roles.ISSUER) && c.status() != CaseStatus.CLOSED
                && done != null && done.decision() == AssessmentDecision.TERRORIST_CONTENT;
        ConsoleForms.Assessment assessmentForm = assessment != null ? assessment
                : done == null ? ConsoleForms.Assessment.empty()
                        : new ConsoleForms.Assessment(done.decision().name(),
                                done.categories().stream().map(Enum::name).toList(),
                                done.tier() == null ? null : done.tier().name(), done.entity(), done.legalBasis(),
                                done.reasons());
        ConsoleForms.Order orderForm = order != null ? order
                : new ConsoleForms.Order(null, String.join("\n", c.urls()), null,
                        done == null ? List.of() : done.categories().stream().map(Enum::name).toList(),
                        done == null ? null : done.reasons(), false, false, null, null);
        return page(failure == null ? 200 : status, Templates.caseFile(page, c, referrals, assessmentForm, orderForm,
                failure, fourEyes, mayAssess, mayIssue), page);
    }

    private TemplateInstance orderPage(ConsolePage page, RemovalOrderView o, Failure failure) {
        String remaining = null;
        if (o.deadlineAt() != null && (o.status() == RemovalOrderStatus.RECEIVED)) {
            Duration left = Duration.between(Instant.now(), o.deadlineAt());
            remaining = left.isNegative() ? "0:00:00"
                    : String.format(Locale.ROOT, "%d:%02d:%02d", left.toHours(), left.toMinutesPart(),
                            left.toSecondsPart());
        }
        return localized(Templates.order(page, o, failure, remaining, !o.status().inForce()), page);
    }

    /** The referral of case {@code id} whose preserved content is {@code sha256}; 404 when the case has none. */
    private ConsoleForms.ReferralEvidence evidenceOf(UUID id, String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw ProblemException.notFound("Content " + sha256);
        }
        Object found = cases.get(id);
        if (!(found instanceof CaseView c)) {
            throw ProblemException.notFound("Content " + sha256 + " of case " + id);
        }
        for (ReferralView r : c.referrals()) {
            if (r.signals() != null && sha256.equals(r.signals().path("sha256").asText(null))) {
                JsonNode verdict = r.classification() != null && r.classification().isObject() ? r.classification()
                        : c.classification();
                return new ConsoleForms.ReferralEvidence(r, ClassificationEvidence.of(verdict), sha256);
            }
        }
        throw ProblemException.notFound("Content " + sha256 + " of case " + id);
    }

    private IngestReporting.Evidence readEvidence(String sha256) {
        try {
            return ingest.evidence(sha256);
        } catch (TimeoutException | CircuitBreakerOpenException e) {
            throw IngestReporting.unavailable(e);
        }
    }

    /** A month of the time-to-removal chart: no figures when the platform received no order that month. */
    private static ConsoleForms.Month month(ComplianceHistory.Month month) {
        ComplianceReport.PlatformCompliance p = month.figures();
        return new ConsoleForms.Month(month.month().toString(), p == null ? 0 : p.ordersReceived(),
                p == null ? null : p.medianSecondsToRemoval(), p == null ? null : p.p90SecondsToRemoval(),
                p == null ? null : p.shareWithinOneHour());
    }

    /** A date (yyyy-mm-dd) from a date field as the start of that day, UTC; null when left empty. */
    private static Instant day(String field, String value) {
        if (ConsoleForms.blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date such as 2026-01-31");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value,
            List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation(field, "is not one of the choices offered"));
            return null;
        }
    }

    private <T> List<Problem.Violation> violations(T request) {
        List<Problem.Violation> found = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(request)) {
            found.add(new Problem.Violation(v.getPropertyPath().toString(), v.getMessage()));
        }
        found.sort(Comparator.comparing(Problem.Violation::field));
        return found;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        String v = ConsoleForms.blankToNull(value);
        if (v != null) {
            node.put(field, v);
        }
    }

    private static TemplateInstance localized(TemplateInstance instance, ConsolePage page) {
        return instance.setLocale(page.locale());
    }

    private static Response page(int status, TemplateInstance instance, ConsolePage page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(localized(instance, page)).build();
    }
}
