package no.tilfrisk.organisation;

import static no.tilfrisk.platform.Text.blankToNull;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What a user types to create or change a department; the same shape for the form and the API. A mutable
 * bean rather than a record so that a value that cannot be converted (a date typed as 31.02.2020) becomes a
 * field error while the other fields keep what the user typed.
 */
public class DepartmentForm {

    @NotBlank(message = "{department.name.required}")
    @Size(max = 200, message = "{department.name.size}")
    private String name;

    @Size(max = 100, message = "{department.municipality.size}")
    private String municipality;

    @PastOrPresent(message = "{department.startDate.future}")
    private LocalDate startDate;

    public DepartmentForm() {
    }

    public DepartmentForm(String name, String municipality, LocalDate startDate) {
        this.name = name;
        this.municipality = municipality;
        this.startDate = startDate;
    }

    public static DepartmentForm of(Department d) {
        return new DepartmentForm(d.name(), d.municipality(), d.startDate());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getMunicipality() {
        return municipality;
    }

    public void setMunicipality(String municipality) {
        this.municipality = municipality;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    String trimmedName() {
        return name.strip();
    }

    String trimmedMunicipality() {
        return blankToNull(municipality);
    }
}
