package eu.vigie.cases.console;

import java.util.List;
import java.util.UUID;

import eu.vigie.cases.rest.CaseSummary;
import eu.vigie.cases.rest.CaseView;
import eu.vigie.cases.rest.ComplianceReport;
import eu.vigie.cases.rest.DeconflictionView;
import eu.vigie.cases.rest.RemovalOrderView;
import eu.vigie.cases.rest.TransparencyReport;
import eu.vigie.cases.service.AuditService;
import eu.vigie.cases.service.AuditTrail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages: src/main/resources/templates/console/*.html, each around console/layout.html. */
@CheckedTemplate(basePath = "console", requireTypeSafeExpressions = false)
final class Templates {

    private Templates() {
    }

    static native TemplateInstance choose(ConsolePage page, List<ConsoleResource.Government> governments);

    static native TemplateInstance signedOut(ConsolePage page);

    static native TemplateInstance error(ConsolePage page, Failure failure);

    static native TemplateInstance home(ConsolePage page);

    static native TemplateInstance report(ConsolePage page, ConsoleForms.Report form, Failure failure);

    static native TemplateInstance referral(ConsolePage page, ConsoleForms.ReferralResult referral);

    static native TemplateInstance cases(ConsolePage page, List<CaseSummary> cases, String status, String next,
            String title);

    static native TemplateInstance caseFile(ConsolePage page, CaseView c, List<ConsoleForms.ReferralEvidence> referrals,
            ConsoleForms.Assessment assessment, ConsoleForms.Order order, Failure failure, boolean fourEyes,
            boolean mayAssess, boolean mayIssue);

    static native TemplateInstance deconfliction(ConsolePage page, DeconflictionView c);

    static native TemplateInstance content(ConsolePage page, UUID caseId, String sha256, boolean confirmed,
            String mediaType, List<HighlightedText.Segment> segments, boolean image);

    static native TemplateInstance order(ConsolePage page, RemovalOrderView o, Failure failure, String remaining,
            boolean settled);

    static native TemplateInstance caseTrail(ConsolePage page, UUID caseId, AuditService.CaseTrail trail);

    static native TemplateInstance compliance(ConsolePage page, ComplianceReport report, String from, String to,
            String platformId, List<String> platforms, String shareChart, String breachChart, String timeChart,
            List<ConsoleForms.Month> months, Failure failure);

    static native TemplateInstance transparency(ConsolePage page, TransparencyReport report, String year,
            Failure failure);

    static native TemplateInstance audit(ConsolePage page, AuditTrail.Verification verification);
}
