package no.tilfrisk.person;

import java.util.Map;

/**
 * The organisation's register of partner organisations, as the consent to share with a partner needs it (the
 * partner module implements it): a consent given on the person's page names one of them, chosen from a list, so a
 * typo can no longer name nobody. Consents given as free text before the register stay as they were, readable.
 */
public interface PartnerRegister {

    /** Every partner organisation's name in the caller's organisation → whether it is active. */
    Map<String, Boolean> names();
}
