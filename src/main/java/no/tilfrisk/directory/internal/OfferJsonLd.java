package no.tilfrisk.directory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilfrisk.directory.DateHours;
import no.tilfrisk.directory.Offer;
import no.tilfrisk.directory.OperatorKind;
import no.tilfrisk.directory.WeeklyHours;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An offer as schema.org JSON-LD for search engines: a {@code GovernmentService} (municipal or state, its place
 * carrying the hours) or a {@code LocalBusiness}, with {@code openingHoursSpecification} from the week and the
 * dates that differ (a closed date is 00:00–00:00, as schema.org says). Unknown hours give none.
 */
@Component
class OfferJsonLd {

    private final JsonMapper json;

    OfferJsonLd(JsonMapper json) {
        this.json = json;
    }

    /** The JSON text, safe inside a {@code <script>} element. */
    String of(Offer offer, String contextPath) {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("@type", "Place");
        if (offer.address() != null || offer.municipality() != null) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            putIf(address, "streetAddress", offer.address());
            putIf(address, "addressLocality", offer.municipality());
            address.put("addressCountry", "NO");
            place.put("address", address);
        }
        List<Map<String, Object>> hours = hours(offer);
        if (!hours.isEmpty()) {
            place.put("openingHoursSpecification", hours);
        }
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        boolean government = offer.operatorKind() == OperatorKind.MUNICIPAL || offer.operatorKind() == OperatorKind.STATE;
        ld.put("@type", government ? "GovernmentService" : "LocalBusiness");
        ld.put("name", offer.name());
        putIf(ld, "description", offer.description());
        putIf(ld, "telephone", offer.phone());
        putIf(ld, "url", offer.web());
        putIf(ld, "areaServed", offer.area() != null ? offer.area() : offer.municipality());
        if (offer.operatorName() != null) {
            ld.put(government ? "provider" : "parentOrganization", Map.of("@type", "Organization", "name", offer.operatorName()));
        }
        if (!offer.languages().isEmpty()) {
            ld.put("availableLanguage", offer.languages());
        }
        if (offer.free() != null) {
            ld.put("isAccessibleForFree", offer.free());
        }
        if (offer.lastConfirmed() != null) {
            ld.put(government ? "dateModified" : "dateModified", offer.lastConfirmed().toString());
        }
        if (government) {
            ld.put("availableChannel", Map.of("@type", "ServiceChannel", "serviceLocation", place));
        } else {
            place.forEach((k, v) -> {
                if (!k.equals("@type")) {
                    ld.put(k, v);
                }
            });
        }
        return json.writeValueAsString(ld).replace("</", "<\\/");
    }

    private static List<Map<String, Object>> hours(Offer offer) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!offer.hours().known()) {
            return out;
        }
        for (WeeklyHours h : offer.hours().week()) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("@type", "OpeningHoursSpecification");
            String day = h.weekday().name();
            spec.put("dayOfWeek", "https://schema.org/" + day.charAt(0) + day.substring(1).toLowerCase());
            spec.put("opens", h.opens().toString());
            spec.put("closes", h.closes().toString());
            out.add(spec);
        }
        for (DateHours d : offer.hours().exceptions()) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("@type", "OpeningHoursSpecification");
            spec.put("validFrom", d.date().toString());
            spec.put("validThrough", d.date().toString());
            spec.put("opens", d.closed() ? "00:00" : d.opens().toString());
            spec.put("closes", d.closed() ? "00:00" : d.closes().toString());
            out.add(spec);
        }
        return out;
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
