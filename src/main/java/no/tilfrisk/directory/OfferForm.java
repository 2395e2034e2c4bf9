package no.tilfrisk.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * An offer as a keeper writes it, on the page or through the API. Tags, times and dates arrive as text, so that a
 * wrong one becomes a message next to its field ({@link OfferRules}) instead of a refused request.
 */
public class OfferForm {

    private String name;
    private String operatorName;
    private OperatorKind operatorKind = OperatorKind.VOLUNTARY;
    private String description;
    private List<String> needs = new ArrayList<>();
    private List<String> targetGroups = new ArrayList<>();
    private String targetText;
    private Boolean lowThreshold;
    private String referralFrom;
    private Boolean free;
    private String cost;
    private String address;
    private String area;
    private String municipality;
    private String phone;
    private String web;
    private List<String> languages = new ArrayList<>();
    private List<String> accessibility = new ArrayList<>();
    private Integer capacity;
    private boolean hoursKnown;
    private List<Hours> hours = new ArrayList<>();
    private List<Exception> exceptions = new ArrayList<>();
    private boolean published = true;
    /** The version the writer read (the API may send it instead of If-Match); the page sends it separately. */
    private Integer version;
    /** A shared entry of the network rather than the organisation's own (directory editors only). */
    private boolean shared;

    /** One interval of a weekday: times as HH:MM; past midnight must be ticked for a closing after midnight. */
    public static class Hours {
        private DayOfWeek weekday;
        private String opens;
        private String closes;
        private boolean pastMidnight;

        /** The one constructor Jackson uses (the other would make a missing pastMidnight an error). */
        @JsonCreator
        public Hours() {
        }

        public Hours(DayOfWeek weekday, String opens, String closes, boolean pastMidnight) {
            this.weekday = weekday;
            this.opens = opens;
            this.closes = closes;
            this.pastMidnight = pastMidnight;
        }

        public DayOfWeek getWeekday() { return weekday; }
        public void setWeekday(DayOfWeek weekday) { this.weekday = weekday; }
        public String getOpens() { return opens; }
        public void setOpens(String opens) { this.opens = opens; }
        public String getCloses() { return closes; }
        public void setCloses(String closes) { this.closes = closes; }
        public boolean isPastMidnight() { return pastMidnight; }
        public void setPastMidnight(boolean pastMidnight) { this.pastMidnight = pastMidnight; }
    }

    /** A date that differs from the week: closed, or its own hours. The date as yyyy-mm-dd. */
    public static class Exception {
        private String date;
        private boolean closed;
        private String opens;
        private String closes;
        private boolean pastMidnight;
        private String note;

        @JsonCreator
        public Exception() {
        }

        public Exception(String date, boolean closed, String opens, String closes, boolean pastMidnight, String note) {
            this.date = date;
            this.closed = closed;
            this.opens = opens;
            this.closes = closes;
            this.pastMidnight = pastMidnight;
            this.note = note;
        }

        public String getDate() { return date; }
        public void setDate(String date) { this.date = date; }
        public boolean isClosed() { return closed; }
        public void setClosed(boolean closed) { this.closed = closed; }
        public String getOpens() { return opens; }
        public void setOpens(String opens) { this.opens = opens; }
        public String getCloses() { return closes; }
        public void setCloses(String closes) { this.closes = closes; }
        public boolean isPastMidnight() { return pastMidnight; }
        public void setPastMidnight(boolean pastMidnight) { this.pastMidnight = pastMidnight; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOperatorName() { return operatorName; }
    public void setOperatorName(String operatorName) { this.operatorName = operatorName; }
    public OperatorKind getOperatorKind() { return operatorKind; }
    public void setOperatorKind(OperatorKind operatorKind) { this.operatorKind = operatorKind; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<String> getNeeds() { return needs; }
    public void setNeeds(List<String> needs) { this.needs = needs == null ? new ArrayList<>() : needs; }
    public List<String> getTargetGroups() { return targetGroups; }
    public void setTargetGroups(List<String> targetGroups) { this.targetGroups = targetGroups == null ? new ArrayList<>() : targetGroups; }
    public String getTargetText() { return targetText; }
    public void setTargetText(String targetText) { this.targetText = targetText; }
    public Boolean getLowThreshold() { return lowThreshold; }
    public void setLowThreshold(Boolean lowThreshold) { this.lowThreshold = lowThreshold; }
    public String getReferralFrom() { return referralFrom; }
    public void setReferralFrom(String referralFrom) { this.referralFrom = referralFrom; }
    public Boolean getFree() { return free; }
    public void setFree(Boolean free) { this.free = free; }
    public String getCost() { return cost; }
    public void setCost(String cost) { this.cost = cost; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getArea() { return area; }
    public void setArea(String area) { this.area = area; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String municipality) { this.municipality = municipality; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getWeb() { return web; }
    public void setWeb(String web) { this.web = web; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages == null ? new ArrayList<>() : languages; }
    public List<String> getAccessibility() { return accessibility; }
    public void setAccessibility(List<String> accessibility) { this.accessibility = accessibility == null ? new ArrayList<>() : accessibility; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public boolean isHoursKnown() { return hoursKnown; }
    public void setHoursKnown(boolean hoursKnown) { this.hoursKnown = hoursKnown; }
    public List<Hours> getHours() { return hours; }
    public void setHours(List<Hours> hours) { this.hours = hours == null ? new ArrayList<>() : hours; }
    public List<Exception> getExceptions() { return exceptions; }
    public void setExceptions(List<Exception> exceptions) { this.exceptions = exceptions == null ? new ArrayList<>() : exceptions; }
    public boolean isPublished() { return published; }
    public void setPublished(boolean published) { this.published = published; }
    public boolean isShared() { return shared; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public void setShared(boolean shared) { this.shared = shared; }
}
