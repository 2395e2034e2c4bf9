package no.tilfrisk.volunteer;

import java.time.LocalDate;

/** The screening form: each step's date (and the police certificate's seer, the training's course). */
public class ScreeningForm {

    private LocalDate policeSeenOn;
    private String policeSeenBy;
    private LocalDate confidentialitySignedOn;
    private String trainingCourse;
    private LocalDate trainingOn;
    private LocalDate interviewOn;

    public static ScreeningForm of(Screening s) {
        ScreeningForm f = new ScreeningForm();
        f.policeSeenOn = s.policeSeenOn();
        f.policeSeenBy = s.policeSeenBy();
        f.confidentialitySignedOn = s.confidentialitySignedOn();
        f.trainingCourse = s.trainingCourse();
        f.trainingOn = s.trainingOn();
        f.interviewOn = s.interviewOn();
        return f;
    }

    public LocalDate getPoliceSeenOn() { return policeSeenOn; }
    public void setPoliceSeenOn(LocalDate v) { policeSeenOn = v; }
    public String getPoliceSeenBy() { return policeSeenBy; }
    public void setPoliceSeenBy(String v) { policeSeenBy = v; }
    public LocalDate getConfidentialitySignedOn() { return confidentialitySignedOn; }
    public void setConfidentialitySignedOn(LocalDate v) { confidentialitySignedOn = v; }
    public String getTrainingCourse() { return trainingCourse; }
    public void setTrainingCourse(String v) { trainingCourse = v; }
    public LocalDate getTrainingOn() { return trainingOn; }
    public void setTrainingOn(LocalDate v) { trainingOn = v; }
    public LocalDate getInterviewOn() { return interviewOn; }
    public void setInterviewOn(LocalDate v) { interviewOn = v; }
}
