package eu.vigie.notify.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.notify.config.NotifyConfig;

/**
 * E-mails the operators ({@code vigie.notify.operators-email}) that a delivery was given up, so that
 * someone contacts the recipient another way. Without that setting the ERROR log and the metric of
 * {@link DeadDeliverySweeper} are the notice. A mail server that refuses is retried by the outbox.
 */
@ApplicationScoped
public class OperatorNoticeHandler implements OutboxHandler {

    private static final Logger LOG = Logger.getLogger(OperatorNoticeHandler.class);

    private final Outbox outbox;
    private final MailSender mailer;
    private final Optional<String> operators;
    private final String domain;

    public OperatorNoticeHandler(Outbox outbox, MailSender mailer, NotifyConfig config) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.operators = config.operatorsEmail().filter(a -> !a.isBlank());
        this.domain = config.mailDomain();
    }

    @Override
    public String topic() {
        return Topics.OPERATOR_NOTICE;
    }

    @Override
    public void handle(OutboxMessage message) {
        OperatorNoticeMessage notice = outbox.read(message, OperatorNoticeMessage.class);
        if (operators.isEmpty()) {
            LOG.warnf("vigie.notify.operators-email is not set: delivery %s given up is reported by log and metric only",
                    notice.deliveryId());
            return;
        }
        String subject = "[Vigie] Delivery given up: " + notice.kind() + " to " + notice.recipientType() + " "
                + notice.recipient();
        String text = """
                A delivery was given up after its retries and needs a person to act: contact the recipient another way
                and record it.

                Delivery:      %s
                Channel:       %s
                Target:        %s
                Notification:  %s (%s)
                Recipient:     %s %s
                Subject:       %s %s
                Attempts:      %d
                Last error:    %s
                Given up at:   %s

                The proof of delivery: GET /api/v1/deliveries?subjectId=%s
                """.formatted(notice.deliveryId(), notice.channel(), notice.target(), notice.notificationId(),
                notice.kind(), notice.recipientType(), notice.recipient(), notice.subjectType(), notice.subjectId(),
                notice.attempts(), notice.lastError(), notice.deadAt(), notice.subjectId());
        MailSender.Outcome outcome = mailer.send(operators.get(), subject, text,
                "<dead-" + notice.deliveryId() + "@" + domain + ">");
        if (!outcome.success()) {
            throw new IllegalStateException("Operators could not be e-mailed about delivery " + notice.deliveryId()
                    + ": " + outcome.error());
        }
    }
}
