package no.tilfrisk.directory;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import no.tilfrisk.platform.Text;
import no.tilfrisk.platform.web.InvalidInputException;

/**
 * The rules an offer must keep, each broken one a message next to its field, all at once. The parsed offer is
 * what the records write: tags as enums, times as times.
 */
public final class OfferRules {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{3,24}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private OfferRules() {
    }

    /** The form's content, checked: throws one {@link InvalidInputException} carrying every broken rule. */
    public static Parsed parse(OfferForm form) {
        List<InvalidInputException> broken = new ArrayList<>();
        String name = Text.blankToNull(form.getName());
        if (name == null) {
            broken.add(new InvalidInputException("name", "directory.error.required"));
        }
        length(broken, "name", name, 200);
        length(broken, "operatorName", form.getOperatorName(), 200);
        length(broken, "description", form.getDescription(), 4000);
        length(broken, "targetText", form.getTargetText(), 1000);
        length(broken, "referralFrom", form.getReferralFrom(), 200);
        length(broken, "cost", form.getCost(), 500);
        length(broken, "address", form.getAddress(), 300);
        length(broken, "area", form.getArea(), 100);
        length(broken, "municipality", form.getMunicipality(), 100);
        if (form.getOperatorKind() == null) {
            broken.add(new InvalidInputException("operatorKind", "directory.error.required"));
        }
        List<Need> needs = new ArrayList<>();
        for (String code : form.getNeeds()) {
            if (Text.blankToNull(code) == null) {
                continue;
            }
            try {
                needs.add(Need.of(code));
            } catch (IllegalArgumentException e) {
                broken.add(new InvalidInputException("needs", "directory.error.unknownTag", code));
            }
        }
        List<TargetGroup> groups = new ArrayList<>();
        for (String code : form.getTargetGroups()) {
            if (Text.blankToNull(code) == null) {
                continue;
            }
            try {
                groups.add(TargetGroup.of(code));
            } catch (IllegalArgumentException e) {
                broken.add(new InvalidInputException("targetGroups", "directory.error.unknownTag", code));
            }
        }
        String phone = Text.blankToNull(form.getPhone());
        if (phone != null && (!PHONE.matcher(phone).matches() || phone.chars().filter(Character::isDigit).count() < 5)) {
            broken.add(new InvalidInputException("phone", "directory.error.phone"));
        }
        String web = Text.blankToNull(form.getWeb());
        if (web != null && !isWebAddress(web)) {
            broken.add(new InvalidInputException("web", "directory.error.web"));
        }
        List<String> languages = new ArrayList<>();
        for (String language : form.getLanguages()) {
            String code = Text.blankToNull(language);
            if (code == null) {
                continue;
            }
            code = code.toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(code).matches()) {
                broken.add(new InvalidInputException("languages", "directory.error.language", language));
            } else if (!languages.contains(code)) {
                languages.add(code);
            }
        }
        List<String> accessibility = form.getAccessibility().stream().map(Text::blankToNull)
                .filter(a -> a != null).distinct().toList();
        accessibility.forEach(a -> length(broken, "accessibility", a, 100));
        if (form.getCapacity() != null && (form.getCapacity() < 0 || form.getCapacity() > 100000)) {
            broken.add(new InvalidInputException("capacity", "directory.error.capacity"));
        }
        List<WeeklyHours> week = new ArrayList<>();
        for (int i = 0; i < form.getHours().size(); i++) {
            OfferForm.Hours row = form.getHours().get(i);
            if (Text.blankToNull(row.getOpens()) == null && Text.blankToNull(row.getCloses()) == null) {
                continue;
            }
            String field = "hours[" + i + "]";
            LocalTime opens = time(broken, field + ".opens", row.getOpens());
            LocalTime closes = time(broken, field + ".closes", row.getCloses());
            if (row.getWeekday() == null) {
                broken.add(new InvalidInputException(field + ".weekday", "directory.error.required"));
            } else if (opens != null && closes != null) {
                WeeklyHours hours = new WeeklyHours(row.getWeekday(), opens, closes, row.isPastMidnight());
                if (!hours.consistent()) {
                    broken.add(new InvalidInputException(field + ".closes", row.isPastMidnight()
                            ? "directory.error.pastMidnightNotBefore" : "directory.error.closesBeforeOpens"));
                } else {
                    week.add(hours);
                }
            }
        }
        List<DateHours> exceptions = new ArrayList<>();
        for (int i = 0; i < form.getExceptions().size(); i++) {
            OfferForm.Exception row = form.getExceptions().get(i);
            if (Text.blankToNull(row.getDate()) == null) {
                continue;
            }
            String field = "exceptions[" + i + "]";
            LocalDate date = date(broken, field + ".date", row.getDate());
            length(broken, field + ".note", row.getNote(), 200);
            if (row.isClosed()) {
                if (date != null) {
                    exceptions.add(DateHours.closedOn(date, Text.blankToNull(row.getNote())));
                }
                continue;
            }
            LocalTime opens = time(broken, field + ".opens", row.getOpens());
            LocalTime closes = time(broken, field + ".closes", row.getCloses());
            if (date != null && opens != null && closes != null) {
                DateHours hours = DateHours.openOn(date, opens, closes, row.isPastMidnight(), Text.blankToNull(row.getNote()));
                if (!hours.consistent()) {
                    broken.add(new InvalidInputException(field + ".closes", row.isPastMidnight()
                            ? "directory.error.pastMidnightNotBefore" : "directory.error.closesBeforeOpens"));
                } else if (exceptions.stream().anyMatch(e -> e.date().equals(date))) {
                    broken.add(new InvalidInputException(field + ".date", "directory.error.dateTwice"));
                } else {
                    exceptions.add(hours);
                }
            }
        }
        InvalidInputException.throwIfAny(broken);
        return new Parsed(name, needs.stream().distinct().toList(), groups.stream().distinct().toList(), phone, web,
                languages, accessibility, new OpeningHours(form.isHoursKnown() || !week.isEmpty(), week, exceptions));
    }

    /** What the rules found: the checked values that differ in type from the form's. */
    public record Parsed(String name, List<Need> needs, List<TargetGroup> groups, String phone, String web,
                         List<String> languages, List<String> accessibility, OpeningHours hours) {
    }

    static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    && uri.getHost() != null && uri.getHost().contains(".");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void length(List<InvalidInputException> broken, String field, String value, int max) {
        if (value != null && value.length() > max) {
            broken.add(new InvalidInputException(field, "directory.error.tooLong", max));
        }
    }

    private static LocalTime time(List<InvalidInputException> broken, String field, String text) {
        String value = Text.blankToNull(text);
        if (value == null) {
            broken.add(new InvalidInputException(field, "directory.error.required"));
            return null;
        }
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            broken.add(new InvalidInputException(field, "directory.error.time"));
            return null;
        }
    }

    private static LocalDate date(List<InvalidInputException> broken, String field, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            broken.add(new InvalidInputException(field, "directory.error.date"));
            return null;
        }
    }
}
