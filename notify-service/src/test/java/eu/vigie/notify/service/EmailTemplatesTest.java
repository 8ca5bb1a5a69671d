package eu.vigie.notify.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.notify.Notification;
import eu.vigie.notify.NotificationKind;
import eu.vigie.notify.RecipientType;

class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates(new ObjectMapper());

    private static Notification notification(NotificationKind kind) {
        Notification n = new Notification();
        n.id = UUID.fromString("00000000-0000-4000-8000-000000000001");
        n.kind = kind;
        n.recipientType = kind.mayGoTo(RecipientType.PLATFORM) ? RecipientType.PLATFORM : RecipientType.AUTHORITY;
        n.recipient = n.recipientType == RecipientType.PLATFORM ? "examplevideo" : "IE";
        n.platformId = n.recipientType == RecipientType.PLATFORM ? "examplevideo" : null;
        n.subjectType = "REMOVAL_ORDER";
        n.subjectId = UUID.fromString("00000000-0000-4000-8000-000000000002");
        n.jurisdiction = "GB";
        n.createdAt = Instant.parse("2026-11-29T10:00:00Z");
        n.payload = "{\"reference\":\"CTIRU-7\",\"urls\":[\"https://video.example/a\"],\"url\":\"https://video.example/b\"}";
        return n;
    }

    @Test
    void everyKindHasItsOwnEmailInEnglishAndFrench() {
        Set<String> subjects = new HashSet<>();
        for (NotificationKind kind : NotificationKind.values()) {
            for (String language : List.of("en", "fr")) {
                EmailTemplates.Rendered mail = templates.render(notification(kind), List.of(language),
                        "https://notify.example/", Optional.of(UUID.randomUUID()));
                assertTrue(mail.subject().startsWith("[Vigie] ") && mail.subject().endsWith(" CTIRU-7"), mail.subject());
                assertTrue(subjects.add(mail.subject()), "each kind and language has its own wording: " + mail.subject());
                assertTrue(mail.text().contains("https://video.example/a") && mail.text().contains("https://video.example/b"));
                assertTrue(mail.text().contains("00000000-0000-4000-8000-000000000001"));
            }
        }
        assertEquals(NotificationKind.values().length * 2, subjects.size());
    }

    @Test
    void removalOrderTellsTheDeadlineRuleAndHowToAnswer() {
        String text = templates.render(notification(NotificationKind.REMOVAL_ORDER), List.of("en"),
                "https://notify.example/", Optional.of(UUID.fromString("00000000-0000-4000-8000-0000000000aa"))).text();
        assertTrue(text.contains("within one hour of receipt"), text);
        assertTrue(text.contains("POST https://notify.example/api/v1/inbox/00000000-0000-4000-8000-0000000000aa/ack"), text);
        assertTrue(text.contains("POST https://notify.example/api/v1/removal-orders/00000000-0000-4000-8000-000000000002/feedback"),
                text);
    }

    @Test
    void authoritiesAreNotToldToUseThePlatformsInbox() {
        String text = templates.render(notification(NotificationKind.BREACH_NOTICE), List.of("en", "fr"),
                "https://notify.example", Optional.empty()).text();
        assertFalse(text.contains("/api/v1/inbox"), text);
        assertTrue(text.contains("Notice of a removal order not complied with in time") && text.contains("Notification d'une"));
    }

    @Test
    void languagesAreThoseOfTheRecipientThatMailsAreWrittenIn() {
        assertEquals(List.of("fr", "en"), Recipients.mailLanguages(List.of("fr", "de", "EN")));
        assertEquals(List.of("en"), Recipients.mailLanguages(List.of("de", "nl")));
        assertEquals(List.of("en"), Recipients.mailLanguages(List.of()));
        assertEquals("<00000000-0000-4000-8000-000000000001@notify.example>",
                EmailTemplates.messageId(UUID.fromString("00000000-0000-4000-8000-000000000001"), "notify.example"));
    }
}
