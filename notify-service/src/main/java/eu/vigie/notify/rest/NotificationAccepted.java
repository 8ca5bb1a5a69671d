package eu.vigie.notify.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.notify.Notification;
import eu.vigie.notify.NotificationStatus;

/** The answer to a notification request, the same for a replay. */
@Schema(name = "NotificationAccepted")
public record NotificationAccepted(UUID id, NotificationStatus status) {

    public static NotificationAccepted of(Notification notification) {
        return new NotificationAccepted(notification.id, notification.status);
    }
}
