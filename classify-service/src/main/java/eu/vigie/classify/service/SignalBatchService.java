package eu.vigie.classify.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.classify.BankSignal;
import eu.vigie.classify.CurationFlag;
import eu.vigie.classify.repository.CurationFlagRepository;
import eu.vigie.classify.rest.CurationFlagView;
import eu.vigie.classify.rest.SignalExportLine;
import eu.vigie.classify.repository.BankSignalRepository;
import eu.vigie.classify.rest.SignalBatchResult;
import eu.vigie.classify.rest.SignalLabels;
import eu.vigie.classify.rest.SignalRequest;
import eu.vigie.common.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Signals in bulk, as NDJSON (one signal object a line, the shape of {@code SignalRequest}): the
 * import reads the body as a stream and commits every {@value #CHUNK} signals, so memory does not
 * grow with the size of the batch; the export streams a bank's enabled signals in the same shape, with their open
 * curation flags (which an import ignores).
 */
@ApplicationScoped
public class SignalBatchService {

    static final int CHUNK = 500;
    static final int MAX_LINE = 8192;
    static final int MAX_ERRORS = 100;

    private final BankService banks;
    private final BankSignalRepository signals;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final CurationFlagRepository curationFlags;

    public SignalBatchService(BankService banks, BankSignalRepository signals, ObjectMapper mapper, Validator validator,
            CurationFlagRepository curationFlags) {
        this.curationFlags = curationFlags;
        this.banks = banks;
        this.signals = signals;
        this.mapper = mapper;
        this.validator = validator;
    }

    public SignalBatchResult importSignals(String bankName, InputStream body, String actor) throws IOException {
        banks.get(bankName);
        Reader reader = new java.io.BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        List<SignalRequest> chunk = new ArrayList<>(CHUNK);
        List<SignalBatchResult.LineError> errors = new ArrayList<>();
        long lineNumber = 0;
        long received = 0;
        long rejected = 0;
        long[] createdExisting = new long[2];
        StringBuilder line = new StringBuilder();
        while (true) {
            int status = readLine(reader, line);
            if (status == EOF && line.isEmpty()) {
                break;
            }
            lineNumber++;
            if (status == TOO_LONG) {
                received++;
                rejected++;
                addError(errors, lineNumber, "is longer than " + MAX_LINE + " characters");
            } else if (!line.toString().isBlank()) {
                received++;
                String problem = null;
                SignalRequest request = null;
                try {
                    request = parse(line.toString());
                } catch (ProblemException e) {
                    problem = e.getMessage();
                }
                if (problem != null) {
                    rejected++;
                    addError(errors, lineNumber, problem);
                } else {
                    chunk.add(request);
                    if (chunk.size() == CHUNK) {
                        commit(bankName, chunk, actor, createdExisting);
                    }
                }
            }
            if (status == EOF) {
                break;
            }
        }
        commit(bankName, chunk, actor, createdExisting);
        return new SignalBatchResult(bankName, received, createdExisting[0], createdExisting[1], rejected, errors);
    }

    /** Writes the bank's enabled signals, one a line, in pages read in their own short transactions. */
    public void exportSignals(String bankName, OutputStream out) throws IOException {
        UUID after = null;
        while (true) {
            UUID from = after;
            List<BankSignal> page = QuarkusTransaction.requiringNew().call(() -> signals.enabledPage(bankName, from, CHUNK));
            Map<UUID, List<CurationFlag>> open = page.isEmpty() ? Map.of()
                    : QuarkusTransaction.requiringNew().call(
                            () -> curationFlags.ofSignals(page.stream().map(x -> x.id).toList(), true));
            for (BankSignal s : page) {
                SignalExportLine line = new SignalExportLine(s.signalType, s.value,
                        new SignalLabels(s.categoryList(), s.entity, s.tier), s.source,
                        open.getOrDefault(s.id, List.of()).stream().map(CurationFlagView::of).toList());
                out.write(mapper.writeValueAsBytes(line));
                out.write('\n');
            }
            out.flush();
            if (page.size() < CHUNK) {
                return;
            }
            after = page.get(page.size() - 1).id;
        }
    }

    private SignalRequest parse(String line) {
        SignalRequest request;
        try {
            request = mapper.readValue(line, SignalRequest.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw ProblemException.badRequest(field.isEmpty() ? "is not a signal object of the documented shape"
                    : "field '" + field + "' has a value of the wrong type or an unknown name");
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("is not valid JSON");
        }
        if (request == null) {
            throw ProblemException.badRequest("is not a signal object of the documented shape");
        }
        Set<ConstraintViolation<SignalRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations.stream()
                    .map(v -> "field '" + v.getPropertyPath() + "' " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        String value = SignalValues.normalise(request.signalType(), request.value(), "value");
        return new SignalRequest(request.signalType(), value, request.labels(), request.source());
    }

    private void commit(String bankName, List<SignalRequest> chunk, String actor, long[] createdExisting) {
        if (chunk.isEmpty()) {
            return;
        }
        for (BankService.SignalAdded added : banks.addSignals(bankName, chunk, actor)) {
            createdExisting[added.created() ? 0 : 1]++;
        }
        chunk.clear();
    }

    private static void addError(List<SignalBatchResult.LineError> errors, long line, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new SignalBatchResult.LineError(line, message));
        }
    }

    private static final int LINE = 0;
    private static final int EOF = 1;
    private static final int TOO_LONG = 2;

    /** Reads one line into {@code line} (without its end); past {@value #MAX_LINE} characters, skips to the line's end. */
    private static int readLine(Reader reader, StringBuilder line) throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        while (true) {
            int c = reader.read();
            if (c < 0) {
                return tooLong ? TOO_LONG : EOF;
            }
            if (c == '\n') {
                return tooLong ? TOO_LONG : LINE;
            }
            if (c == '\r') {
                continue;
            }
            if (line.length() < MAX_LINE) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
        }
    }
}
