package no.tilfrisk.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.volunteer.matching.VolunteerKind;
import no.tilfrisk.volunteer.matching.Wish;

/** The profile form (page and API). Languages are typed as codes separated by commas or spaces («nb, en»). */
public class VolunteerProfileForm {

    private VolunteerKind kind;
    private List<UUID> interestIds = new ArrayList<>();
    private String languages;
    private String municipality;
    private String area;
    private List<String> availability = new ArrayList<>();
    private List<LifeArea> skillAreas = new ArrayList<>();
    private String preferredGender;
    private Integer minAge;
    private Integer maxAge;
    private List<Wish> wontDo = new ArrayList<>();
    private Integer capacity = 1;
    private String presentation;

    public static VolunteerProfileForm of(VolunteerProfile p) {
        VolunteerProfileForm f = new VolunteerProfileForm();
        f.kind = p.kind();
        f.interestIds = new ArrayList<>(p.interestIds());
        f.languages = String.join(", ", p.languages());
        f.municipality = p.municipality();
        f.area = p.area();
        f.availability = new ArrayList<>(p.availability());
        f.skillAreas = new ArrayList<>(p.skillAreas());
        f.preferredGender = p.preferredGender();
        f.minAge = p.minAge();
        f.maxAge = p.maxAge();
        f.wontDo = new ArrayList<>(p.wontDo());
        f.capacity = p.capacity();
        f.presentation = p.presentation();
        return f;
    }

    public VolunteerKind getKind() { return kind; }
    public void setKind(VolunteerKind v) { kind = v; }
    public List<UUID> getInterestIds() { return interestIds; }
    public void setInterestIds(List<UUID> v) { interestIds = v; }
    public String getLanguages() { return languages; }
    public void setLanguages(String v) { languages = v; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String v) { municipality = v; }
    public String getArea() { return area; }
    public void setArea(String v) { area = v; }
    public List<String> getAvailability() { return availability; }
    public void setAvailability(List<String> v) { availability = v; }
    public List<LifeArea> getSkillAreas() { return skillAreas; }
    public void setSkillAreas(List<LifeArea> v) { skillAreas = v; }
    public String getPreferredGender() { return preferredGender; }
    public void setPreferredGender(String v) { preferredGender = v; }
    public Integer getMinAge() { return minAge; }
    public void setMinAge(Integer v) { minAge = v; }
    public Integer getMaxAge() { return maxAge; }
    public void setMaxAge(Integer v) { maxAge = v; }
    public List<Wish> getWontDo() { return wontDo; }
    public void setWontDo(List<Wish> v) { wontDo = v; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer v) { capacity = v; }
    public String getPresentation() { return presentation; }
    public void setPresentation(String v) { presentation = v; }
}
