package no.tilfrisk.directory;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Offers as Open Referral's Human Services Data Specification 3.0 and back. An offer is an HSDS {@code service}
 * with its {@code organization} (the operator), one {@code service_at_location} with the {@code location} (address,
 * accessibility), {@code schedules} (weekly RFC 5545 rules, {@code freq=WEEKLY} and {@code byday}; a date of its
 * own as {@code valid_from = valid_to}, a closed date with the note {@code closed}; an opening past midnight
 * closes at or before it opens), {@code languages}, {@code phones}, {@code service_areas}, and {@code attributes}
 * with taxonomy terms for what HSDS has no field for: the tags, low threshold, free of charge, operator kind,
 * capacity and the source's figures. Ids of the sub-objects are derived from the offer's, so an export is stable.
 */
@Component
public class Hsds {

    static final String NEED = "tilfrisk:need";
    static final String GROUP = "tilfrisk:target-group";
    static final String FLAG = "tilfrisk:flag";
    static final String VALUE = "tilfrisk:value";
    static final String FIGURE = "tilfrisk:source-figure";

    public List<Map<String, Object>> export(List<Offer> offers) {
        return offers.stream().map(this::service).toList();
    }

    Map<String, Object> service(Offer o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", o.id().toString());
        s.put("name", o.name());
        put(s, "description", o.description());
        put(s, "url", o.web());
        s.put("status", o.published() ? "active" : "inactive");
        put(s, "fees_description", o.cost());
        put(s, "eligibility_description", o.targetText());
        if (o.lastConfirmed() != null) {
            s.put("assured_date", o.lastConfirmed().toString());
        }
        if (o.operatorName() != null) {
            UUID org = derived(o.id(), "organization");
            s.put("organization_id", org.toString());
            s.put("organization", Map.of("id", org.toString(), "name", o.operatorName(), "description", ""));
        }
        if (o.phone() != null) {
            s.put("phones", List.of(Map.of("id", derived(o.id(), "phone").toString(), "number", o.phone())));
        }
        List<Map<String, Object>> languages = new ArrayList<>();
        for (String code : o.languages()) {
            languages.add(Map.of("id", derived(o.id(), "language:" + code).toString(), "code", code));
        }
        s.put("languages", languages);
        if (o.area() != null) {
            s.put("service_areas", List.of(Map.of("id", derived(o.id(), "area").toString(), "name", o.area())));
        }
        if (o.address() != null || o.municipality() != null || !o.accessibility().isEmpty()) {
            UUID location = derived(o.id(), "location");
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", location.toString());
            l.put("location_type", "physical");
            l.put("name", o.name());
            if (o.address() != null || o.municipality() != null) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", derived(o.id(), "address").toString());
                a.put("location_id", location.toString());
                a.put("address_1", o.address() == null ? "" : o.address());
                a.put("city", o.municipality() == null ? "" : o.municipality());
                a.put("state_province", o.municipality() == null ? "" : o.municipality());
                a.put("postal_code", "");
                a.put("country", "NO");
                a.put("address_type", "physical");
                l.put("addresses", List.of(a));
            }
            List<Map<String, Object>> access = new ArrayList<>();
            for (String text : o.accessibility()) {
                access.add(Map.of("id", derived(o.id(), "access:" + text).toString(), "location_id", location.toString(),
                        "description", text));
            }
            l.put("accessibility", access);
            s.put("service_at_locations", List.of(Map.of("id", derived(o.id(), "service_at_location").toString(),
                    "service_id", o.id().toString(), "location_id", location.toString(), "location", l)));
        }
        s.put("schedules", schedules(o));
        s.put("attributes", attributes(o));
        return s;
    }

    private static List<Map<String, Object>> schedules(Offer o) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!o.hours().known()) {
            return out;
        }
        int i = 0;
        for (WeeklyHours h : o.hours().week()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", derived(o.id(), "schedule:" + i++).toString());
            s.put("service_id", o.id().toString());
            s.put("freq", "WEEKLY");
            s.put("byday", h.weekday().name().substring(0, 2));
            s.put("opens_at", h.opens().toString());
            s.put("closes_at", h.closes().toString());
            if (h.pastMidnight()) {
                s.put("description", "past midnight");
            }
            out.add(s);
        }
        for (DateHours d : o.hours().exceptions()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", derived(o.id(), "date:" + d.date()).toString());
            s.put("service_id", o.id().toString());
            s.put("valid_from", d.date().toString());
            s.put("valid_to", d.date().toString());
            s.put("dtstart", d.date().toString());
            if (d.closed()) {
                s.put("notes", "closed");
            } else {
                s.put("opens_at", d.opens().toString());
                s.put("closes_at", d.closes().toString());
                if (d.pastMidnight()) {
                    s.put("description", "past midnight");
                }
            }
            put(s, "attending_type", null);
            if (d.note() != null) {
                s.put("notes", d.closed() ? "closed: " + d.note() : d.note());
            }
            out.add(s);
        }
        return out;
    }

    private static List<Map<String, Object>> attributes(Offer o) {
        List<Map<String, Object>> out = new ArrayList<>();
        o.needs().forEach(n -> out.add(attribute(o.id(), NEED, n.code(), null)));
        o.targetGroups().forEach(g -> out.add(attribute(o.id(), GROUP, g.code(), null)));
        if (o.lowThreshold() != null) {
            out.add(attribute(o.id(), FLAG, o.lowThreshold() ? "low-threshold" : "referral-needed", o.referralFrom()));
        }
        if (o.free() != null) {
            out.add(attribute(o.id(), FLAG, o.free() ? "free" : "not-free", null));
        }
        out.add(attribute(o.id(), VALUE, "operator-kind", o.operatorKind().name()));
        if (o.capacity() != null) {
            out.add(attribute(o.id(), VALUE, "capacity", o.capacity().toString()));
        }
        if (o.hours().known()) {
            out.add(attribute(o.id(), FLAG, "hours-known", null));
        }
        o.sourceFigures().forEach((k, v) -> out.add(attribute(o.id(), FIGURE, k, v)));
        return out;
    }

    private static Map<String, Object> attribute(UUID offer, String taxonomy, String name, String value) {
        UUID term = UUID.nameUUIDFromBytes((taxonomy + ":" + name).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", derived(offer, "attribute:" + taxonomy + ":" + name).toString());
        a.put("link_id", offer.toString());
        a.put("link_type", "service");
        a.put("link_entity", "service");
        a.put("taxonomy_term_id", term.toString());
        if (value != null) {
            a.put("value", value);
        }
        a.put("taxonomy_term", Map.of("id", term.toString(), "name", name, "description", name, "taxonomy", taxonomy));
        return a;
    }

    // ---- import ------------------------------------------------------------------------------------------------

    /** An imported service: its id, the offer as a form, its last confirmation, and the source's figures. */
    public record Imported(UUID id, OfferForm form, LocalDate assured, Map<String, String> figures) {
    }

    /** Reads HSDS 3.0 services; a service that is not one (no id or name) is a message, never a failure. */
    @SuppressWarnings("unchecked")
    public List<Imported> read(List<Map<String, Object>> services) {
        List<Imported> out = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            Map<String, Object> s = services.get(i);
            UUID id;
            try {
                id = UUID.fromString(String.valueOf(s.get("id")));
            } catch (IllegalArgumentException e) {
                throw new no.tilfrisk.platform.web.InvalidInputException("services[" + i + "].id", "directory.error.hsdsId");
            }
            OfferForm f = new OfferForm();
            f.setName(text(s.get("name")));
            f.setDescription(text(s.get("description")));
            f.setWeb(text(s.get("url")));
            f.setPublished(!"inactive".equals(s.get("status")) && !"defunct".equals(s.get("status")));
            f.setCost(text(s.get("fees_description")));
            f.setTargetText(text(s.get("eligibility_description")));
            if (s.get("organization") instanceof Map<?, ?> org) {
                f.setOperatorName(text(org.get("name")));
            }
            for (Map<String, Object> p : list(s.get("phones"))) {
                f.setPhone(text(p.get("number")));
            }
            List<String> languages = new ArrayList<>();
            for (Map<String, Object> l : list(s.get("languages"))) {
                if (l.get("code") != null) {
                    languages.add(text(l.get("code")));
                }
            }
            f.setLanguages(languages);
            for (Map<String, Object> a : list(s.get("service_areas"))) {
                f.setArea(text(a.get("name")));
            }
            List<String> accessibility = new ArrayList<>();
            for (Map<String, Object> sal : list(s.get("service_at_locations"))) {
                if (sal.get("location") instanceof Map<?, ?> location) {
                    for (Map<String, Object> a : list(location.get("addresses"))) {
                        f.setAddress(blank(text(a.get("address_1"))));
                        f.setMunicipality(blank(text(a.get("city"))));
                    }
                    for (Map<String, Object> a : list(location.get("accessibility"))) {
                        accessibility.add(text(a.get("description")));
                    }
                }
            }
            f.setAccessibility(accessibility);
            List<String> needs = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            Map<String, String> figures = new LinkedHashMap<>();
            f.setOperatorKind(OperatorKind.VOLUNTARY);
            for (Map<String, Object> a : list(s.get("attributes"))) {
                Map<String, Object> term = a.get("taxonomy_term") instanceof Map<?, ?> t ? (Map<String, Object>) t : Map.of();
                String taxonomy = text(term.get("taxonomy"));
                String name = text(term.get("name"));
                String value = text(a.get("value"));
                if (taxonomy == null || name == null) {
                    continue;
                }
                switch (taxonomy) {
                    case NEED -> needs.add(name);
                    case GROUP -> groups.add(name);
                    case FIGURE -> figures.put(name, value);
                    case FLAG -> {
                        switch (name) {
                            case "low-threshold" -> f.setLowThreshold(true);
                            case "referral-needed" -> {
                                f.setLowThreshold(false);
                                f.setReferralFrom(value);
                            }
                            case "free" -> f.setFree(true);
                            case "not-free" -> f.setFree(false);
                            case "hours-known" -> f.setHoursKnown(true);
                            default -> { }
                        }
                    }
                    case VALUE -> {
                        if (name.equals("operator-kind") && value != null) {
                            try {
                                f.setOperatorKind(OperatorKind.valueOf(value));
                            } catch (IllegalArgumentException e) {
                                throw new no.tilfrisk.platform.web.InvalidInputException("services[" + i + "].attributes",
                                        "directory.error.unknownTag", value);
                            }
                        } else if (name.equals("capacity") && value != null && value.matches("\\d{1,6}")) {
                            f.setCapacity(Integer.valueOf(value));
                        }
                    }
                    default -> { }
                }
            }
            f.setNeeds(needs);
            f.setTargetGroups(groups);
            List<OfferForm.Hours> week = new ArrayList<>();
            List<OfferForm.Exception> dates = new ArrayList<>();
            for (Map<String, Object> sc : list(s.get("schedules"))) {
                String opens = text(sc.get("opens_at"));
                String closes = text(sc.get("closes_at"));
                boolean past = opens != null && closes != null && closes.compareTo(opens) <= 0;
                if (sc.get("valid_from") != null && sc.get("valid_from").equals(sc.get("valid_to"))) {
                    String notes = text(sc.get("notes"));
                    boolean closed = opens == null;
                    String note = notes == null ? null : closed ? (notes.startsWith("closed: ") ? notes.substring(8) : null) : notes;
                    dates.add(new OfferForm.Exception(text(sc.get("valid_from")), closed, opens, closes, past, note));
                    f.setHoursKnown(true);
                } else if ("WEEKLY".equals(sc.get("freq")) && sc.get("byday") != null && opens != null) {
                    for (String day : text(sc.get("byday")).split(",")) {
                        week.add(new OfferForm.Hours(weekday(day.trim()), opens, closes, past));
                    }
                    f.setHoursKnown(true);
                }
            }
            f.setHours(week);
            f.setExceptions(dates);
            LocalDate assured = null;
            try {
                assured = s.get("assured_date") == null ? null : LocalDate.parse(text(s.get("assured_date")));
            } catch (java.time.format.DateTimeParseException e) {
                throw new no.tilfrisk.platform.web.InvalidInputException("services[" + i + "].assured_date", "directory.error.date");
            }
            out.add(new Imported(id, f, assured, figures));
        }
        return out;
    }

    private static DayOfWeek weekday(String code) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(code.toUpperCase(java.util.Locale.ROOT)) && code.length() == 2) {
                return d;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        if (!(value instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static UUID derived(UUID offer, String part) {
        return UUID.nameUUIDFromBytes((offer + ":" + part).getBytes(StandardCharsets.UTF_8));
    }
}
