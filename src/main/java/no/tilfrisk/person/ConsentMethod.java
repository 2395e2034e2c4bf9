package no.tilfrisk.person;

public enum ConsentMethod {
    VERBAL,
    SIGNED,
    SELF_SERVICE
}
