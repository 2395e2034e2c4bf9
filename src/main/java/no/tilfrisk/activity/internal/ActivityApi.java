package no.tilfrisk.activity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.Activity;
import no.tilfrisk.activity.ActivityCounts;
import no.tilfrisk.activity.ActivityForm;
import no.tilfrisk.activity.ActivityKind;
import no.tilfrisk.activity.ActivityOverview;
import no.tilfrisk.activity.ActivitySession;
import no.tilfrisk.activity.ActivitySessions;
import no.tilfrisk.activity.AttendanceRollCall;
import no.tilfrisk.activity.SessionForm;
import no.tilfrisk.platform.web.IdempotencyKey;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Activities", description = "Groups and events, their sessions and attendance")
class ActivityApi {

    /**
     * An activity with its figures for the period asked for. For a report reader, who may not see persons, the
     * figures are left out (null): they are in the external annual report, whole years with small numbers hidden.
     */
    record ActivityWithCounts(Activity activity, String departmentName, ActivityCounts counts, Long attendances,
                              Long participants, Long children) {
        static ActivityWithCounts of(ActivityOverview o) {
            if (!ActivityAccess.mayCountPersons()) {
                return new ActivityWithCounts(o.activity(), o.departmentName(), null, null, null, null);
            }
            return new ActivityWithCounts(o.activity(), o.departmentName(), o.counts(), o.counts().attendances(),
                    o.counts().participants(), o.counts().children());
        }
    }

    /**
     * A session as the API reads it: its head-counts and named attendance, left out (null) for a report reader, who
     * reads such figures in the external annual report.
     */
    record SessionJson(UUID id, UUID activityId, LocalDate date, LocalTime startTime,
                       LocalTime endTime, String place, Integer adults, Integer children, Integer guests,
                       Integer named, boolean cancelled, String cancelReason) {
        static SessionJson of(ActivitySession s, boolean counts) {
            return new SessionJson(s.id(), s.activityId(), s.date(), s.startTime(), s.endTime(), s.place(),
                    counts ? s.adults() : null, counts ? s.children() : null, counts ? s.guests() : null,
                    counts ? s.named() : null, s.cancelled(), s.cancelReason());
        }
    }

    private final Activities activities;
    private final ActivitySessions sessions;
    private final AttendanceRollCall rollCall;
    private final Clock clock;
    private final MessageSource messages;

    ActivityApi(Activities activities, ActivitySessions sessions, AttendanceRollCall rollCall, Clock clock,
                MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
        this.activities = activities;
        this.sessions = sessions;
        this.rollCall = rollCall;
    }

    @GetMapping("/api/v1/activities")
    @Operation(summary = "Activities that ran in a period (default this year), with their figures",
            description = "Counting rules: attendances = named + anonymous head-counts summed over sessions; "
                    + "participants = unique named persons + the largest count of anonymous adults of one session + "
                    + "the largest count of children of one session (a lower bound); children = that largest "
                    + "children's count.")
    List<ActivityWithCounts> list(@RequestParam(required = false) UUID department, @RequestParam(required = false) UUID kind,
                                  @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        Period period = Period.chosenOrThisYear(from, to, LocalDate.now(clock));
        LocalDate start = period.from();
        LocalDate end = period.to();
        return activities.list(department, start, end).stream()
                .filter(o -> kind == null || o.activity().kind().id().equals(kind))
                .map(ActivityWithCounts::of).map(a -> new ActivityWithCounts(named(a.activity()), a.departmentName(),
                        a.counts(), a.attendances(), a.participants(), a.children())).toList();
    }

    @GetMapping("/api/v1/activity-kinds")
    @Operation(summary = "The organisation's kinds of activity, each with its name in the caller's language",
            description = "A built-in kind has a code (FRILUFT …) and its name as the pages show it; the "
                    + "organisation's own kinds have a name and no code.")
    List<ActivityKind> kinds() {
        return activities.kinds().stream().map(this::named).toList();
    }

    /** A kind of the organisation's own to add. */
    record KindBody(String name) {
    }

    @PostMapping("/api/v1/activity-kinds")
    @Operation(summary = "Add a kind of the organisation's own (admins and coordinators)",
            description = "A name already there answers that kind, so a retried request adds one.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "a kind", value = "{\"name\": \"Matlaging\"}"))))
    ResponseEntity<ActivityKind> addKind(@RequestBody(required = false) KindBody body) {
        ActivityKind kind = activities.addKind(body == null ? null : body.name());
        return ResponseEntity.created(URI.create("/api/v1/activity-kinds")).body(named(kind));
    }

    /** A built-in kind with its name in the caller's language beside its code. */
    private ActivityKind named(ActivityKind kind) {
        if (kind == null || kind.code() == null) {
            return kind;
        }
        return new ActivityKind(kind.id(), kind.code(),
                messages.getMessage(kind.messageKey(), null, kind.code(), LocaleContextHolder.getLocale()));
    }

    private Activity named(Activity a) {
        return new Activity(a.id(), a.departmentId(), a.name(), a.format(), named(a.kind()), a.startDate(),
                a.endDate(), a.description(), a.partners(), a.lowThreshold(), a.leaderIds(), a.archived());
    }

    @PostMapping("/api/v1/activities")
    @Operation(summary = "Create an activity", description = "Send an Idempotency-Key (a UUID) to make a retried "
            + "request create nothing twice; it becomes the activity's id.")
    ResponseEntity<Activity> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                    @Valid @RequestBody ActivityForm form) {
        Activity created = activities.create(IdempotencyKey.idFor(key), form);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + created.id())).body(named(created));
    }

    @GetMapping("/api/v1/activities/{id}")
    Activity get(@PathVariable UUID id) {
        return named(activities.get(id));
    }

    @PutMapping("/api/v1/activities/{id}")
    Activity update(@PathVariable UUID id, @Valid @RequestBody ActivityForm form) {
        return named(activities.update(id, form));
    }

    @DeleteMapping("/api/v1/activities/{id}")
    @Operation(summary = "Archive an activity", description = "Its sessions and attendance stay in the figures.")
    ResponseEntity<Void> archive(@PathVariable UUID id) {
        activities.archive(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/activities/{id}/unarchive")
    @Operation(summary = "Bring an archived activity back into the lists (the undo of DELETE)")
    Activity unarchive(@PathVariable UUID id) {
        activities.unarchive(id);
        return named(activities.get(id));
    }

    @GetMapping("/api/v1/activities/{id}/sessions")
    List<SessionJson> sessions(@PathVariable UUID id) {
        boolean counts = ActivityAccess.mayCountPersons();
        return sessions.list(id).stream().map(s -> SessionJson.of(s, counts)).toList();
    }

    @PostMapping("/api/v1/activities/{id}/sessions")
    @Operation(summary = "Add a session, or a weekly series when `until` is given",
            description = "A single session takes an Idempotency-Key (a UUID) that becomes its id. A series makes "
                    + "each missing session once and answers 201 with the sessions it made (none when sent again).")
    ResponseEntity<?> addSession(@PathVariable UUID id,
                                 @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                 @Valid @RequestBody SessionForm form) {
        if (form.getUntil() != null) {
            List<ActivitySession> made = sessions.addSeries(id, form);
            return ResponseEntity.created(URI.create("/api/v1/activities/" + id + "/sessions")).body(made);
        }
        ActivitySession created = sessions.addOne(IdempotencyKey.idFor(key), id, form);
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/sessions/{id}")
    SessionJson session(@PathVariable UUID id) {
        return SessionJson.of(sessions.get(id), ActivityAccess.mayCountPersons());
    }

    @PostMapping("/api/v1/sessions/{id}/cancel")
    ActivitySession cancel(@PathVariable UUID id, @RequestBody(required = false) CancelRequest request) {
        sessions.cancel(id, request == null ? null : request.reason());
        return sessions.get(id);
    }

    record CancelRequest(String reason) {
    }

    @PostMapping("/api/v1/sessions/{id}/reinstate")
    @Operation(summary = "Reinstate a cancelled session", description = "The cancellation and its reason are removed; "
            + "reinstating a session that is not cancelled changes nothing. A session outside its activity's period "
            + "answers 400 on the field date.")
    ActivitySession reinstate(@PathVariable UUID id) {
        sessions.reinstate(id);
        return sessions.get(id);
    }

    @GetMapping("/api/v1/sessions/{id}/attendance")
    @Operation(summary = "A session's named attendance and head-counts")
    AttendanceRollCall.Attendance attendance(@PathVariable UUID id) {
        return rollCall.attendance(id);
    }

    @PutMapping("/api/v1/sessions/{id}/attendance")
    @Operation(summary = "Replace a session's attendance", description = "The full list of named persons and the "
            + "head-counts; the same request twice leaves the same attendance.")
    AttendanceRollCall.Attendance replaceAttendance(@PathVariable UUID id,
                                                    @Valid @RequestBody AttendanceRollCall.Attendance attendance) {
        return rollCall.replace(id, attendance);
    }
}
