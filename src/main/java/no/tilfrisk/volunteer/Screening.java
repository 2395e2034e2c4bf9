package no.tilfrisk.volunteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A volunteer's screening as recorded: the police certificate seen (never the document), the confidentiality
 * declaration signed, the training course and the interview. Each step is done when its date is set.
 */
public record Screening(UUID personId, LocalDate policeSeenOn, String policeSeenBy,
                        LocalDate confidentialitySignedOn, String trainingCourse, LocalDate trainingOn,
                        LocalDate interviewOn) {

    /** How many days before it runs out a police certificate shows as «expiring». */
    public static final int EXPIRY_WARNING_DAYS = 60;

    public static Screening none(UUID personId) {
        return new Screening(personId, null, null, null, null, null, null);
    }

    /** Where the screening stands on {@code today}, with police certificates counting {@code years} years. */
    public Status status(LocalDate today, int years) {
        List<ScreeningStep> missing = new ArrayList<>();
        LocalDate expiresOn = policeSeenOn == null ? null : policeSeenOn.plusYears(years);
        if (policeSeenOn == null) {
            missing.add(ScreeningStep.POLICE_CERTIFICATE);
        }
        if (confidentialitySignedOn == null) {
            missing.add(ScreeningStep.CONFIDENTIALITY);
        }
        if (trainingOn == null) {
            missing.add(ScreeningStep.TRAINING);
        }
        if (interviewOn == null) {
            missing.add(ScreeningStep.INTERVIEW);
        }
        boolean expired = expiresOn != null && !expiresOn.isAfter(today);
        boolean expiring = expiresOn != null && !expired && !expiresOn.isAfter(today.plusDays(EXPIRY_WARNING_DAYS));
        return new Status(List.copyOf(missing), expiresOn, expired, expiring);
    }

    /**
     * What is missing, when the police certificate runs out (the day it no longer counts), and whether that day
     * has come or comes within {@link #EXPIRY_WARNING_DAYS} days.
     */
    public record Status(List<ScreeningStep> missing, LocalDate policeExpiresOn, boolean expired, boolean expiring) {

        /** Every step done and the police certificate still valid: the volunteer may be matched. */
        public boolean complete() {
            return missing.isEmpty() && !expired;
        }
    }
}
