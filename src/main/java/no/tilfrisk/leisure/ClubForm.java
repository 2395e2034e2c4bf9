package no.tilfrisk.leisure;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/** A club of the catalogue as staff write it (page and API); the cost in kroner. */
public class ClubForm {

    private String name;
    private ClubKind kind;
    private String municipality;
    private String address;
    private String contactPerson;
    private String contactPhone;
    private List<DayOfWeek> meetingDays = new ArrayList<>();
    private String meetingTimes;
    private BigDecimal costPerYear;
    private String equipmentNeeded;
    private String accessibility;
    private boolean usedBefore;
    private String experience;

    public static ClubForm of(Club c) {
        ClubForm f = new ClubForm();
        f.name = c.name();
        f.kind = c.kind();
        f.municipality = c.municipality();
        f.address = c.address();
        f.contactPerson = c.contactPerson();
        f.contactPhone = c.contactPhone();
        f.meetingDays = new ArrayList<>(c.meetingDays());
        f.meetingTimes = c.meetingTimes();
        f.costPerYear = c.costPerYearOre() == null ? null : BigDecimal.valueOf(c.costPerYearOre(), 2).stripTrailingZeros();
        f.equipmentNeeded = c.equipmentNeeded();
        f.accessibility = c.accessibility();
        f.usedBefore = c.usedBefore();
        f.experience = c.experience();
        return f;
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public ClubKind getKind() { return kind; }
    public void setKind(ClubKind v) { kind = v; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String v) { municipality = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getContactPerson() { return contactPerson; }
    public void setContactPerson(String v) { contactPerson = v; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String v) { contactPhone = v; }
    public List<DayOfWeek> getMeetingDays() { return meetingDays; }
    public void setMeetingDays(List<DayOfWeek> v) { meetingDays = v == null ? new ArrayList<>() : v; }
    public String getMeetingTimes() { return meetingTimes; }
    public void setMeetingTimes(String v) { meetingTimes = v; }
    public BigDecimal getCostPerYear() { return costPerYear; }
    public void setCostPerYear(BigDecimal v) { costPerYear = v; }
    public String getEquipmentNeeded() { return equipmentNeeded; }
    public void setEquipmentNeeded(String v) { equipmentNeeded = v; }
    public String getAccessibility() { return accessibility; }
    public void setAccessibility(String v) { accessibility = v; }
    public boolean isUsedBefore() { return usedBefore; }
    public void setUsedBefore(boolean v) { usedBefore = v; }
    public String getExperience() { return experience; }
    public void setExperience(String v) { experience = v; }
}
