package no.tilfrisk.leisure;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A decision as staff record it. */
public class DecisionForm {

    private String reference;
    private String municipality;
    private SupportForm form;
    private BigDecimal hours;
    private Decision.HoursPer per;
    private LocalDate validFrom;
    private LocalDate validTo;

    public String getReference() { return reference; }
    public void setReference(String v) { reference = v; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String v) { municipality = v; }
    public SupportForm getForm() { return form; }
    public void setForm(SupportForm v) { form = v; }
    public BigDecimal getHours() { return hours; }
    public void setHours(BigDecimal v) { hours = v; }
    public Decision.HoursPer getPer() { return per; }
    public void setPer(Decision.HoursPer v) { per = v; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate v) { validFrom = v; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate v) { validTo = v; }
}
