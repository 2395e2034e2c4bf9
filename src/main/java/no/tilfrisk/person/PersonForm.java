package no.tilfrisk.person;

import static no.tilfrisk.platform.Text.blankToNull;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A person as staff register them: as little as serves. Only the display name (a nickname will do) is required.
 * A mutable bean so that a value that cannot be converted becomes a field error and the rest is kept.
 */
public class PersonForm {

    @NotBlank(message = "{person.displayName.required}")
    @Size(max = 100, message = "{person.displayName.size}")
    private String displayName;

    @Size(max = 200, message = "{person.fullName.size}")
    private String fullName;

    @Min(value = 1900, message = "{person.birthYear.range}")
    @Max(value = 2100, message = "{person.birthYear.range}")
    private Integer birthYear;

    @PastOrPresent(message = "{person.birthDate.future}")
    private LocalDate birthDate;

    private Gender gender;

    @Size(max = 30, message = "{person.phone.size}")
    @Pattern(regexp = "^$|^\\+?[0-9 ()-]{3,30}$", message = "{person.phone.invalid}")
    private String phone;

    @Email(message = "{person.email.invalid}")
    @Size(max = 254, message = "{person.email.size}")
    private String email;

    @Size(max = 100, message = "{person.municipality.size}")
    private String municipality;

    @Size(max = 4000, message = "{person.note.size}")
    private String note;

    @Size(max = 20, message = "{person.nationalId.invalid}")
    private String nationalId;

    /** On registration: the first role and department. */
    private PersonRole role;
    private UUID departmentId;

    /** On registration: the purposes consented to, and how the consent was given. */
    private List<ConsentPurpose> consentPurposes = new ArrayList<>();
    private ConsentMethod consentMethod;

    /** Set when the user has seen the duplicate warning and registers anyway. */
    private boolean confirmDuplicate;

    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
    public String getFullName() { return fullName; }
    public void setFullName(String v) { fullName = v; }
    public Integer getBirthYear() { return birthYear; }
    public void setBirthYear(Integer v) { birthYear = v; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate v) { birthDate = v; }
    public Gender getGender() { return gender; }
    public void setGender(Gender v) { gender = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String v) { municipality = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
    public String getNationalId() { return nationalId; }
    public void setNationalId(String v) { nationalId = v; }
    public PersonRole getRole() { return role; }
    public void setRole(PersonRole v) { role = v; }
    public UUID getDepartmentId() { return departmentId; }
    public void setDepartmentId(UUID v) { departmentId = v; }
    public List<ConsentPurpose> getConsentPurposes() { return consentPurposes; }
    public void setConsentPurposes(List<ConsentPurpose> v) { consentPurposes = v == null ? new ArrayList<>() : v; }
    public ConsentMethod getConsentMethod() { return consentMethod; }
    public void setConsentMethod(ConsentMethod v) { consentMethod = v; }
    public boolean isConfirmDuplicate() { return confirmDuplicate; }
    public void setConfirmDuplicate(boolean v) { confirmDuplicate = v; }

    /** The birth year, from the birth date where only that was given. */
    Integer effectiveBirthYear() {
        return birthYear != null ? birthYear : birthDate != null ? birthDate.getYear() : null;
    }


    public static PersonForm of(PersonDetails p) {
        PersonForm f = new PersonForm();
        f.displayName = p.displayName();
        f.fullName = p.fullName();
        f.birthYear = p.birthYear();
        f.birthDate = p.birthDate();
        f.gender = p.gender();
        f.phone = p.phone();
        f.email = p.email();
        f.municipality = p.municipality();
        f.note = p.note();
        return f;
    }
}
