package org.amtsweg.application.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.amtsweg.application.Problems;
import org.amtsweg.application.attachment.AttachmentRules;
import org.amtsweg.application.attachment.AttachmentStore;
import org.amtsweg.application.attachment.StoredAttachment;
import org.amtsweg.application.catalog.Ags;
import org.amtsweg.application.catalog.Catalog;
import org.amtsweg.application.catalog.ResponsibleAuthority;
import org.amtsweg.application.catalog.ServiceOffer;
import org.amtsweg.application.mailbox.Mailbox;
import org.amtsweg.application.security.Citizen;
import org.amtsweg.application.status.ApplicationStatus;
import org.amtsweg.application.validation.FormValidator;
import org.amtsweg.events.ApplicationSubmitted;
import org.amtsweg.events.ApplicationSupplemented;
import org.amtsweg.events.AttachmentReference;
import org.amtsweg.events.DraftStarted;
import org.amtsweg.events.Topics;
import org.amtsweg.messaging.outbox.Outbox;
import org.amtsweg.messaging.outbox.OutboxEvent;
import org.amtsweg.messaging.outbox.OutboxRelay;
import org.amtsweg.resourceserver.problem.Violation;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Drafts and submissions: the rules that keep an incomplete application from reaching an authority. */
@ApplicationScoped
public class Intake {

    private static final Logger LOG = Logger.getLogger(Intake.class);
    /** A submission retries when the draft was saved while it validated; more than this many times is a conflict. */
    private static final int SUBMIT_ATTEMPTS = 3;

    private final Pool pool;
    private final Catalog catalog;
    private final Applications applications;
    private final FormValidator validator;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final AttachmentStore attachments;
    private final Funnel funnel;
    private final DraftFunnel draftFunnel;
    private final Mailbox mailbox;
    private final Set<String> knownSequences = ConcurrentHashMap.newKeySet();

    public Intake(
            Pool pool,
            Catalog catalog,
            Applications applications,
            FormValidator validator,
            Outbox outbox,
            OutboxRelay relay,
            AttachmentStore attachments,
            Funnel funnel,
            DraftFunnel draftFunnel,
            Mailbox mailbox) {
        this.pool = pool;
        this.catalog = catalog;
        this.applications = applications;
        this.validator = validator;
        this.outbox = outbox;
        this.relay = relay;
        this.attachments = attachments;
        this.funnel = funnel;
        this.draftFunnel = draftFunnel;
        this.mailbox = mailbox;
    }

    /**
     * Opens a draft: the service must be handled online, the login must reach its trust level, and an
     * authority must be responsible at the citizen's place; the current form version is pinned.
     */
    public Uni<ApplicationView> open(Citizen citizen, String serviceKey, String agsOrNull) {
        // The request's AGS is checked at the edge; the one of the address is used only if it is one.
        String ags = agsOrNull != null
                ? agsOrNull
                : citizen.municipality()
                        .filter(Ags::isWellFormed)
                        .orElseThrow(() -> Problems.invalidField(
                                "/ags",
                                "required",
                                "Ihre Anmeldung nennt keinen Wohnort; geben Sie ags (Amtlicher Gemeindeschlüssel) an.",
                                "Your login names no place of residence; give ags (the official municipality key)."));
        return catalog.service(serviceKey).chain(found -> {
            ServiceOffer service = found.orElseThrow(() -> Problems.invalidField(
                    "/service",
                    "reference",
                    "Es gibt keine Leistung " + serviceKey + ".",
                    "There is no service " + serviceKey + "."));
            if (!"online".equals(service.handling())) {
                throw Problems.notOnline(
                        service.name(), service.handling(), service.handlingUrl(), service.handlingNote());
            }
            if (!citizen.reaches(service.minimumTrustLevel())) {
                throw Problems.trustLevelTooLow(service.minimumTrustLevel(), citizen.trustLevel());
            }
            return catalog.responsibility(serviceKey, ags)
                    .chain(authority -> catalog.currentForm(serviceKey).chain(form -> {
                        ResponsibleAuthority responsible = authority.orElseThrow(
                                () -> Problems.noResponsibleAuthority(serviceKey, service.name(), ags));
                        JsonNode pinned = form.orElseThrow(() -> Problems.notOnline(
                                service.name(),
                                "online",
                                null,
                                "Für " + service.name() + " ist noch kein Online-Formular veröffentlicht."));
                        return insertDraft(citizen, service, responsible, ags, pinned);
                    }));
        });
    }

    private Uni<ApplicationView> insertDraft(
            Citizen citizen, ServiceOffer service, ResponsibleAuthority authority, String ags, JsonNode form) {
        UUID id = UUID.randomUUID();
        Prefill.Result prefill = Prefill.from(form.path("presentation"), citizen);
        Map<String, Object> draft = new HashMap<>();
        draft.put("id", id);
        draft.put("citizen", citizen.subject());
        draft.put("serviceKey", service.key());
        draft.put("serviceName", service.name());
        draft.put("ozgId", service.ozgId());
        draft.put("leikaIds", service.leikaIds().toArray(String[]::new));
        draft.put("registryChecks", service.registryChecks().toArray(String[]::new));
        draft.put("authorityId", authority.id());
        draft.put("authorityName", authority.name());
        draft.put("referencePrefix", authority.referencePrefix());
        draft.put("ags", ags);
        draft.put("formVersion", form.get("version").asInt());
        draft.put("minimumTrustLevel", service.minimumTrustLevel());
        draft.put("applicant", new JsonObject(citizen.claims().toString()));
        draft.put("data", new JsonObject(prefill.data().toString()));
        draft.put("prefilled", prefill.pointers().toArray(String[]::new));
        return pool.withTransaction(connection -> SqlTemplate.forUpdate(connection, INSERT_DRAFT)
                        .execute(draft)
                        .chain(() ->
                                timeline(connection, id, ApplicationStatus.DRAFT, "DraftCreated", "Entwurf angelegt"))
                        .chain(() -> draftFunnel.started(connection, id, authority.id(), service.key()))
                        // Counted for the usage report (usage-service): in the draft's transaction, so no draft goes
                        // uncounted.
                        .chain(() -> outbox.append(
                                connection,
                                Topics.APPLICATIONS,
                                id.toString(),
                                DraftStarted.TYPE,
                                id.toString(),
                                new DraftStarted(id.toString(), service.key(), authority.id(), Instant.now()))))
                .invoke(() -> {
                    relay.nudge();
                    MDC.put("correlationId", id.toString());
                    LOG.infof("draft %s opened for service %s at authority %s", id, service.key(), authority.id());
                    funnel.started(authority.id(), service.key());
                })
                .chain(() -> applications.view(id, citizen))
                .map(Optional::orElseThrow);
    }

    private static final String INSERT_DRAFT = """
            INSERT INTO application (id, citizen_subject, service_key, service_name, ozg_id, leika_ids, registry_checks,
                authority_id, authority_name, reference_prefix, ags, form_version, minimum_trust_level, applicant, data,
                prefilled, status)
            VALUES (#{id}, #{citizen}, #{serviceKey}, #{serviceName}, #{ozgId}, #{leikaIds}, #{registryChecks},
                #{authorityId}, #{authorityName}, #{referencePrefix}, #{ags}, #{formVersion}, #{minimumTrustLevel},
                #{applicant}, #{data}, #{prefilled}, 'DRAFT')""";

    /** Saves draft data; types and formats must be right, completeness is checked on submission. */
    public Uni<ApplicationView> saveDraft(Citizen citizen, UUID id, JsonNode data) {
        if (data == null || !data.isObject()) {
            throw Problems.invalidField(
                    "",
                    "type",
                    "Die Antragsdaten müssen ein JSON-Objekt sein.",
                    "The application's data must be a JSON object.");
        }
        return applications
                .find(pool, id, citizen, false)
                .chain(found -> {
                    Applications.Stored stored =
                            found.orElseThrow(() -> Problems.notFound("Es gibt keinen Antrag " + id + "."));
                    ApplicationStatus status = stored.status()
                            .filter(ApplicationStatus::dataEditable)
                            .orElseThrow(
                                    () -> Problems.notEditable(stored.view().status()));
                    if (status.onlyRequestedFieldsEditable()) {
                        // Reopened by a Nachforderung: exactly the fields the authority asked about, everything else as
                        // submitted.
                        List<String> outside = DataChanges.outside(
                                DataChanges.between(stored.submittedData(), data), stored.editableFields());
                        if (!outside.isEmpty()) {
                            throw Problems.fieldsNotEditable(outside);
                        }
                    }
                    return catalog.form(
                                    stored.view().service().key(), stored.view().formVersion())
                            .chain(form -> {
                                List<Violation> violations = validator.forDraft(formKey(stored), form, data);
                                if (!violations.isEmpty()) {
                                    funnel.refused(
                                            stored.view().authority().id(),
                                            stored.view().service().key(),
                                            violations);
                                    throw Problems.validationFailed(violations, false);
                                }
                                return pool.withTransaction(connection -> connection
                                        .preparedQuery("""
                                UPDATE application SET data = $3, updated_at = now(), revision = revision + 1
                                WHERE id = $1 AND citizen_subject = $2 AND status = $4""")
                                        .execute(Tuple.of(
                                                id, citizen.subject(), new JsonObject(data.toString()), status.name()))
                                        .map(result -> {
                                            if (result.rowCount() == 0) {
                                                throw Problems.notEditable(ApplicationStatus.SUBMITTED.name());
                                            }
                                            funnel.saved(
                                                    stored.view().authority().id(),
                                                    stored.view().service().key());
                                            return result;
                                        })
                                        // The funnel follows drafts only; a reply to an information request is no step
                                        // of the intake.
                                        .call(() -> status == ApplicationStatus.DRAFT
                                                ? draftFunnel.saved(
                                                        connection,
                                                        id,
                                                        FormSteps.furthest(form.path("presentation"), data))
                                                : Uni.createFrom().voidItem()));
                            });
                })
                .chain(() -> applications.view(id, citizen))
                .map(Optional::orElseThrow);
    }

    /**
     * Submits: validates everything against the pinned form, assigns the reference number and writes
     * {@code ApplicationSubmitted} to the outbox in the same transaction. Submitting again returns the
     * first result and emits nothing.
     *
     * <p>The {@code Idempotency-Key} decides which request this is: the key the application was
     * submitted with repeats that request's answer, whatever happened to the application since; a key
     * of another application of the citizen is refused (422 {@code idempotency-key-reused}) rather than
     * answered with the wrong application's submission. Keys are the citizen's own: another citizen's
     * keys neither collide with hers nor can be probed.
     */
    public Uni<SubmissionReceipt> submit(Citizen citizen, UUID id, String idempotencyKey) {
        return submit(citizen, id, idempotencyKey, SUBMIT_ATTEMPTS);
    }

    private Uni<SubmissionReceipt> submit(Citizen citizen, UUID id, String idempotencyKey, int attempts) {
        return Uni.combine()
                .all()
                .unis(applications.find(pool, id, citizen, false, false), attachments.list(id))
                .asTuple()
                .chain(both -> {
                    Applications.Stored stored =
                            both.getItem1().orElseThrow(() -> Problems.notFound("Es gibt keinen Antrag " + id + "."));
                    ApplicationView draft = stored.view();
                    if (!stored.canMoveTo(ApplicationStatus.SUBMITTED)) {
                        return submittedBefore(citizen, stored, idempotencyKey);
                    }
                    return catalog.form(draft.service().key(), draft.formVersion())
                            .chain(form -> record(citizen, stored, idempotencyKey, form, both.getItem2()))
                            .chain(receipt -> {
                                if (receipt.isPresent()) {
                                    return Uni.createFrom().item(receipt.get());
                                }
                                if (attempts <= 1) {
                                    throw Problems.changedWhileSubmitting();
                                }
                                return submit(citizen, id, idempotencyKey, attempts - 1);
                            });
                });
    }

    /**
     * Submit on an application that is no draft any more. Its own key: the retry of the request that
     * submitted it, answered as then. Another application's key: refused. Otherwise (no key, or a new
     * one) its existing submission, with no second number and no second event; or, while the authority
     * has asked for more, the reply with what was supplemented.
     */
    private Uni<SubmissionReceipt> submittedBefore(Citizen citizen, Applications.Stored stored, String idempotencyKey) {
        ApplicationView view = stored.view();
        if (idempotencyKey != null && idempotencyKey.equals(stored.idempotencyKey())) {
            return Uni.createFrom()
                    .item(new SubmissionReceipt(
                            view.id(),
                            view.referenceNumber(),
                            ApplicationStatus.SUBMITTED.name(),
                            view.submittedAt(),
                            view.service(),
                            view.authority()));
        }
        Uni<Void> keyIsFree = idempotencyKey == null
                ? Uni.createFrom().voidItem()
                : pool.preparedQuery(
                                "SELECT 1 FROM application WHERE citizen_subject = $1 AND idempotency_key = $2 AND id <> $3")
                        .execute(Tuple.of(citizen.subject(), idempotencyKey, view.id()))
                        .map(rows -> {
                            if (rows.size() > 0) {
                                throw Problems.idempotencyKeyReused();
                            }
                            return null;
                        });
        return keyIsFree.chain(() -> stored.canMoveTo(ApplicationStatus.SUPPLEMENTED)
                ? supplement(citizen, view.id(), null)
                // Submitted before (a repeated request, or a concurrent one that won): same answer, no second event.
                : Uni.createFrom().item(receipt(view)));
    }

    /**
     * Validates the draft as read and records the submission in one statement — status, reference
     * number, outbox event and timeline entry commit together — provided the draft is still exactly
     * as validated (same revision, still a draft). Empty when it changed in between.
     */
    private Uni<Optional<SubmissionReceipt>> record(
            Citizen citizen,
            Applications.Stored stored,
            String idempotencyKey,
            JsonNode form,
            List<StoredAttachment> uploaded) {
        ApplicationView draft = stored.view();
        List<Violation> violations = new ArrayList<>(validator.forSubmission(formKey(stored), form, draft.data()));
        AttachmentRules rules = AttachmentRules.of(form.path("presentation"));
        violations.addAll(missingDocuments(
                rules.required().stream().map(AttachmentRules.Kind::kind).toList(), rules, uploaded));
        if (!violations.isEmpty()) {
            funnel.refused(draft.authority().id(), draft.service().key(), violations);
            throw Problems.validationFailed(violations, true);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID id = draft.id();
        // The reference number is drawn inside the statement; the event gets it there too.
        ApplicationSubmitted event = new ApplicationSubmitted(
                id.toString(),
                null,
                draft.service().key(),
                draft.service().name(),
                stored.ozgId(),
                stored.leikaIds(),
                draft.formVersion(),
                draft.authority().id(),
                citizen.toApplicant(),
                draft.data(),
                references(uploaded),
                stored.registryChecks(),
                now.toInstant());
        UUID eventId = UUID.randomUUID();
        String payload = outbox.json(event);
        FormSteps.Step lastStep = FormSteps.last(form.path("presentation"));
        // Marked as being sent before its row can commit, so that the relay's sweep never sends it too.
        relay.expect(eventId);
        return referenceSequence(draft.authority().id(), now.getYear())
                .chain(sequence -> {
                    Map<String, Object> submission = new HashMap<>();
                    submission.put("id", id);
                    submission.put("citizen", citizen.subject());
                    submission.put("revision", stored.revision());
                    submission.put("referencePrefix", stored.referencePrefix() + "-" + now.getYear() + "-");
                    submission.put("sequence", sequence);
                    submission.put("at", now);
                    submission.put("applicant", citizen.claims().toString());
                    submission.put("idempotencyKey", idempotencyKey);
                    submission.put("eventId", eventId);
                    submission.put("topic", Topics.APPLICATIONS);
                    submission.put("aggregateId", id.toString());
                    submission.put("eventType", ApplicationSubmitted.TYPE);
                    submission.put("payload", payload);
                    submission.put(
                            "description", "Antrag an " + draft.authority().name() + " gesendet, Aktenzeichen ");
                    submission.put("lastStep", lastStep.number());
                    submission.put("lastStepTitle", lastStep.title());
                    // On a connection: a template takes no CDI proxy of the pool.
                    return pool.withConnection(connection ->
                            SqlTemplate.forQuery(connection, RECORD_SUBMISSION).execute(submission));
                })
                // The key is unique per citizen: another of her applications was submitted with it (meanwhile).
                .onFailure(failure -> failure instanceof PgException pg
                        && "23505".equals(pg.getSqlState())
                        && IDEMPOTENCY_KEY_INDEX.equals(pg.getConstraint()))
                .transform(failure -> Problems.idempotencyKeyReused())
                .onFailure()
                .invoke(() -> relay.forget(eventId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        relay.forget(eventId);
                        return Optional.<SubmissionReceipt>empty();
                    }
                    var row = rows.iterator().next();
                    String reference = row.getString("reference_number");
                    relay.publishCommitted(new OutboxEvent(
                            eventId,
                            Topics.APPLICATIONS,
                            id.toString(),
                            ApplicationSubmitted.TYPE,
                            id.toString(),
                            row.getString("payload"),
                            now));
                    MDC.put("correlationId", id.toString());
                    LOG.infof("application %s submitted as %s", id, reference);
                    funnel.submitted(draft.authority().id(), draft.service().key());
                    return Optional.of(new SubmissionReceipt(
                            id,
                            reference,
                            ApplicationStatus.SUBMITTED.name(),
                            now,
                            draft.service(),
                            draft.authority()));
                });
    }

    private static final String IDEMPOTENCY_KEY_INDEX = "application_idempotency_key";

    /**
     * One statement, so one transaction and one round trip: the application becomes SUBMITTED with the
     * next number of its authority's sequence, and the outbox event and the timeline entry are written
     * from the updated row. Nothing is written, and no number is drawn, if the draft changed meanwhile.
     * Answers the number and the event as stored, which the relay then sends as it is. Sixteen values, bound
     * by name, shared by name with the funnel's part of it.
     */
    private static final String RECORD_SUBMISSION = """
            WITH submitted AS (
                UPDATE application
                SET status = 'SUBMITTED', reference_number = #{referencePrefix} || lpad(nextval(#{sequence}::text::regclass)::text, 6, '0'),
                    submitted_at = #{at}, updated_at = #{at}, applicant = #{applicant}::text::jsonb, idempotency_key = #{idempotencyKey}, submitted_data = data, revision = revision + 1
                WHERE id = #{id} AND citizen_subject = #{citizen} AND revision = #{revision} AND status = 'DRAFT'
                RETURNING id, reference_number),
            event AS (
                """ + Outbox.INSERT_INTO + """
                SELECT #{eventId}, #{topic}, #{aggregateId}, #{eventType}, #{aggregateId}, jsonb_set(#{payload}::text::jsonb, '{referenceNumber}', to_jsonb(reference_number)), #{at} FROM submitted
                RETURNING payload::text AS payload),
            entry AS (
                INSERT INTO timeline_entry (application_id, at, status, event_type, description)
                SELECT id, #{at}, 'SUBMITTED', #{eventType}, #{description} || reference_number FROM submitted),
            """ + DraftFunnel.SUBMITTED + """

            SELECT reference_number, (SELECT payload FROM event) FROM submitted""";

    /**
     * Answers an information request (Nachforderung): validates the whole application again, checks that
     * the documents asked for are there, and emits {@code ApplicationSupplemented} into the same case.
     */
    public Uni<SubmissionReceipt> supplement(Citizen citizen, UUID id, String message) {
        return applications
                .view(id, citizen)
                .chain(found -> {
                    ApplicationView view =
                            found.orElseThrow(() -> Problems.notFound("Es gibt keinen Antrag " + id + "."));
                    return Uni.combine()
                            .all()
                            .unis(catalog.form(view.service().key(), view.formVersion()), attachments.list(id))
                            .asTuple();
                })
                .chain(both -> pool.withTransaction(connection -> applications
                        .find(connection, id, citizen, true)
                        .chain(found -> {
                            Applications.Stored stored =
                                    found.orElseThrow(() -> Problems.notFound("Es gibt keinen Antrag " + id + "."));
                            if (!stored.canMoveTo(ApplicationStatus.SUPPLEMENTED)) {
                                throw Problems.notEditable(stored.view().status());
                            }
                            List<Violation> violations = new ArrayList<>(validator.forSubmission(
                                    formKey(stored),
                                    both.getItem1(),
                                    stored.view().data()));
                            violations.addAll(missingDocuments(
                                    stored.requestedDocuments(),
                                    AttachmentRules.of(both.getItem1().path("presentation")),
                                    both.getItem2()));
                            if (!violations.isEmpty()) {
                                throw Problems.validationFailed(violations, true);
                            }
                            List<String> changed = DataChanges.between(
                                    stored.submittedData(), stored.view().data());
                            ApplicationSupplemented event = new ApplicationSupplemented(
                                    id.toString(),
                                    stored.openRequestId().toString(),
                                    stored.view().data(),
                                    changed,
                                    references(both.getItem2()),
                                    message,
                                    Instant.now());
                            return connection
                                    .preparedQuery("""
                            UPDATE application SET status = 'SUPPLEMENTED', submitted_data = data, editable_fields = '{}', requested_documents = '{}',
                                open_request_id = NULL, updated_at = now(), revision = revision + 1 WHERE id = $1""")
                                    .execute(Tuple.of(id))
                                    .chain(() -> mailbox.markReplied(connection, stored.openRequestId(), message))
                                    .chain(() -> outbox.append(
                                            connection,
                                            Topics.APPLICATIONS,
                                            id.toString(),
                                            ApplicationSupplemented.TYPE,
                                            id.toString(),
                                            event))
                                    .chain(() -> timeline(
                                            connection,
                                            id,
                                            ApplicationStatus.SUPPLEMENTED,
                                            ApplicationSupplemented.TYPE,
                                            "Nachgereichte Angaben an "
                                                    + stored.view().authority().name() + " gesendet"))
                                    .map(ignored -> new SubmissionReceipt(
                                            id,
                                            stored.view().referenceNumber(),
                                            ApplicationStatus.SUPPLEMENTED.name(),
                                            stored.view().submittedAt(),
                                            stored.view().service(),
                                            stored.view().authority()));
                        })))
                .invoke(relay::nudge);
    }

    /** Kinds of documents asked for of which nothing is uploaded, as violations at {@code /attachments/<kind>}. */
    /** The documents still missing, each named as the form names it (its label), never by its internal kind. */
    private static List<Violation> missingDocuments(
            List<String> kinds, AttachmentRules rules, List<StoredAttachment> uploaded) {
        return kinds.stream()
                .filter(kind -> uploaded.stream().noneMatch(attachment -> kind.equals(attachment.kind())))
                .map(kind -> {
                    String label =
                            rules.kind(kind).map(AttachmentRules.Kind::label).orElse(kind);
                    return new Violation(
                            "/attachments/" + kind,
                            "required",
                            "Bitte laden Sie das Dokument „" + label + "“ hoch.",
                            "Please upload the document “" + label + "”.");
                })
                .toList();
    }

    private static List<AttachmentReference> references(List<StoredAttachment> uploaded) {
        return uploaded.stream()
                .map(attachment -> new AttachmentReference(
                        attachment.id().toString(),
                        attachment.kind(),
                        attachment.fileName(),
                        attachment.mediaType(),
                        attachment.size(),
                        attachment.sha256()))
                .toList();
    }

    /**
     * Aktenzeichen: authority prefix, year, and a counter per authority and year, e.g. {@code HA-2026-000123}.
     * The counter is a PostgreSQL sequence, so that concurrent submissions to one authority never wait
     * for each other; a submission that fails after drawing its number leaves a gap, as paper registers do.
     * Answers the sequence's name, created on first use.
     */
    private Uni<String> referenceSequence(String authorityId, int year) {
        String sequence = "reference_" + authorityId.replaceAll("[^a-z0-9]", "_") + "_" + year;
        if (knownSequences.contains(sequence)) {
            return Uni.createFrom().item(sequence);
        }
        return pool.query("CREATE SEQUENCE IF NOT EXISTS " + sequence)
                .execute()
                .replaceWithVoid()
                // Two first submissions at once may both create it; the loser finds it there.
                .onFailure(failure -> failure instanceof PgException pg
                        && ("23505".equals(pg.getSqlState()) || "42P07".equals(pg.getSqlState())))
                .recoverWithNull()
                .invoke(() -> knownSequences.add(sequence))
                .replaceWith(sequence);
    }

    /** Adds an entry to the timeline the citizen sees, in the caller's transaction. */
    private static Uni<Void> timeline(
            SqlConnection connection, UUID id, ApplicationStatus status, String event, String description) {
        return connection
                .preparedQuery(
                        "INSERT INTO timeline_entry (application_id, at, status, event_type, description) VALUES ($1, now(), $2, $3, $4)")
                .execute(Tuple.of(id, status.name(), event, description))
                .replaceWithVoid();
    }

    private static String formKey(Applications.Stored stored) {
        return stored.view().service().key() + "/" + stored.view().formVersion();
    }

    private static SubmissionReceipt receipt(ApplicationView view) {
        return new SubmissionReceipt(
                view.id(), view.referenceNumber(), view.status(), view.submittedAt(), view.service(), view.authority());
    }
}
