package eu.vigie.cases.console;

import eu.vigie.cases.CaseStatus;
import eu.vigie.cases.RemovalOrderStatus;
import eu.vigie.common.vocabulary.AssessmentDecision;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's words, in English (here) and French ({@code messages/msg_fr.properties}); templates
 * use them as {@code {msg:key}}. The page's language is the officer's choice or the browser's.
 */
@MessageBundle(locale = "en")
public interface ConsoleMessages {

    @Message("Vigie")
    String app_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Main menu")
    String nav_label();

    @Message("Home")
    String nav_home();

    @Message("Report")
    String nav_report();

    @Message("Review queue")
    String nav_queue();

    @Message("Cases")
    String nav_cases();

    @Message("Compliance")
    String nav_compliance();

    @Message("Transparency report")
    String nav_transparency();

    @Message("Audit trail")
    String nav_audit();

    @Message("{username} · {agency} · {jurisdiction}")
    String who_detail(String username, String agency, String jurisdiction);

    @Message("Roles: {roles}")
    String who_roles(String roles);

    @Message("Sign out")
    String sign_out();

    @Message("Français")
    String other_language();

    @Message("Vigie – removal of terrorist content online (Regulation (EU) 2021/784). Every read and decision is recorded in the audit trail.")
    String footer();

    @Message("{#when status}{#is 400}The form is not valid{#is 401}Sign-in required{#is 403}Not allowed{#is 404}Not found{#is 409}Not possible now{#is 413}Too large{#is 422}Cannot be done{#is 503}Service unavailable{#else}Something went wrong{/when}")
    String error_heading(int status);

    @Message("Four-eyes rule")
    String four_eyes_heading();

    @Message("You assessed this case, so you may not also issue its removal order or referral: the law and Vigie's rules require that a second officer with the issuer role does it. Ask another issuer of your authority to review the case and issue the order.")
    String four_eyes_explained();

    @Message("Sign in to the console")
    String choose_title();

    @Message("Choose your government: you sign in with your own government's identity provider.")
    String choose_intro();

    @Message("You are signed out")
    String signed_out_title();

    @Message("Your session has ended. Close the browser if you use a shared computer.")
    String signed_out_text();

    @Message("Sign in again")
    String sign_in_again();

    @Message("Console")
    String home_title();

    @Message("Welcome, {name}.")
    String home_welcome(String name);

    @Message("Report a URL, a text or a file.")
    String home_report();

    @Message("Cases waiting for assessment, most urgent first.")
    String home_queue();

    @Message("All cases of your jurisdiction.")
    String home_cases();

    @Message("Compliance of platforms with removal orders.")
    String home_compliance();

    @Message("The yearly figures (Art. 8) and their CSV.")
    String home_transparency();

    @Message("Verify the hash-chained audit trail.")
    String home_audit();

    @Message("Report content")
    String report_title();

    @Message("Give the URL where the content is. Add its text or upload the file if you have it: Vigie preserves it as evidence and hashes it.")
    String report_intro();

    @Message("URL of the content (required)")
    String report_url();

    @Message("An absolute http or https address.")
    String report_url_hint();

    @Message("Text of the content")
    String report_text();

    @Message("Optional. Paste the text as published.")
    String report_text_hint();

    @Message("File (image, video, document)")
    String report_file();

    @Message("Optional. The bytes are preserved and hashed (SHA-256, MD5, PDQ for images).")
    String report_file_hint();

    @Message("Language of the content")
    String report_language();

    @Message("For example en, fr or ar.")
    String report_language_hint();

    @Message("Your reference")
    String report_reference();

    @Message("Notes")
    String report_notes();

    @Message("Send the report")
    String report_submit();

    @Message("Report something else")
    String report_another();

    @Message("Referral")
    String referral_title();

    @Message("Vigie is classifying the content and opening its case; this page refreshes by itself.")
    String referral_pending();

    @Message("Referral id")
    String referral_id();

    @Message("Status")
    String referral_status();

    @Message("URL")
    String referral_url();

    @Message("Canonical URL")
    String referral_canonical();

    @Message("Platform")
    String referral_platform();

    @Message("Content")
    String referral_content_type();

    @Message("Same content reported before")
    String referral_duplicate();

    @Message("Classification")
    String referral_classification();

    @Message("Case")
    String referral_case();

    @Message("Not yet opened")
    String referral_case_pending();

    @Message("Reported by {agency} ({jurisdiction})")
    String referral_by(String agency, String jurisdiction);

    @Message("not in the registry")
    String platform_unknown();

    @Message("quality {quality}")
    String pdq_quality(String quality);

    @Message("Another authority already has a case for this content")
    String deconfliction_heading();

    @Message("The case belongs to {jurisdiction} ({agency}); its status is {status}. Its content, notes and evidence are theirs unless they share the case with you: contact them before acting.")
    String deconfliction_text(String jurisdiction, String agency, String status);

    @Message("Case id")
    String case_id();

    @Message("Review queue")
    String queue_title();

    @Message("Cases of your jurisdiction waiting for assessment: most urgent tier first, then highest score, then oldest. Claim a case to review it.")
    String queue_intro();

    @Message("Cases")
    String cases_title();

    @Message("Status")
    String cases_status();

    @Message("Any status")
    String cases_any_status();

    @Message("Filter")
    String filter();

    @Message("No cases.")
    String no_cases();

    @Message("Case")
    String case_col();

    @Message("Tier")
    String tier();

    @Message("Score")
    String score();

    @Message("Platform")
    String platform();

    @Message("Status")
    String status();

    @Message("Received")
    String age();

    @Message("Claimed by")
    String claimed_by();

    @Message("Action")
    String action();

    @Message("Claim")
    String claim();

    @Message("Claim case {id}")
    String claim_case(java.util.UUID id);

    @Message("Next page")
    String next_page();

    @Message("Case")
    String case_title();

    @Message("Owner")
    String owner();

    @Message("URLs")
    String urls();

    @Message("One URL per line.")
    String urls_hint();

    @Message("Opened")
    String created();

    @Message("Audit trail of this case (verified)")
    String case_audit_link();

    @Message("Referrals and classification evidence")
    String referrals_heading();

    @Message("Classification (a suggestion, never a decision)")
    String classification_heading();

    @Message("Tier {tier}, score {score}, routing {routing}")
    String classification_summary(String tier, String score, String routing);

    @Message("No classification yet.")
    String classification_pending();

    @Message("Categories")
    String categories();

    @Message("Entity")
    String entity();

    @Message("Matched hashes")
    String matches_caption();

    @Message("Bank")
    String match_bank();

    @Message("Signal")
    String match_type();

    @Message("Value")
    String match_value();

    @Message("Distance")
    String match_distance();

    @Message("Labels")
    String match_labels();

    @Message("No hash matched.")
    String no_matches();

    @Message("Matched text spans")
    String indicators_caption();

    @Message("Matched text")
    String indicator_term();

    @Message("What")
    String indicator_kind();

    @Message("Position")
    String indicator_span();

    @Message("Explanation")
    String indicator_explanation();

    @Message("Explanations")
    String explanations();

    @Message("View preserved content")
    String content_view_link();

    @Message("Assessment")
    String assessment_heading();

    @Message("Not yet assessed.")
    String not_assessed();

    @Message("Decision")
    String decision();

    @Message("Art. 2(7) categories (required for terrorist content)")
    String categories_legend();

    @Message("Legal basis")
    String legal_basis();

    @Message("Reasons")
    String reasons();

    @Message("Assessed by")
    String assessed_by();

    @Message("Record the assessment")
    String assess_submit();

    @Message("Removal orders")
    String orders_heading();

    @Message("No removal order.")
    String no_orders();

    @Message("Issue a removal order (Annex I)")
    String issue_heading();

    @Message("Pre-filled from the case and its assessment. The authority and redress information come from your authority's configuration; fields left empty are taken from the case.")
    String issue_intro();

    @Message("File number")
    String file_number();

    @Message("Issuing officer")
    String officer();

    @Message("Leave empty to sign as yourself.")
    String officer_hint();

    @Message("What locates the content (e.g. time in a video)")
    String content_locator();

    @Message("Do not inform the content provider (public security)")
    String do_not_inform();

    @Message("Duly justified emergency (no 12-hour notice)")
    String emergency();

    @Message("Reasons for the emergency")
    String emergency_reasons();

    @Message("Sign and issue the order")
    String issue_submit();

    @Message("Removal order")
    String order_title();

    @Message("(refreshes by itself)")
    String auto_refresh();

    @Message("Time left before the deadline:")
    String deadline_in();

    @Message("Overdue since {at}: the regulator has been notified.")
    String overdue_since(java.time.Instant at);

    @Message("Timeline")
    String timeline();

    @Message("Issued")
    String t_issued();

    @Message("Held for the 12-hour notice until")
    String t_pre_notice();

    @Message("Sent")
    String t_sent();

    @Message("Received by the platform (the hour starts)")
    String t_received();

    @Message("Deadline")
    String t_deadline();

    @Message("Suspended (Annex III)")
    String t_suspended();

    @Message("Removed or disabled (Annex II)")
    String t_complied();

    @Message("Withdrawn")
    String t_withdrawn();

    @Message("Feedback from the platform")
    String feedback_heading();

    @Message("Form")
    String feedback_form();

    @Message("Action")
    String feedback_action();

    @Message("When")
    String feedback_at();

    @Message("Reference")
    String feedback_reference();

    @Message("Reason")
    String feedback_reason();

    @Message("Annex II")
    String annex_ii();

    @Message("Annex III")
    String annex_iii();

    @Message("Annex I")
    String annex_i_heading();

    @Message("Issuing state")
    String issuing_state();

    @Message("Competent authority")
    String authority();

    @Message("Addressee")
    String addressee();

    @Message("Cross-border")
    String cross_border();

    @Message("Redress")
    String redress();

    @Message("Signature")
    String signature();

    @Message("the stored fields still match it")
    String signature_valid();

    @Message("the stored fields no longer match it")
    String signature_invalid();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("Back to the case")
    String back_to_case();

    @Message("Withdraw the order")
    String withdraw_heading();

    @Message("Withdraw")
    String withdraw_submit();

    @Message("Preserved content")
    String content_title();

    @Message("Warning: graphic content")
    String graphic_warning_heading();

    @Message("This content was reported as terrorist content and may be violent or distressing. Your viewing is recorded in the chain of custody.")
    String graphic_warning_text();

    @Message("I understand, show the content")
    String graphic_warning_accept();

    @Message("This viewing is recorded in the chain of custody.")
    String content_audited();

    @Message("The preserved image (graphic content)")
    String content_image_alt();

    @Message("Download the preserved file")
    String content_download();

    @Message("matched")
    String matched();

    @Message("Audit trail of the case")
    String trail_title();

    @Message("The case's chain holds: {records} records, each linked to the one before.")
    String trail_valid(long records);

    @Message("The case's chain is broken at record {sequence}.")
    String trail_broken(Long sequence);

    @Message("When")
    String trail_when();

    @Message("Who")
    String trail_actor();

    @Message("What")
    String trail_action();

    @Message("Subject")
    String trail_subject();

    @Message("Audit trail verification")
    String audit_title();

    @Message("Recompute the whole hash-chained trail and every case's chain. The verification is itself recorded.")
    String audit_intro();

    @Message("Verify now")
    String audit_verify();

    @Message("The trail holds")
    String audit_valid();

    @Message("The trail is broken")
    String audit_broken();

    @Message("Records")
    String audit_records();

    @Message("First broken record")
    String audit_first_broken();

    @Message("Last hash")
    String audit_last_hash();

    @Message("Case chains")
    String audit_case_chains();

    @Message("Transparency report")
    String transparency_title();

    @Message("Removal orders issued in {year} ({jurisdiction})")
    String transparency_caption(int year, String jurisdiction);

    @Message("Year")
    String year();

    @Message("Show")
    String show();

    @Message("Orders issued")
    String tr_issued();

    @Message("Cross-border")
    String tr_cross_border();

    @Message("Scrutinised")
    String tr_scrutinised();

    @Message("upheld")
    String tr_upheld();

    @Message("revoked")
    String tr_revoked();

    @Message("Complied with")
    String tr_complied();

    @Message("within the hour")
    String tr_within_hour();

    @Message("Not complied with")
    String tr_not_complied();

    @Message("Penalties")
    String tr_penalties();

    @Message("Download as CSV")
    String csv_download();

    @Message("Compliance per platform")
    String compliance_title();

    @Message("Orders of {jurisdiction} received from {from} to {to}.")
    String compliance_period(String jurisdiction, java.time.Instant from, java.time.Instant to);

    @Message("No orders were received in this period.")
    String compliance_none();

    @Message("Compliance per platform")
    String compliance_caption();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Month")
    String month();

    @Message("Received")
    String c_received();

    @Message("Complied")
    String c_complied();

    @Message("Within one hour")
    String c_within();

    @Message("Share within one hour")
    String c_share();

    @Message("Median time to removal")
    String c_median();

    @Message("90th percentile")
    String c_p90();

    @Message("Annex III")
    String c_annex_iii();

    @Message("Breaches (12 months)")
    String c_breaches();

    @Message("Share of orders complied with within one hour")
    String chart_share();

    @Message("Breaches in the last twelve months")
    String chart_breaches();

    @Message("Median time to removal per month: {platform}")
    String chart_time(String platform);

    @Message("{#when s}{#is OPEN}Open{#is IN_REVIEW}In review{#is NEEDS_INFORMATION}Needs information{#is CONFIRMED}Confirmed terrorist content{#is REJECTED}Not terrorist content{#is ACTIONED}Order issued{#is CLOSED}Closed{/when}")
    String case_status(CaseStatus s);

    @Message("{#when t}{#is THREAT_TO_LIFE}Threat to life{#is CRISIS}Crisis{#is DESIGNATED_GROUP}Designated group{#is PROMOTIONAL}Promotional{/when}")
    String tier_name(Tier t);

    @Message("{#when d}{#is TERRORIST_CONTENT}Terrorist content{#is NOT_TERRORIST_CONTENT}Not terrorist content{#is NEEDS_INFORMATION}Needs more information{/when}")
    String decision_name(AssessmentDecision d);

    @Message("{#when c}{#is INCITEMENT}(a) Incites terrorist offences, including by glorifying them{#is SOLICITATION}(b) Solicits someone to commit or contribute to an offence{#is GROUP_PARTICIPATION}(c) Solicits participation in a terrorist group{#is INSTRUCTION}(d) Instructs on making or using weapons or hazardous substances{#is THREAT}(e) Threatens to commit a terrorist offence{/when}")
    String category(Category c);

    @Message("{#when s}{#is PENDING_PRE_NOTICE}Held for the 12-hour notice{#is ISSUED}Issued{#is SENT}Sent{#is RECEIVED}Received: the hour runs{#is SUSPENDED}Suspended (Annex III){#is COMPLIED}Complied with{#is OVERDUE}Overdue{#is WITHDRAWN}Withdrawn{#is REVOKED}Revoked{/when}")
    String order_status(RemovalOrderStatus s);
}
