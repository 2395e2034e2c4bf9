package no.tilfrisk.directory;

/** Who runs an offer. The seed's appendix 3 marks an institution only municipal or private (K/P). */
public enum OperatorKind {
    MUNICIPAL, STATE, VOLUNTARY, NON_PROFIT, PRIVATE
}
