package no.tilfrisk.person;

public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    UNSPECIFIED
}
