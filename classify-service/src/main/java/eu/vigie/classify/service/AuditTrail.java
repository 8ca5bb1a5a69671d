package eu.vigie.classify.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.classify.AuditEntry;
import eu.vigie.classify.repository.AuditEntryRepository;

/** Records every change in the caller's transaction: the entry exists if and only if the change was committed. */
@ApplicationScoped
public class AuditTrail {

    private final AuditEntryRepository entries;
    private final ObjectMapper mapper;

    public AuditTrail(AuditEntryRepository entries, ObjectMapper mapper) {
        this.entries = entries;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subjectType, String subjectId, Map<String, ?> detail) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.at = Instant.now();
        entry.actor = actor;
        entry.action = action;
        entry.subjectType = subjectType;
        entry.subjectId = subjectId;
        try {
            entry.detail = mapper.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit detail of " + action + " cannot be written as JSON", e);
        }
        entries.persist(entry);
    }
}
