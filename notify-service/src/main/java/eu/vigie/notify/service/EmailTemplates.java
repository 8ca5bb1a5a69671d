package eu.vigie.notify.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.notify.Notification;
import eu.vigie.notify.NotificationKind;
import eu.vigie.notify.RecipientType;

/**
 * The e-mail of each notification kind, in English and French: what it is and its legal basis,
 * the order's reference and URLs, the deadline rule, how to acknowledge and answer through the API,
 * and the notification in full. A recipient accepting both languages gets both, in its order.
 */
@ApplicationScoped
public class EmailTemplates {

    public static final String NOT_A_RECEIPT_PLATFORM = "E-mail is not a receipt: the one-hour clock starts when the "
            + "platform acknowledges the notification in its inbox (POST /api/v1/inbox/{id}/ack) or its webhook answers 2xx";
    public static final String NOT_A_RECEIPT_AUTHORITY = "E-mail is not a receipt: it records that the notice was "
            + "handed to the mail server, not that the authority read it";

    /** A rendered e-mail. */
    public record Rendered(String subject, String text) {
    }

    /** What each kind is called and what it asks, per language. */
    private record Wording(String title, String duty) {
    }

    private static final Map<NotificationKind, Map<String, Wording>> WORDING = new EnumMap<>(NotificationKind.class);

    static {
        wording(NotificationKind.REMOVAL_ORDER,
                new Wording("Removal order (Art. 3 Regulation (EU) 2021/784)",
                        "You must remove this terrorist content or disable access to it in all Member States as soon as "
                                + "possible and in any event within one hour of receipt of this order (Art. 3(3)). Receipt is "
                                + "recorded when you acknowledge the order in your Vigie inbox or your webhook answers 2xx: "
                                + "this e-mail is not a receipt, acknowledge it now. Then report what you did (Annex II) or "
                                + "why you cannot comply (Annex III)."),
                new Wording("Injonction de retrait (art. 3 du règlement (UE) 2021/784)",
                        "Vous devez retirer ce contenu à caractère terroriste ou en bloquer l'accès dans tous les États "
                                + "membres dans les meilleurs délais et en tout état de cause dans l'heure suivant la réception "
                                + "de l'injonction (art. 3, par. 3). La réception est enregistrée lorsque vous accusez réception "
                                + "dans votre boîte Vigie ou que votre webhook répond 2xx : ce courriel ne vaut pas accusé de "
                                + "réception, accusez réception dès maintenant. Indiquez ensuite les mesures prises (annexe II) "
                                + "ou la raison pour laquelle vous ne pouvez pas vous y conformer (annexe III)."));
        wording(NotificationKind.REFERRAL,
                new Wording("Referral of content for voluntary consideration",
                        "This is not a removal order: no legal deadline applies. Please assess the content against your "
                                + "terms and conditions and acknowledge this referral in your Vigie inbox."),
                new Wording("Signalement de contenu pour examen volontaire",
                        "Ceci n'est pas une injonction de retrait : aucun délai légal ne s'applique. Veuillez examiner le "
                                + "contenu au regard de vos conditions générales et accuser réception dans votre boîte Vigie."));
        wording(NotificationKind.PRE_NOTICE,
                new Wording("Advance notice of a first removal order (Art. 3(2) Regulation (EU) 2021/784)",
                        "A removal order may be issued to you in no less than 12 hours. From its receipt you will have one "
                                + "hour to comply. Make sure your contact point and webhook or inbox are ready."),
                new Wording("Information préalable à une première injonction de retrait (art. 3, par. 2, du règlement (UE) 2021/784)",
                        "Une injonction de retrait pourra vous être adressée au plus tôt dans 12 heures. Vous disposerez "
                                + "d'une heure à compter de sa réception pour vous y conformer. Assurez-vous que votre point de "
                                + "contact et votre webhook ou boîte de réception sont prêts."));
        wording(NotificationKind.CROSS_BORDER_COPY,
                new Wording("Copy of a cross-border removal order (Art. 4(1) Regulation (EU) 2021/784)",
                        "A removal order was issued to a hosting service provider whose main establishment or legal "
                                + "representative is in your Member State. You may scrutinise it within 72 hours of receiving "
                                + "this copy (Art. 4(3))."),
                new Wording("Copie d'une injonction de retrait transfrontière (art. 4, par. 1, du règlement (UE) 2021/784)",
                        "Une injonction de retrait a été adressée à un fournisseur de services d'hébergement dont "
                                + "l'établissement principal ou le représentant légal se trouve dans votre État membre. Vous "
                                + "pouvez l'examiner dans les 72 heures suivant la réception de cette copie (art. 4, par. 3)."));
        wording(NotificationKind.BREACH_NOTICE,
                new Wording("Notice of a removal order not complied with in time (Art. 3(3) and 18 Regulation (EU) 2021/784)",
                        "A hosting service provider did not remove or disable the content within one hour of receipt of "
                                + "the removal order. The evidence is attached below for your assessment of penalties."),
                new Wording("Notification d'une injonction de retrait non exécutée dans le délai (art. 3, par. 3, et 18 du règlement (UE) 2021/784)",
                        "Un fournisseur de services d'hébergement n'a pas retiré le contenu ni bloqué son accès dans l'heure "
                                + "suivant la réception de l'injonction de retrait. Les éléments de preuve figurent ci-dessous."));
        wording(NotificationKind.SCRUTINY_DECISION,
                new Wording("Decision on the scrutiny of a removal order (Art. 4(4) Regulation (EU) 2021/784)",
                        "The competent authority of the host Member State has decided on its scrutiny of the removal order. "
                                + "If it found an infringement, the order ceases to have legal effects and the content must be "
                                + "reinstated or access to it restored."),
                new Wording("Décision sur l'examen d'une injonction de retrait (art. 4, par. 4, du règlement (UE) 2021/784)",
                        "L'autorité compétente de l'État membre d'accueil a statué sur l'examen de l'injonction de retrait. "
                                + "Si elle a constaté une violation, l'injonction cesse de produire ses effets juridiques et le "
                                + "contenu doit être rétabli ou son accès restauré."));
        wording(NotificationKind.WITHDRAWAL,
                new Wording("Withdrawal of a removal order",
                        "The issuing authority has withdrawn the removal order: it no longer has legal effect."),
                new Wording("Retrait d'une injonction de retrait",
                        "L'autorité d'émission a retiré l'injonction de retrait : elle ne produit plus d'effets juridiques."));
        wording(NotificationKind.REINSTATEMENT,
                new Wording("Reinstatement of removed content",
                        "The removal order was revoked: reinstate the content or restore access to it without undue delay."),
                new Wording("Rétablissement d'un contenu retiré",
                        "L'injonction de retrait a été annulée : rétablissez le contenu ou son accès sans retard injustifié."));
    }

    private static void wording(NotificationKind kind, Wording en, Wording fr) {
        WORDING.put(kind, Map.of("en", en, "fr", fr));
    }

    private final ObjectMapper mapper;

    public EmailTemplates(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The Message-ID of every copy of a notification's e-mail, so receivers can de-duplicate retries. */
    public static String messageId(UUID notificationId, String domain) {
        return "<" + notificationId + "@" + domain + ">";
    }

    /**
     * The e-mail of a notification, in the given languages (each of {@link Recipients#MAIL_LANGUAGES}).
     * {@code inboxItemId} is the platform's inbox item, absent for an authority.
     */
    public Rendered render(Notification notification, List<String> languages, String publicUrl,
            Optional<UUID> inboxItemId) {
        JsonNode payload = read(notification.payload);
        String reference = text(payload, "reference").or(() -> text(payload, "orderReference")).orElse(null);
        Map<String, Wording> wording = WORDING.get(notification.kind);
        Wording first = wording.get(languages.get(0));
        String subject = "[Vigie] " + first.title() + (reference == null ? "" : " " + reference);

        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        List<String> sections = new ArrayList<>();
        for (String language : languages) {
            boolean fr = "fr".equals(language);
            Wording w = wording.get(language);
            StringBuilder text = new StringBuilder();
            text.append(w.title()).append("\n\n");
            line(text, fr ? "Référence" : "Reference", reference);
            line(text, fr ? "Objet" : "Subject", notification.subjectType + " " + notification.subjectId);
            line(text, fr ? "Autorité d'émission (État)" : "Issuing jurisdiction", notification.jurisdiction);
            line(text, fr ? "Notification" : "Notification", notification.id.toString());
            line(text, fr ? "Créée le (UTC)" : "Created (UTC)", notification.createdAt.toString());
            List<String> urls = urls(payload);
            if (!urls.isEmpty()) {
                text.append(fr ? "URL du contenu :\n" : "Content URLs:\n");
                urls.forEach(u -> text.append("  - ").append(u).append('\n'));
            }
            text.append('\n').append(w.duty()).append("\n\n");
            if (notification.recipientType == RecipientType.PLATFORM) {
                text.append(fr ? "Répondre par l'API Vigie (jeton de votre plateforme) :\n"
                        : "Answer through the Vigie API (with your platform's token):\n");
                text.append("  GET  ").append(base).append("/api/v1/inbox\n");
                inboxItemId.ifPresent(id -> text.append("  POST ").append(base).append("/api/v1/inbox/").append(id)
                        .append("/ack   ").append(fr ? "(accusé de réception)" : "(acknowledge receipt)").append('\n'));
                if (notification.tracksRemovalOrder()) {
                    text.append("  POST ").append(base).append("/api/v1/removal-orders/").append(notification.subjectId)
                            .append("/feedback   ").append(fr ? "(annexe II ou annexe III)" : "(Annex II or Annex III)")
                            .append('\n');
                    text.append("  POST ").append(base).append("/api/v1/removal-orders/").append(notification.subjectId)
                            .append("/scrutiny-requests   ")
                            .append(fr ? "(demande d'examen d'une injonction transfrontière, sous 48 heures)"
                                    : "(request for scrutiny of a cross-border order, within 48 hours)")
                            .append('\n');
                }
                text.append('\n');
            }
            text.append(fr ? "La notification complète (JSON) :\n" : "The notification in full (JSON):\n");
            text.append(pretty(payload)).append('\n');
            sections.add(text.toString());
        }
        return new Rendered(subject, String.join("\n----------------------------------------\n\n", sections));
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null) {
            text.append(label).append(": ").append(value).append('\n');
        }
    }

    private static Optional<String> text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static List<String> urls(JsonNode payload) {
        List<String> urls = new ArrayList<>();
        JsonNode list = payload.get("urls");
        if (list != null && list.isArray()) {
            list.forEach(u -> {
                if (u.isTextual()) {
                    urls.add(u.asText());
                }
            });
        }
        text(payload, "url").ifPresent(u -> {
            if (!urls.contains(u)) {
                urls.add(u);
            }
        });
        return urls;
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored payload is not JSON", e);
        }
    }

    private String pretty(JsonNode payload) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Payload cannot be written", e);
        }
    }
}
